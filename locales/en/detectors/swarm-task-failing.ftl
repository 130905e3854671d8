# swarm-task-failing: a Swarm service's tasks keep failing.
# Titles: $failed counts the failed tasks, $exit is swarm-task-failing-exit-code
# or swarm-task-failing-no-exit-code, $meaning what the code means, $error
# the engine's error for the last task.

swarm-task-failing-title-one = a task of { $service } failed with { $exit } ({ $meaning }): { $error }
# $span is a swarm-task-failing-span message: from the first failure to the last.
swarm-task-failing-title-within = { $service }'s tasks keep failing: { $failed } failed tasks in { $span }, the last with { $exit } ({ $meaning }): { $error }
swarm-task-failing-title = { $service }'s tasks keep failing: { $failed } failed tasks, the last with { $exit } ({ $meaning }): { $error }
swarm-task-failing-exit-code = exit code { $code }
swarm-task-failing-no-exit-code = no exit code
swarm-task-failing-no-exit-code-meaning = no exit code: the task failed before its container ran

swarm-task-failing-span-seconds = { $n } s
swarm-task-failing-span-minutes = { $n } min
swarm-task-failing-span-hours = { $n } h
swarm-task-failing-span-days = { $n } days

swarm-task-failing-exit-0 = exited normally
swarm-task-failing-exit-1 = application error: the program reported a failure and exited
swarm-task-failing-exit-2 = usage error: the program or its shell rejected an option or argument
swarm-task-failing-exit-125 = the engine refused to run the container
swarm-task-failing-exit-126 = the command cannot be executed (not executable, or a directory)
swarm-task-failing-exit-127 = command not found: a missing executable, interpreter or shared library
swarm-task-failing-exit-128 = the container could not be started (see State.Error)
swarm-task-failing-exit-130 = interrupted (SIGINT)
swarm-task-failing-exit-132 = illegal instruction (SIGILL): the binary needs a CPU feature this host lacks
swarm-task-failing-exit-134 = aborted (SIGABRT): an assertion or a fatal runtime error
swarm-task-failing-exit-137 = killed (SIGKILL)
swarm-task-failing-exit-139 = segmentation fault (SIGSEGV): the process crashed in native code, which writes nothing to the log
swarm-task-failing-exit-143 = terminated (SIGTERM): stopped on request
swarm-task-failing-exit-255 = exit status -1: the runtime could not execute the command after start, or the program exited with -1
swarm-task-failing-exit-signal = killed by signal { $signal }
swarm-task-failing-exit-other = application-specific exit code { $code }

swarm-task-failing-summary = Find out from what its tasks printed before they exited why { $service } fails, and fix that.
swarm-task-failing-step-read = Read the failed tasks, with their errors in full, and what they printed.
swarm-task-failing-step-rollback = If the failures began with an update of { $service } (a new image or setting), roll it back to the previous spec until it is fixed.
