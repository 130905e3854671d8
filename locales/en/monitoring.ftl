# Monitoring figures: the summary of each history, its onset, the probes,
# the chart's markers and the chronology's monitoring entries.
# Counts written with NUMBER(…, useGrouping: "false") have always been
# written without group separators in these sentences.

# The summary of a history: clauses joined by monitoring-clauses.
monitoring-summary-figures = { $name }: { $availability } % availability over { NUMBER($samples, useGrouping: "false") } checks ({ NUMBER($failures, useGrouping: "false") } failed) against a { $target } % target
monitoring-summary-streak = longest failure streak { NUMBER($length, useGrouping: "false") } checks over { $duration }, from { $start } to { $end }
monitoring-summary-streak-failing = longest failure streak { NUMBER($length, useGrouping: "false") } checks over { $duration }, from { $start } to { $end } (still failing at the last check)
# $class is one of the monitoring-class-* labels.
monitoring-summary-mostly = mostly { $class } ({ NUMBER($count, useGrouping: "false") } of { NUMBER($failures, useGrouping: "false") })
monitoring-clauses = { $first }; { $rest }
monitoring-sentence = { $clauses }.
monitoring-list = { $first }, { $rest }

# Why checks failed.
monitoring-class-bad-gateway = 502 Bad Gateway
monitoring-class-service-unavailable = 503 Service Unavailable
monitoring-class-gateway-timeout = 504 Gateway Timeout
monitoring-class-server-error = other 5xx
monitoring-class-client-error = 4xx
monitoring-class-timeout = timeout
monitoring-class-connection-refused = connection refused
monitoring-class-dns = DNS failure
monitoring-class-tls = TLS failure
monitoring-class-other = other error

# The top root cause's events, on the chart.
monitoring-marker-cause = { $service }: { $kind }
monitoring-marker-deploy = image { $image } created
monitoring-marker-crash-loop = { $service } started crash-looping
monitoring-marker-exit = { $service } exited

# When failures began relative to those events. $began, $recovered and
# $last are RFC 3339 times; $events is a list of monitoring-onset-after
# and monitoring-onset-before joined by monitoring-list.
monitoring-event-cause = the root cause ({ $cause }) was first seen
monitoring-event-deploy = image { $image } was created
monitoring-onset-after = { $duration } after { $event }
monitoring-onset-before = { $duration } before { $event }
monitoring-onset-recovered = Failures began at { $began }, { $events }; the checks recovered { $duration } later, at { $recovered }.
monitoring-onset-failing = Failures began at { $began }, { $events }; still failing at the last check ({ $last }).

# What an endpoint answers now. $outcome is monitoring-probe-succeeded or
# monitoring-probe-failed; $others a list of monitoring-probe-other-answer.
monitoring-probe = { $url } answers { $answer }: { $outcome } at { $checked }.
monitoring-probe-also = { $url } answers { $answer } (also { $others }): { $outcome } at { $checked }.
monitoring-probe-other-answer = { $answer } to { NUMBER($tries, useGrouping: "false") }
monitoring-probe-succeeded = { NUMBER($tries, useGrouping: "false") } of { NUMBER($tries, useGrouping: "false") } probes succeeded
monitoring-probe-failed = { NUMBER($failed, useGrouping: "false") } of { NUMBER($tries, useGrouping: "false") } probes failed

# Chronology entries. $check is the failed check's message, as quoted.
monitoring-entry-first-failure = { $name }: first failed check: { $check }
monitoring-entry-streak-recovered = { $name }: longest failure streak, { NUMBER($length, useGrouping: "false") } consecutive failed checks (recovered at { $recovered })
monitoring-entry-streak-failing = { $name }: longest failure streak, { NUMBER($length, useGrouping: "false") } consecutive failed checks (still failing at the last check)
monitoring-entry-recovered = { $name }: checks recovered ({ NUMBER($recoveries, useGrouping: "false") } recoveries in all)

# Problems met reading a monitoring history. $error is the parser's message.
monitoring-problem-dropped = { NUMBER($dropped, useGrouping: "false") } checks beyond the { NUMBER($kept, useGrouping: "false") } a series keeps were not read
monitoring-problem-long-line = line longer than { NUMBER($bytes, useGrouping: "false") } bytes: cut
monitoring-problem-not-array = not a JSON array
monitoring-problem-unclosed-array = the JSON array is not closed
monitoring-problem-invalid-json = invalid JSON: { $error }; the rest of the file was not read
monitoring-problem-no-series = the Prometheus query matched no series
monitoring-problem-prometheus-value = result { $result }, value { $value }: { $error }
monitoring-problem-endpoint = endpoint { $endpoint }, result { $result }: { $error }
