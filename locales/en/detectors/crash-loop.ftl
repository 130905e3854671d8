# $code is the exit code. $reason is the engine's error as it wrote it, or
# what the exit code means (a crash-loop-exit-* message).
crash-loop-title-never-started = { $service } never started (exit code { $code }): { $reason }
# $at is the moment as the engine's events write it (2026-11-27T18:57:03Z).
crash-loop-title-stopped = { $service } was stopped on request at { $at } (exit code { $code }) and not started again
# $meaning is a crash-loop-exit-* or crash-loop-sigkill-* message; $span a crash-loop-span-* one.
crash-loop-title-looping-span = { $service } is crash-looping: { $exits } exits in { $span }, last exit code { $code } ({ $meaning })
crash-loop-title-looping = { $service } is crash-looping: { $exits } exits, last exit code { $code } ({ $meaning })
crash-loop-title-exited = { $service } exited with code { $code } ({ $meaning })

# What an exit code means, after Docker's conventions.
crash-loop-exit-0 = exited normally
crash-loop-exit-1 = application error: the program reported a failure and exited
crash-loop-exit-2 = usage error: the program or its shell rejected an option or argument
crash-loop-exit-125 = the engine refused to run the container
crash-loop-exit-126 = the command cannot be executed (not executable, or a directory)
crash-loop-exit-127 = command not found: a missing executable, interpreter or shared library
crash-loop-exit-128 = the container could not be started (see State.Error)
crash-loop-exit-130 = interrupted (SIGINT)
crash-loop-exit-132 = illegal instruction (SIGILL): the binary needs a CPU feature this host lacks
crash-loop-exit-134 = aborted (SIGABRT): an assertion or a fatal runtime error
crash-loop-exit-137 = killed (SIGKILL)
crash-loop-exit-139 = segmentation fault (SIGSEGV): the process crashed in native code, which writes nothing to the log
crash-loop-exit-143 = terminated (SIGTERM): stopped on request
crash-loop-exit-255 = exit status -1: the runtime could not execute the command after start, or the program exited with -1
crash-loop-exit-signal = killed by signal { $signal }
crash-loop-exit-other = application-specific exit code { $code }

# Exit code 137, by who sent SIGKILL.
crash-loop-sigkill-oom = killed by the kernel for exceeding its memory limit (OOM)
crash-loop-sigkill-stop-timeout = killed with SIGKILL after it did not stop on SIGTERM in time (docker stop timeout)
crash-loop-sigkill-docker-kill = killed with SIGKILL by docker kill
crash-loop-sigkill-other = killed with SIGKILL, not by the OOM killer (another process or a stop timeout)

crash-loop-span-seconds = { $n } s
crash-loop-span-minutes = { $n } min
crash-loop-span-hours = { $n } h
crash-loop-span-days = { $n ->
        [one] { $n } day
       *[other] { $n } days
    }

crash-loop-fix-stopped = Start { $service } again if it should be running, and find out who stopped it.
crash-loop-step-start = Start it again.
crash-loop-step-who-stopped = Find who or what stopped it (a deploy script, a cron job, an operator) from the engine's events.
crash-loop-fix-never-started = Fix what State.Error says kept { $service } from starting, then start it.
crash-loop-step-never-started = Read why the engine could not start it, fix that, and start it again.
crash-loop-fix = Find out from its last log lines and exit code why { $service } exits, and fix that.
crash-loop-step-read-logs = Read what the last runs printed before they exited.
crash-loop-step-stop-loop = Stop the restart loop while you fix it, so the logs stop churning.
crash-loop-step-crash = Find the crashing binary: the kernel logs the faulting program and library; then run the image by hand to reproduce.
crash-loop-step-sigkill = Find who killed it: an `oom` event means the memory limit, a `kill` event means docker kill or a stop timeout.
crash-loop-step-command = Check the command the image runs and that it exists and is executable in the image.
crash-loop-step-follow = Follow the next runs as they happen.
crash-loop-step-foreground = Run it again in the foreground to see the whole error output.
# $built is the moment as the image's metadata writes it (2026-11-27T18:57:03Z).
crash-loop-step-roll-back = If the exits began with a new image ({ $image } was built at { $built }), roll back to the previous tag until it is fixed.
crash-loop-step-roll-back-undated = If the exits began with a new image ({ $image } was built at an unknown time), roll back to the previous tag until it is fixed.
