# healthcheck-failing: a container's healthcheck keeps failing.
# Every title has $container and $streak (consecutive failed probes).

healthcheck-failing-title-tool-missing = { $container }'s healthcheck is broken: `{ $tool }` is not in the image, so every probe fails before it reaches the service ({ $streak } failures in a row)
healthcheck-failing-title-refused = { $container } does not answer its healthcheck: connection refused ({ $streak } failures in a row)
# $entry is the variable that sets the port, e.g. PORT=8080.
healthcheck-failing-title-wrong-port = { $container }'s healthcheck probes port { $probed }, but the service is set to listen on { $listening } ({ $entry }): connection refused ({ $streak } failures in a row)
# $limit is the engine's timeout, e.g. 3s.
healthcheck-failing-title-timed-out = { $container } does not answer its healthcheck within { $limit }: the service hangs or is too slow ({ $streak } failures in a row)
healthcheck-failing-title-http-error = { $container } answers its healthcheck with HTTP { $code }: the probe works, the service reports trouble of its own ({ $streak } failures in a row)
# $output is the first line the last probe printed.
healthcheck-failing-title-other = { $container } fails its healthcheck ({ $streak } failures in a row): { $output }
healthcheck-failing-title-other-silent = { $container } fails its healthcheck ({ $streak } failures in a row): no probe output recorded

# A compose edit: the line ($text) to replace with $replacement.
healthcheck-failing-edit = on line { $line } of { $file }, replace `{ $text }` with `{ $replacement }`

healthcheck-failing-tool-missing-summary = Fix { $container }'s healthcheck: `{ $tool }` does not exist in the image; probe with a tool that does.
healthcheck-failing-step-tools = See which probe tools the image has.
# $replace is one of the healthcheck-failing-replace messages.
healthcheck-failing-step-replace = { $replace }, then re-create the container and watch the probes pass.
# $edit is healthcheck-failing-edit.
healthcheck-failing-replace-declared = Replace the healthcheck test with one the image can run (if the image has that tool: see above): { $edit }
# $bash and $wget are healthcheck tests to paste.
healthcheck-failing-replace-example = Replace the healthcheck test with one the image can run, e.g. { $bash }
healthcheck-failing-replace-example-wget = Replace the healthcheck test with one the image can run, e.g. { $wget } or { $bash }

healthcheck-failing-wrong-port-summary = Make { $container }'s healthcheck probe port { $listening }, where the service listens.
healthcheck-failing-step-confirm-port = Confirm the service answers the probe on port { $listening }.
healthcheck-failing-step-probe-port = Probe the port the service listens on: { $edit }, re-create the container and watch the probes pass.
healthcheck-failing-step-change-test = Change the healthcheck test to `{ $test }` (compose `healthcheck.test`, or `--health-cmd`), re-create the container and watch the probes pass.

healthcheck-failing-service-summary = { $container } itself does not answer its healthcheck: find out why from its logs, and restart it.
healthcheck-failing-step-read-logs = Read what the service logged and run the probe by hand.
healthcheck-failing-step-restart = Restart the service once its logs show why it stopped answering.
healthcheck-failing-step-more-time = If the service is only slow to answer, give the probe more time (healthcheck `timeout`, `start_period`) and re-create the container.
