# The write-up: status, executive summary, solutions, next steps and
# technical details (src/analyze/summary.rs).

## Joining

# $first and $rest are sentences or clauses already written.
summary-semicolons = { $first }; { $rest }
summary-commas = { $first }, { $rest }
summary-sentence = { $text }.

## Status

summary-status-identified = Root cause identified
summary-status-suspected = Root cause suspected
summary-status-healthy = Healthy
summary-status-inconclusive = Inconclusive
# $title is the top cause's title without its period; $confidence a
# percentage; $traced one of summary-traced-*.
summary-status-identified-sentence = { $title } ({ $confidence } confidence){ $traced }.
summary-status-suspected-sentence = Most likely { $title } ({ $confidence } confidence){ $traced }; the evidence does not settle it.
# $containers is summary-no-container-state or summary-containers-at-rest.
summary-status-healthy-sentence = { $containers } and no detector found a problem in { $logs ->
        [one] { $logs } log
       *[other] { $logs } logs
    }.
summary-status-unexplained-symptoms = { $symptoms ->
        [one] { $symptoms } symptom
       *[other] { $symptoms } symptoms
    } seen ({ $explained } explained) but the evidence names no cause; see what could not be collected.
# $containers: the failing containers' names.
summary-status-unexplained-failures = { $failing ->
        [one] { $failing } container
       *[other] { $failing } containers
    } failing ({ $containers }) but no detector recognised why; see what could not be collected.
# How many of the $symptoms the top cause explains ($traced), after the
# sentence: none, all of them, or some.
summary-traced-none = { "" }
summary-traced-all = ; { $traced ->
        [one] the one symptom found traces back to it
       *[other] all { $traced } symptoms found trace back to it
    }
summary-traced-some = ; { $traced } of { $symptoms } symptoms { $traced ->
        [one] traces
       *[other] trace
    } back to it
summary-no-container-state = No container state was collected
summary-containers-at-rest = { $containers ->
        [one] The only container is running, never restarted and not unhealthy
       *[other] All { $containers } containers are running, none restarted or unhealthy
    }

## Headline

summary-headline-cause = { $title }
summary-headline-service-cause = { $service }: { $title }
summary-headline-healthy = No incident found
summary-headline-failing = { $containers } failing, cause not identified
summary-headline-symptoms = { $symptoms ->
        [one] { $symptoms } symptom
       *[other] { $symptoms } symptoms
    }, cause not identified

## What went wrong

# $states: summary-container-is, joined.
summary-containers-failing = { $failing } of { $containers ->
        [one] { $containers } container
       *[other] { $containers } containers
    } { $failing ->
        [one] is
       *[other] are
    } failing: { $states }.
summary-container-is = { $container } is { $state }
summary-state-restarting = restarting
summary-state-never-started = created but never started (exit code { $code })
summary-state-stopped = { $status } with exit code { $code }
# Docker's word for a container's status: created, restarting, running,
# removing, paused, exited, dead.
summary-docker-status = { $status }
# $health is Docker's: starting, healthy, unhealthy.
summary-state-health = { $state }, { $health }
summary-state-restarts = { $state } ({ $restarts ->
        [one] { $restarts } restart
       *[other] { $restarts } restarts
    })
summary-state-oom = { $state }, killed for lack of memory
# $first is a moment; $last a moment, or only the clock on the same day.
# $codes: `1 ×9, 2 ×1`.
summary-restarts = { $container } exited { $exits ->
        [one] { $exits } time
       *[other] { $exits } times
    } between { $first } and { $last } (exit code { $codes }) under restart policy { $policy }.
# $title is a finding's title without its period.
summary-finding-span = { $title } (from { $first } to { $last }).
summary-finding-at = { $title } (at { $first }).
summary-finding = { $title }.

## Root cause and trigger

summary-root-cause = { $title }.
summary-root-cause-seen = { $title }, first seen { $first }.
summary-root-cause-times = { $title } and { $times ->
        [one] { $times } time
       *[other] { $times } times
    } in all.
summary-root-cause-seen-times = { $title }, first seen { $first } and { $times ->
        [one] { $times } time
       *[other] { $times } times
    } in all.
# $image is the image reference, summary-image-* or summary-image-declared-*;
# $how is summary-first-*, $when summary-within-a-second or summary-later.
summary-trigger = { $container } was created from { $image } at { $created }; it { $how } { $when }.
summary-trigger-replacing = { $container } was created from { $image } at { $created }, replacing { $previous }; it { $how } { $when }.
summary-image-built = { $image } ({ $id }, built { $built })
summary-image-id = { $image } ({ $id })
# $line: the compose file and line that chose the image; $text: that line.
summary-image-declared-as = { $image } (as { $line } says: `{ $text }`)
summary-image-declared-whereas = { $image } (whereas { $line } says: `{ $text }`)
summary-first-exited = first exited
summary-first-exited-code = first exited (code { $code })
summary-first-failed = first failed
summary-within-a-second = within a second
summary-later = { $duration } later
summary-deploy-failure = { $container } { $how } { $when }
summary-within-a-second-of-creation = within a second of its creation
summary-after-creation = { $duration } after its creation

## Impact and affected services

summary-impact-duration = { $duration }
# $rank is a root cause's rank, $kind its kind.
summary-rank-kind = #{ $rank } ({ $kind })
# $causes: summary-rank-kind, joined.
summary-role-cause = root cause { $causes }
# $symptoms: summary-symptom-of and summary-symptom-unexplained, joined.
summary-role-symptom = symptom { $symptoms }
summary-symptom-of = of { $cause }
summary-symptom-unexplained = unexplained ({ $kind })
summary-role-unexplained-failure = failing, no finding explains it
summary-not-a-container = not a container
summary-host-log = no container; its log is { $log }
summary-monitor-of = monitor of { $target }, history { $source }

## Next steps

summary-because-cause = root cause #{ $rank } ({ $kind }, { $confidence } confidence)
summary-because-causes = root causes { $causes }
summary-fix-title = Fix: { $title }.
summary-fix-service = Fix { $service } for all { $causes } causes below, then rebuild and redeploy it once.
summary-roll-back = If the fix cannot ship today, roll { $container } back to { $image }, which it ran until { $until }.
summary-because-replaced = the failures began after { $image } replaced it
# $services: the services whose symptoms the cause explains; $count how many.
summary-check-recovery = Once { $service } is fixed, check that { $services } { $count ->
        [one] recovers
       *[other] recover
    }.
summary-because-symptoms = { $symptoms ->
        [one] { $symptoms } symptom
       *[other] { $symptoms } symptoms
    } of root cause #{ $rank }
summary-find-cause = Find the cause of this symptom, which nothing in the evidence explains: { $title }.
summary-because-unexplained = unexplained symptom ({ $kind })
summary-gate-deploys = Gate deploys on a start-up check: start the new container once and require it to stay up (and healthy, where it has a healthcheck) before it replaces the running one.
summary-alert-restart-loops = Alert on restart loops: restart policy { $policy } restarted { $container } { $restarts ->
        [one] { $restarts } time
       *[other] { $restarts } times
    } without fixing anything.
# RestartCount is the field of `docker container inspect`.
summary-because-restart-count = RestartCount { $restarts } in { $source }
summary-monitor-services = Monitor the services users reach from outside the host and alert on consecutive failures.
summary-monitor-addresses = Monitor { $addresses } from outside the host and alert on consecutive failures.
summary-because-no-monitoring = no monitoring history was available for this incident
summary-runbook = Write a runbook entry for { $kinds }: how it shows, how to confirm it, how to fix it, from this report.
summary-because-cause-kinds = { $kinds ->
        [one] { $kinds } cause kind
       *[other] { $kinds } cause kinds
    } found in this incident
summary-keep-engine-events = Keep engine events beyond the engine's buffer (for example run { $command } into the journal), so the history of restarts survives.

## Technical details

summary-owner-container = container
summary-owner-host-process = host process
summary-owner-name = { $name }
summary-owner-unknown = unknown
summary-owned-by = { $kind } { $owner }
# $port: the container's port (8000/tcp); $state: summary-docker-status.
summary-port-published = -> { $port } ({ $state })
summary-port-unpublished = not published ({ $state })
summary-listening = listening on the host
summary-listening-unnamed = listening on the host; run ss -ltnp as root to name the process
summary-clock-unread = not read at collection: its timestamps are taken as they are
# $seconds: the engine clock's offset; $what: summary-clock-corrected or -within.
summary-clock-behind = { $seconds } s behind the collector's; { $what }
summary-clock-ahead = { $seconds } s ahead of the collector's; { $what }
summary-clock-corrected = its timestamps are corrected by it in this report
summary-clock-within = within 2 s: its timestamps are taken as they are
