# What coroner says to a CI system: GitHub annotations and the short form
# of the step summary (src/report/github.rs), JUnit failures
# (src/report/junit.rs).

# Where the report went when it was not written to a file.
ci-standard-output = standard output
ci-more-root-causes = { $count } more root causes
ci-more-symptoms = { $count } more symptoms
ci-annotation-limit = GitHub shows { $limit } annotations of a kind per step; the report lists every one: { $report }
ci-annotation-service = service { $service } ({ $kind })
# Follows ci-annotation-service.
ci-annotation-explained = , explained by root cause #{ $rank }
ci-annotation-more-quotes = ({ $count } more quotes in the report)

## The short form of the step summary (Markdown; $report is already Markdown)
ci-summary-standard-output = standard output (the step's log)
ci-summary-short-form = The whole report ({ $size } KiB) is more than the 1 MiB GitHub keeps of a step summary; this is its short form. The whole report: { $report }.
ci-summary-cut = Cut here to fit the 1 MiB of a step summary; the whole report: { $report }.
ci-summary-symptom = { $title } (service { $service }, { $kind }; explained by { $explained })

## JUnit failures: the messages around the findings' own titles
ci-junit-state = { $state }, health { $health }, { $restarts ->
    [one] { $restarts } restart
   *[other] { $restarts } restarts
}
# Follows ci-junit-state.
ci-junit-exit-code = , exit code { $code }
ci-junit-and-more = { $title } (and { $more } more)
ci-junit-dismissed = seen but not blamed: { $title }
ci-junit-cause-ranked = root cause #{ $rank }: { $title }
ci-junit-cause = root cause: { $title }
ci-junit-symptom-explained = symptom: { $title } (explained by root cause #{ $rank })
ci-junit-symptom-unexplained = symptom: { $title } (no cause found)
ci-junit-dismissed-body = seen but not blamed (the service stayed healthy): { $title }
ci-junit-fix = fix: { $fix }
