# L'index d'un répertoire d'incidents (`investigate --docs DIR`) :
# src/report/docs.rs et templates/incidents.md.tera.

docs-index-title = Incidents
docs-index-intro = Rapports post-incident écrits par coroner, du plus récent au plus ancien.

docs-col-date = Date
docs-col-incident = Incident
docs-col-services = Services
docs-col-root-causes = Causes racines
docs-col-recurrence = Récurrence
docs-occurrence = occurrence nº { $n }
docs-first-time = première fois

docs-recurring-heading = Causes racines vues plusieurs fois
docs-col-root-cause = Cause racine
docs-col-times = Fois
docs-col-first = Première
docs-col-last = Dernière
docs-col-reports = Rapports
