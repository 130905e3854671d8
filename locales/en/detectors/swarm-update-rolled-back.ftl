# swarm-update-rolled-back: a Swarm service's update failed and was rolled back or paused.
# $outcome is rolled-back or paused.

swarm-update-rolled-back-title = { $service }'s last update failed and { $outcome ->
        [paused] Swarm paused it
       *[rolled-back] Swarm rolled it back
    }: the new version never took over
# $message is the engine's update status message, quoted.
swarm-update-rolled-back-title-message = { $service }'s last update failed and { $outcome ->
        [paused] Swarm paused it
       *[rolled-back] Swarm rolled it back
    }: the new version never took over ({ $message })
swarm-update-rolled-back-summary = Find why { $service }'s new tasks failed, fix the new version, and update again.
swarm-update-rolled-back-step = See the failed tasks of the update and what they printed.
