# The words of the compare report (templates/compare.md.tera,
# compare.html.tera), also the incident report's "Before and after".

compare-report-title = Before and after
compare-report-page-title = Before and after: { $verdict }
compare-report-after-verdict = After: { $verdict }
compare-report-before-verdict = (before: { $verdict })

compare-report-verdict-identified = Root cause identified
compare-report-verdict-suspected = Root cause suspected
compare-report-verdict-healthy = Healthy
compare-report-verdict-inconclusive = Inconclusive

compare-report-window-until = until { $until }
compare-report-window-not-stated = not stated
compare-report-not-recorded = not recorded
# $points is already written with its sign.
compare-report-points = { $points } points

compare-report-status-resolved = resolved
compare-report-status-still-present = still present
compare-report-status-new = new

compare-report-before = Before
compare-report-after = After
compare-report-row-source = Source
compare-report-row-window = Window
compare-report-row-host = Host
compare-report-row-status = Status
compare-report-origin-report = JSON report
compare-report-origin-bundle = bundle

compare-report-heading-findings = Root causes and symptoms
compare-report-col-status = Status
compare-report-col-finding = Finding
compare-report-col-role = Role
compare-report-col-service = Service
compare-report-col-kind = Kind
compare-report-col-occurrences = Occurrences
compare-report-role-cause = root cause
compare-report-role-symptom = symptom
compare-report-no-findings = Neither side found a root cause or a symptom.

compare-report-heading-containers = Containers
compare-report-col-container = Container
compare-report-col-state = State
compare-report-col-health = Health
compare-report-col-restarts = Restarts
compare-report-col-exit-code = Exit code
compare-report-col-image = Image
compare-report-col-change = Change
compare-report-trend-recovered = recovered
compare-report-trend-still-failing = still failing
compare-report-trend-now-failing = now failing
compare-report-trend-fine = fine on both sides
compare-report-trend-gone = before only
compare-report-trend-new = after only
compare-report-no-containers = Neither side holds container state.

compare-report-heading-monitoring = Monitoring
compare-report-targets = Availability targets: { $before } % before, { $after } % after.
compare-report-col-monitor = Monitor
compare-report-col-availability = Availability
compare-report-col-longest-streak = Longest failure streak
compare-report-col-failed-checks = Failed checks
compare-report-col-error-classes = Error classes
compare-report-of = { $part } of { $whole }
compare-report-none = none
compare-report-trend-better = better
compare-report-trend-worse = worse
compare-report-trend-same = unchanged
compare-report-failing-last-check = failing at the last check
compare-report-no-monitoring = Neither side holds a monitoring history.

compare-report-outcome = Of the { $before } root causes and symptoms found before, { $resolved } { $resolved ->
    [one] is
   *[other] are
} resolved and { $still } still present; { $new } { $new ->
    [one] is
   *[other] are
} new.
compare-report-different-hosts = The two sides come from different hosts ({ $before }, { $after }): a finding absent after may be absent because the host is another, not because it was fixed.
