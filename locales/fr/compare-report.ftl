# Les mots du rapport de comparaison (templates/compare.md.tera,
# compare.html.tera), aussi la section « Avant / après » du rapport.

compare-report-title = Avant / après
compare-report-page-title = Avant / après : { $verdict }
compare-report-after-verdict = Après : { $verdict }
compare-report-before-verdict = (avant : { $verdict })

compare-report-verdict-identified = Cause racine identifiée
compare-report-verdict-suspected = Cause racine soupçonnée
compare-report-verdict-healthy = Sain
compare-report-verdict-inconclusive = Non concluant

compare-report-window-until = jusqu'au { $until }
compare-report-window-not-stated = non précisée
compare-report-not-recorded = non enregistré
compare-report-points = { $points } points

compare-report-status-resolved = résolu
compare-report-status-still-present = toujours présent
compare-report-status-new = nouveau

compare-report-before = Avant
compare-report-after = Après
compare-report-row-source = Source
compare-report-row-window = Fenêtre
compare-report-row-host = Hôte
compare-report-row-status = Statut
compare-report-origin-report = rapport JSON
compare-report-origin-bundle = bundle

compare-report-heading-findings = Causes racines et symptômes
compare-report-col-status = Statut
compare-report-col-finding = Constat
compare-report-col-role = Rôle
compare-report-col-service = Service
compare-report-col-kind = Type
compare-report-col-occurrences = Occurrences
compare-report-role-cause = cause racine
compare-report-role-symptom = symptôme
compare-report-no-findings = Aucun des deux côtés n'a trouvé de cause racine ni de symptôme.

compare-report-heading-containers = Conteneurs
compare-report-col-container = Conteneur
compare-report-col-state = État
compare-report-col-health = Santé
compare-report-col-restarts = Redémarrages
compare-report-col-exit-code = Code de sortie
compare-report-col-image = Image
compare-report-col-change = Évolution
compare-report-trend-recovered = rétabli
compare-report-trend-still-failing = toujours en échec
compare-report-trend-now-failing = désormais en échec
compare-report-trend-fine = sain des deux côtés
compare-report-trend-gone = avant seulement
compare-report-trend-new = après seulement
compare-report-no-containers = Aucun des deux côtés ne contient d'état de conteneur.

compare-report-heading-monitoring = Surveillance
compare-report-targets = Objectifs de disponibilité : { $before } % avant, { $after } % après.
compare-report-col-monitor = Sonde
compare-report-col-availability = Disponibilité
compare-report-col-longest-streak = Plus longue série d'échecs
compare-report-col-failed-checks = Vérifications en échec
compare-report-col-error-classes = Classes d'erreur
compare-report-of = { $part } sur { $whole }
compare-report-none = aucune
compare-report-trend-better = meilleure
compare-report-trend-worse = pire
compare-report-trend-same = inchangée
compare-report-failing-last-check = en échec à la dernière vérification
compare-report-no-monitoring = Aucun des deux côtés ne contient d'historique de surveillance.

compare-report-outcome = Sur les { $before } causes racines et symptômes trouvés avant, { $resolved ->
    [one] { $resolved } est résolu
   *[other] { $resolved } sont résolus
} et { $still ->
    [one] { $still } est toujours présent
   *[other] { $still } sont toujours présents
} ; { $new ->
    [one] { $new } est nouveau
   *[other] { $new } sont nouveaux
}.
compare-report-different-hosts = Les deux côtés viennent d'hôtes différents ({ $before }, { $after }) : un constat absent après peut l'être parce que l'hôte est un autre, et non parce qu'il a été corrigé.
