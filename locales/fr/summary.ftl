# Le compte rendu : statut, résumé, solutions, prochaines étapes et
# détails techniques (src/analyze/summary.rs).
# Espaces : U+00A0 (insécable) devant « : », U+202F (fine insécable) devant ; ! ? %.

## Assemblage

summary-semicolons = { $first } ; { $rest }
summary-commas = { $first }, { $rest }
summary-sentence = { $text }.

## Statut

summary-status-identified = Cause racine identifiée
summary-status-suspected = Cause racine suspectée
summary-status-healthy = Sain
summary-status-inconclusive = Non concluant
summary-status-identified-sentence = { $title } (confiance { $confidence }){ $traced }.
summary-status-suspected-sentence = Cause la plus probable : { $title } (confiance { $confidence }){ $traced } ; les éléments recueillis ne permettent pas de trancher.
summary-status-healthy-sentence = { $containers } et aucun détecteur n'a trouvé de problème dans { $logs ->
        [one] { $logs } journal
       *[other] { $logs } journaux
    }.
summary-status-unexplained-symptoms = { $symptoms ->
        [one] { $symptoms } symptôme observé
       *[other] { $symptoms } symptômes observés
    } ({ $explained ->
        [one] { $explained } expliqué
       *[other] { $explained } expliqués
    }) mais les éléments recueillis ne désignent aucune cause ; voir ce qui n'a pas pu être collecté.
summary-status-unexplained-failures = { $failing ->
        [one] { $failing } conteneur en échec
       *[other] { $failing } conteneurs en échec
    } ({ $containers }) mais aucun détecteur n'en a reconnu la raison ; voir ce qui n'a pas pu être collecté.
summary-traced-none = { "" }
summary-traced-all =  ; { $traced ->
        [one] le seul symptôme trouvé en découle
       *[other] les { $traced } symptômes trouvés en découlent
    }
summary-traced-some =  ; { $traced } des { $symptoms } symptômes { $traced ->
        [one] en découle
       *[other] en découlent
    }
summary-no-container-state = Aucun état de conteneur n'a été collecté
summary-containers-at-rest = { $containers ->
        [one] Le seul conteneur tourne, sans redémarrage ni healthcheck en échec
       *[other] Les { $containers } conteneurs tournent, sans redémarrage ni healthcheck en échec
    }

## Titre

summary-headline-cause = { $title }
summary-headline-service-cause = { $service } : { $title }
summary-headline-healthy = Aucun incident trouvé
summary-headline-failing = { $containers } en échec, cause non identifiée
summary-headline-symptoms = { $symptoms ->
        [one] { $symptoms } symptôme
       *[other] { $symptoms } symptômes
    }, cause non identifiée

## Le problème

summary-containers-failing = { $failing ->
        [one] { $failing } conteneur sur { $containers } est
       *[other] { $failing } conteneurs sur { $containers } sont
    } en échec : { $states }.
summary-container-is = { $container } est { $state }
summary-state-restarting = en redémarrage
summary-state-never-started = créé mais jamais démarré (code de sortie { $code })
summary-state-stopped = { $status } avec le code de sortie { $code }
# Le mot de Docker pour l'état d'un conteneur.
summary-docker-status = { $status ->
        [created] créé
        [restarting] en redémarrage
        [running] en cours d'exécution
        [removing] en cours de suppression
        [paused] en pause
        [exited] arrêté
        [dead] mort
       *[other] { $status }
    }
summary-state-health = { $state }, { $health ->
        [unhealthy] healthcheck en échec
        [starting] healthcheck en cours
        [healthy] sain
       *[other] { $health }
    }
summary-state-restarts = { $state } ({ $restarts ->
        [one] { $restarts } redémarrage
       *[other] { $restarts } redémarrages
    })
summary-state-oom = { $state }, tué faute de mémoire
summary-restarts = { $container } s'est arrêté { $exits } fois entre le { $first } et { $last } (code de sortie { $codes }) sous la politique de redémarrage { $policy }.
summary-finding-span = { $title } (entre le { $first } et { $last }).
summary-finding-at = { $title } (le { $first }).
summary-finding = { $title }.

## Cause racine et déclencheur

summary-root-cause = { $title }.
summary-root-cause-seen = { $title }, première occurrence le { $first }.
summary-root-cause-times = { $title }, { $times ->
        [one] { $times } occurrence
       *[other] { $times } occurrences
    } au total.
summary-root-cause-seen-times = { $title }, première occurrence le { $first }, { $times ->
        [one] { $times } occurrence
       *[other] { $times } occurrences
    } au total.
summary-trigger = { $container } a été créé à partir de { $image } le { $created } ; il { $how } { $when }.
summary-trigger-replacing = { $container } a été créé à partir de { $image } le { $created }, en remplacement de { $previous } ; il { $how } { $when }.
summary-image-built = { $image } ({ $id }, construite le { $built })
summary-image-id = { $image } ({ $id })
summary-image-declared-as = { $image } (comme l'indique { $line } : `{ $text }`)
summary-image-declared-whereas = { $image } (alors que { $line } indique : `{ $text }`)
summary-first-exited = s'est arrêté pour la première fois
summary-first-exited-code = s'est arrêté pour la première fois (code { $code })
summary-first-failed = a échoué pour la première fois
summary-within-a-second = moins d'une seconde plus tard
summary-later = { $duration } plus tard
summary-deploy-failure = { $container } { $how } { $when }
summary-within-a-second-of-creation = moins d'une seconde après sa création
summary-after-creation = { $duration } après sa création

## Fenêtre d'impact et services touchés

summary-impact-duration = { $duration }
summary-rank-kind = #{ $rank } ({ $kind })
summary-role-cause = cause racine { $causes }
summary-role-symptom = symptôme { $symptoms }
summary-symptom-of = de { $cause }
summary-symptom-unexplained = inexpliqué ({ $kind })
summary-role-unexplained-failure = en échec, aucun constat ne l'explique
summary-not-a-container = pas un conteneur
summary-host-log = pas de conteneur ; son journal est { $log }
summary-monitor-of = supervision de { $target }, historique { $source }

## Prochaines étapes

summary-because-cause = cause racine #{ $rank } ({ $kind }, confiance { $confidence })
summary-because-causes = causes racines { $causes }
summary-fix-title = Corriger : { $title }.
summary-fix-service = Corriger { $service } pour les { $causes } causes ci-dessous, puis le reconstruire et le redéployer une seule fois.
summary-roll-back = Si le correctif ne peut pas être livré aujourd'hui, ramener { $container } à { $image }, l'image qu'il a exécutée jusqu'au { $until }.
summary-because-replaced = les échecs ont commencé après son remplacement par { $image }
summary-check-recovery = Une fois { $service } corrigé, vérifier que { $services } { $count ->
        [one] se rétablit
       *[other] se rétablissent
    }.
summary-because-symptoms = { $symptoms ->
        [one] { $symptoms } symptôme
       *[other] { $symptoms } symptômes
    } de la cause racine #{ $rank }
summary-find-cause = Trouver la cause de ce symptôme, que rien dans les éléments recueillis n'explique : { $title }.
summary-because-unexplained = symptôme inexpliqué ({ $kind })
summary-gate-deploys = Conditionner les déploiements à un contrôle au démarrage : démarrer une première fois le nouveau conteneur et exiger qu'il reste en marche (et sain, s'il a un healthcheck) avant qu'il ne remplace celui en service.
summary-alert-restart-loops = Alerter sur les redémarrages en boucle : la politique de redémarrage { $policy } a redémarré { $container } { $restarts } fois sans rien résoudre.
# RestartCount est le champ de `docker container inspect`.
summary-because-restart-count = RestartCount { $restarts } dans { $source }
summary-monitor-services = Superviser depuis l'extérieur de l'hôte les services qu'atteignent les utilisateurs et alerter sur les échecs consécutifs.
summary-monitor-addresses = Superviser { $addresses } depuis l'extérieur de l'hôte et alerter sur les échecs consécutifs.
summary-because-no-monitoring = aucun historique de supervision n'était disponible pour cet incident
summary-runbook = Rédiger une fiche de runbook pour { $kinds } : comment le problème se manifeste, comment le confirmer, comment le corriger, à partir de ce rapport.
summary-because-cause-kinds = { $kinds ->
        [one] { $kinds } type de cause trouvé
       *[other] { $kinds } types de cause trouvés
    } dans cet incident
summary-keep-engine-events = Conserver les événements du moteur au-delà de son tampon (par exemple en envoyant { $command } dans le journal système), pour que l'historique des redémarrages survive.

## Détails techniques

summary-owner-container = conteneur
summary-owner-host-process = processus de l'hôte
summary-owner-name = { $name }
summary-owner-unknown = inconnu
summary-owned-by = { $kind } { $owner }
summary-port-published = -> { $port } ({ $state })
summary-port-unpublished = non publié ({ $state })
summary-listening = en écoute sur l'hôte
summary-listening-unnamed = en écoute sur l'hôte ; lancer ss -ltnp en root pour nommer le processus
# L'horloge du moteur.
summary-clock-unread = non lue à la collecte : ses horodatages sont pris tels quels
summary-clock-behind = { $seconds } s de retard sur celle du collecteur ; { $what }
summary-clock-ahead = { $seconds } s d'avance sur celle du collecteur ; { $what }
summary-clock-corrected = ses horodatages en sont corrigés dans ce rapport
summary-clock-within = moins de 2 s d'écart : ses horodatages sont pris tels quels
