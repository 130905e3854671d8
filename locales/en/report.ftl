# The words of the incident report (templates/report.md.tera,
# report.html.tera), its availability chart and the end-of-run lines.
# Markup stays in the templates; arguments named after code ($service,
# $kind, $source, $flag…) arrive already formatted as code.

# A colon between a label and its value: French puts a space before it.
report-colon = :
# Between two items of a list in one line.
report-semicolon = ;

report-title = Incident report: { $headline }
report-page-title = Incident report { $date }: { $headline }

## The line under the title
report-meta-window = Window:
report-meta-date = Date:
report-meta-host = Host:
report-meta-times = Times:
report-meta-times-zone = UTC; timestamps without a zone were read as { $zone }.
report-meta-times-in-utc = Times in UTC; timestamps without a zone were read as { $zone }
report-window-until = until { $until }
report-window-not-stated = not stated

report-no-redact-warning = Warning: secrets were not masked ({ $flag }).
report-no-redact-warning-detail = This report holds the passwords and tokens found in the evidence. Do not share it.
report-seen-before = Seen before.
report-seen-before-item = { $fingerprint } on { $date }
report-status = Status: { $label }

## Navigation of the HTML page
report-nav-summary = Summary
report-nav-technical = Technical
report-nav-gaps = Not collected

## Headings
report-heading-summary = Executive summary
report-heading-before-after = Before and after
report-heading-root-causes = Root causes
report-heading-symptoms = Symptoms
report-heading-dismissed = Seen but not blamed
report-heading-chronology = Chronology
report-heading-services = Services
report-heading-monitoring = Monitoring
report-heading-probes = What the endpoints answer now
report-heading-solutions = Solutions
# The anchor GitHub gives the Solutions heading: its words, lower case,
# spaces as hyphens.
report-heading-solutions-anchor = solutions
report-heading-next-steps = Next steps
report-heading-lessons = Lessons learned
report-heading-technical = Technical information
report-heading-engines = Engines
report-heading-ports = Ports in use
report-heading-images = Images
report-heading-networks = Networks
report-heading-gaps = What could not be collected
report-heading-inputs = Inputs
report-heading-problems = Problems

## Executive summary
report-summary-root-cause = Root cause.
report-summary-root-cause-unknown = Not identified from the evidence.
report-summary-trigger = Trigger.
report-summary-onset = Onset.
report-summary-impact-window = Impact window.
report-summary-impact-ongoing = still failing when the evidence was collected
report-summary-what-happened = What happened:
report-summary-affected = Affected services:

## Before and after
report-before-after-against = Set against the earlier investigation { $source }.

## Root causes
report-fact-service = Service { $service }
report-fact-detector = detector { $kind }
report-fact-confidence = confidence { $confidence }
report-fact-first-seen = first seen { $when }
report-fact-last-seen = last seen { $when }
report-fact-occurrences = { $count ->
    [one] { $count } occurrence
   *[other] { $count } occurrences
}
report-related = Other causes found in the same service:
report-chain = Causal chain
report-chain-root-first = , root first:
report-fix = Fix:
report-fix-see-solutions = Steps and commands are under
report-no-root-cause = No root cause was found.
report-fixes = fixes
report-because = Because:

## Symptoms
report-explained-by-cause = root cause #{ $rank }
report-via = via
report-explained-by-nothing = nothing found
report-symptom-evidence = Evidence for symptom { $n } ({ $kind })
report-no-symptoms = No symptoms were found.
report-dismissed-intro = Found in containers that stayed running and healthy and never restarted, so they did not cause the incident:

## Chronology and services
report-engine = engine { $engine }
report-no-timeline = The evidence holds no dated events.
report-service-failing = failing
report-no-services = No container state was collected.

## Monitoring
report-availability-target = Availability target: { $target } %.
report-row-target = Target
report-row-checks = Checks
report-checks-value = { $samples }, { $failures } failed, { $span } UTC, median interval { $interval }
report-row-availability = Availability
report-availability-against = { $availability } % against a target of { $target } %:
report-target-met = met
report-target-missed = missed
report-row-longest-streak = Longest failure streak
# English says "checks" whatever the number, as it always has.
report-streak-value = { $checks } checks, { $span } UTC ({ $duration })
report-streak-recovered = recovered { $when }
report-streak-still-failing = still failing at the last check
report-row-first-failure = First failure
report-row-recoveries = Recoveries
report-recoveries-first = first { $when }
report-failing-last-check = failing at the last check
report-row-latency = Latency
report-latency-value = p50 { $p50 } ms, p90 { $p90 } ms, p99 { $p99 } ms, max { $max } ms ({ $checks } checks)
report-daily-summary = Availability per day ({ $days } days)
report-holes = Holes in the history (no checks recorded):
report-tries = { $failed } of { $tries }
report-latency-ms = { $ms } ms

## Solutions and next steps
report-horizon-immediate = Immediate
report-horizon-short-term = Short term
report-horizon-medium-term = Medium term
report-no-solutions = Nothing to fix: no cause was found.
report-when-today = Today
report-when-this-week = This week
report-when-this-month = This month
report-no-next-steps = None: the evidence shows nothing to act on.

## Lessons learned
report-lessons-fill-in = For the team to fill in
report-lessons-fill-in-rest = at the review. coroner leaves this section empty on purpose.
report-lessons-went-well = What went well?
report-lessons-went-wrong = What went wrong, and what made it harder to see?
report-lessons-lucky = Where did we get lucky?
report-lessons-caught = What would have caught this before users did?
report-lessons-commit = Which of the next steps do we commit to, and who owns each?

## Technical information
report-not-recorded = not recorded
report-not-known = not known
report-row-host = Host
report-row-docker-engine = Docker engine
report-row-api-version = API version
report-row-os = OS
report-row-kernel = Kernel
report-row-collected-at = Collected at
report-row-collected-by = Collected by
report-size-mb = { $size } MB
report-ip-none = none (not running)
report-configuration-of = Configuration of { $container }
report-configuration-from = From { $source }; values of secret-looking variables are masked.
report-row-entrypoint = Entrypoint
report-row-command = Command
report-row-working-directory = Working directory
report-row-user = User
report-user-root = root (not set)
report-row-restart-policy = Restart policy
report-row-environment = Environment
report-no-gaps = Nothing: every expected source was in the bundle.

## Inputs
report-inputs-counts = { $read } files read, { $ignored } ignored, { $problems ->
    [one] { $problems } problem
   *[other] { $problems } problems
}.
report-inputs-no-redact = Secrets were not masked
report-inputs-no-redact-detail = ({ $flag }): this report holds the evidence's passwords and tokens as found.
report-inputs-masked = { $count ->
    [one] { $count } secret value
   *[other] { $count } secret values
} masked as { $placeholder } (one number per value, so a repeated value keeps its number; values are never written).
report-inputs-ignored = Ignored:
report-inputs-problems-note = (the rest of each file was still read):
report-inputs-problems-rest = The rest of each file was still read.
report-files-read = Files read ({ $count })
report-files-ignored = Files ignored ({ $count })

## Column and row headers
report-col-source = Source
report-col-time = Time
report-col-count = Count
report-col-quoted-evidence = Quoted evidence
report-col-service = Service
report-col-affected-service = Affected service
report-col-state = State
report-col-part = Part in the incident
report-col-symptom = Symptom
report-col-seen-utc = Seen (UTC)
report-col-explained-by = Explained by
report-col-time-utc = Time (UTC)
report-col-event = Event
report-col-container = Container
report-col-image = Image
report-col-health = Health
report-col-restarts = Restarts
report-col-exit-code = Exit code
report-col-ports = Ports
report-col-figure = Figure
report-col-value = Value
report-col-error-class = Error class
report-col-share-of-failures = Share of failures
report-col-first-message = First message
report-col-day-utc = Day (UTC)
report-col-checks = Checks
report-col-failed = Failed
report-col-availability = Availability
report-col-target = Target
report-col-endpoint = Endpoint
report-col-checked-at = Checked at
report-col-answer = Answer
report-col-failed-tries = Failed tries
report-col-median-latency = Median latency
report-col-engine = Engine
report-col-host = Host
report-col-docker = Docker
report-col-address = Address
report-col-clock = Clock
report-col-owner = Owner
report-col-detail = Detail
report-col-also-bound-by = Also bound by
report-col-id = ID
report-col-created = Created
report-col-created-utc = Created (UTC)
report-col-used-by = Used by
report-col-size = Size
report-col-network = Network
report-col-ip = IP
report-col-aliases = Aliases
report-col-setting = Setting
report-col-kind-of-secret = Kind of secret
report-col-values = Values
report-col-masked-in = Masked in
report-col-file = File
report-col-read-as = Read as
report-col-why = Why
report-col-where = Where
report-col-problem = Problem

## The availability chart (an SVG in the HTML report)
report-chart-title = Availability over time against the { $target } % target
report-chart-source = { $name } ({ $target }): { $availability } % available, target { $goal } %
report-chart-streak = longest failure streak: { $checks } checks, { $start } to { $end }
report-chart-slice = { $start }: { $failed } of { $checks } checks failed
report-chart-target = target
report-chart-restart = { $label } at { $when }

## The end-of-run lines on standard error ($verdict and $kind are identifiers)
report-terminal-verdict = verdict: { $verdict }
report-terminal-root-cause = root cause: { $kind } { $service }: { $title }
