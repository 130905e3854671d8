# $answer is the answer as the probe recorded it (502 Bad Gateway, timeout).
probe-failing-title = { $url } answers { $answer } to { $failed } of { $probes } probes now
probe-failing-fix = Fix the root cause behind { $url }, then probe it again.
probe-failing-step-probe = Probe the endpoint again after the fix.
