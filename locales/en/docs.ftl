# The index of an incident directory (`investigate --docs DIR`):
# src/report/docs.rs and templates/incidents.md.tera.

docs-index-title = Incidents
docs-index-intro = Post-incident reports written by coroner, newest first.

docs-col-date = Date
docs-col-incident = Incident
docs-col-services = Services
docs-col-root-causes = Root causes
docs-col-recurrence = Recurrence
docs-occurrence = occurrence { $n }
docs-first-time = first time

docs-recurring-heading = Root causes seen more than once
docs-col-root-cause = Root cause
docs-col-times = Times
docs-col-first = First
docs-col-last = Last
docs-col-reports = Reports
