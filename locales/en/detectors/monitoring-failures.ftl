# monitoring-failures: a monitor's checks failed.

# $failures is one of the two messages below; $failed counts every failed
# check, $availability and $target are percentages (the sign is written here).
monitoring-failures-title = { $monitor }: { $failures }, { $availability } % availability vs { $target } % target
monitoring-failures-title-in-all = { $monitor }: { $failures } ({ $failed } in all), { $availability } % availability vs { $target } % target
monitoring-failures-streak = { $streak } consecutive failures
monitoring-failures-failed-checks = { $failed ->
        [one] { $failed } failed check
       *[other] { $failed } failed checks
    }

# $target is what the monitor checks: a URL, or a name.
monitoring-failures-summary = Fix the root cause behind { $target }, then confirm the checks pass again.
monitoring-failures-step-check = Check what the endpoint answers now, and again after the fix.
monitoring-failures-step-alert = Alert on a few consecutive failed checks, so a streak like this one ({ $streak } checks) pages someone early.
