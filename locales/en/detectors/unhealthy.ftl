# $since is the time of day it was first reported unhealthy.
unhealthy-title-since = { $service } is unhealthy since { $since } UTC: { $streak } failed health probes in a row
unhealthy-title = { $service } is unhealthy: { $streak } failed health probes in a row
unhealthy-fix = Fix the cause linked to { $service }; it turns healthy at the next passing probe.
unhealthy-step-watch = Watch the health status and the latest probe results.
