# Ce que coroner dit à un système de CI : les annotations GitHub et la
# forme courte du résumé d'étape (src/report/github.rs), les échecs JUnit
# (src/report/junit.rs).

ci-standard-output = sortie standard
ci-more-root-causes = { $count ->
    [one] { $count } autre cause racine
   *[other] { $count } autres causes racines
}
ci-more-symptoms = { $count ->
    [one] { $count } autre symptôme
   *[other] { $count } autres symptômes
}
ci-annotation-limit = GitHub affiche { $limit } annotations de chaque type par étape ; le rapport les liste toutes : { $report }
ci-annotation-service = service { $service } ({ $kind })
ci-annotation-explained = , expliqué par la cause racine nº { $rank }
ci-annotation-more-quotes = ({ $count ->
    [one] { $count } autre citation dans le rapport
   *[other] { $count } autres citations dans le rapport
})

## La forme courte du résumé d'étape
ci-summary-standard-output = sortie standard (le journal de l'étape)
ci-summary-short-form = Le rapport complet ({ $size } Kio) dépasse le 1 Mio que GitHub garde d'un résumé d'étape ; en voici la forme courte. Le rapport complet : { $report }.
ci-summary-cut = Coupé ici pour tenir dans le 1 Mio d'un résumé d'étape ; le rapport complet : { $report }.
ci-summary-symptom = { $title } (service { $service }, { $kind } ; expliqué par { $explained })

## Échecs JUnit : les messages autour des titres des constats
ci-junit-state = { $state }, santé { $health }, { $restarts ->
    [one] { $restarts } redémarrage
   *[other] { $restarts } redémarrages
}
ci-junit-exit-code = , code de sortie { $code }
ci-junit-and-more = { $title } (et { $more ->
    [one] { $more } autre
   *[other] { $more } autres
})
ci-junit-dismissed = vu mais mis hors de cause : { $title }
ci-junit-cause-ranked = cause racine nº { $rank } : { $title }
ci-junit-cause = cause racine : { $title }
ci-junit-symptom-explained = symptôme : { $title } (expliqué par la cause racine nº { $rank })
ci-junit-symptom-unexplained = symptôme : { $title } (aucune cause trouvée)
ci-junit-dismissed-body = vu mais mis hors de cause (le service est resté sain) : { $title }
ci-junit-fix = correctif : { $fix }
