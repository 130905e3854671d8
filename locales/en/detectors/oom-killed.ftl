# $limit is one of the two limits below.
oom-killed-title = { $service } was killed for running out of memory (limit { $limit })
oom-killed-limit-none = no limit set (host memory exhausted)
oom-killed-limit-mib = { $mib } MiB
oom-killed-fix = Give { $service } more memory than { $limit }, or make it use less.
oom-killed-step-raise = Raise the memory limit and restart the container.
oom-killed-step-measure = Measure the real peak and set the limit in the compose file (mem_limit or deploy.resources.limits.memory).
