# The services table. $state is Docker's container state (running, exited,
# restarting, created, paused, removing, dead); $health its health status
# (healthy, unhealthy, starting) or none.
services-state = { $state }
services-health = { $health }
# A Swarm service: its running tasks out of the tasks it wants.
services-tasks-running = { NUMBER($running, useGrouping: "false") }/{ NUMBER($desired, useGrouping: "false") } tasks running
