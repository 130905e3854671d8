# The chronology: one entry an event. $container, $service, $image, $id,
# $code, $signal, $state, $status, $action and $error are as the evidence
# names them.

chronology-image-created = image { $image } ({ $id }) created
# $title is the finding's title.
chronology-finding = { $title }
chronology-finding-repeated = { $title } ({ NUMBER($times, useGrouping: "false") } times)
# A run of Swarm tasks of one service that ended the same way; $state is
# Docker's task state (failed, rejected, pending, shutdown, …).
chronology-tasks = { $tasks ->
    [one] a task
   *[other] { NUMBER($tasks, useGrouping: "false") } tasks
} of { $service } { $state }
chronology-tasks-error = { $tasks ->
    [one] a task
   *[other] { NUMBER($tasks, useGrouping: "false") } tasks
} of { $service } { $state }: { $error }
# A run of exits with the same code, $dies of them, restarted in between.
chronology-exited = { $container } exited
chronology-exited-code = { $container } exited, exit code { $code }
chronology-exited-repeatedly = { $container } exited { NUMBER($dies, useGrouping: "false") } times (restart loop)
chronology-exited-repeatedly-code = { $container } exited { NUMBER($dies, useGrouping: "false") } times, exit code { $code } (restart loop)
# $status: healthy, unhealthy or starting.
chronology-health = { $container } became { $status }
chronology-oom = { $container } hit its memory limit (oom)
chronology-kill = { $container } was sent signal { $signal }
# Any other Docker event: $action is its name (start, stop, create, …).
chronology-event = { $container } { $action }
chronology-last-started = { $container } last started (restart count { NUMBER($restarts, useGrouping: "false") })
chronology-last-exited = { $container } last exited with code { $code }
