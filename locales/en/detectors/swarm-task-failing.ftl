# swarm-task-failing: a Swarm service's tasks keep failing.
# Titles: $failed counts the failed tasks, $exit is swarm-task-failing-exit-code
# or swarm-task-failing-no-exit-code, $meaning what the code means, $error
# the engine's error for the last task.

swarm-task-failing-title-one = a task of { $service } failed with { $exit } ({ $meaning }): { $error }
# $span: from the first failure to the last.
swarm-task-failing-title-within = { $service }'s tasks keep failing: { $failed } failed tasks in { $span }, the last with { $exit } ({ $meaning }): { $error }
swarm-task-failing-title = { $service }'s tasks keep failing: { $failed } failed tasks, the last with { $exit } ({ $meaning }): { $error }
swarm-task-failing-exit-code = exit code { $code }
swarm-task-failing-no-exit-code = no exit code
swarm-task-failing-no-exit-code-meaning = no exit code: the task failed before its container ran

swarm-task-failing-summary = Find out from what its tasks printed before they exited why { $service } fails, and fix that.
swarm-task-failing-step-read = Read the failed tasks, with their errors in full, and what they printed.
swarm-task-failing-step-rollback = If the failures began with an update of { $service } (a new image or setting), roll it back to the previous spec until it is fixed.
