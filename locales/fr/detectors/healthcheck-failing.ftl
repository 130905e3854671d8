# healthcheck-failing : la sonde de santé (healthcheck) d'un conteneur échoue sans cesse.

healthcheck-failing-title-tool-missing = La sonde de santé (healthcheck) de { $container } est cassée : `{ $tool }` n'est pas dans l'image, donc chaque sonde échoue avant d'atteindre le service ({ $streak ->
        [one] { $streak } échec
       *[other] { $streak } échecs consécutifs
    })
healthcheck-failing-title-refused = { $container } ne répond pas à sa sonde de santé (healthcheck) : connexion refusée ({ $streak ->
        [one] { $streak } échec
       *[other] { $streak } échecs consécutifs
    })
healthcheck-failing-title-wrong-port = La sonde de santé (healthcheck) de { $container } interroge le port { $probed }, mais le service est configuré pour écouter sur { $listening } ({ $entry }) : connexion refusée ({ $streak ->
        [one] { $streak } échec
       *[other] { $streak } échecs consécutifs
    })
healthcheck-failing-title-timed-out = { $container } ne répond pas à sa sonde de santé (healthcheck) en moins de { $limit } : le service est bloqué ou trop lent ({ $streak ->
        [one] { $streak } échec
       *[other] { $streak } échecs consécutifs
    })
healthcheck-failing-title-http-error = { $container } répond à sa sonde de santé (healthcheck) par un HTTP { $code } : la sonde fonctionne, c'est le service qui signale un problème ({ $streak ->
        [one] { $streak } échec
       *[other] { $streak } échecs consécutifs
    })
healthcheck-failing-title-other = { $container } échoue à sa sonde de santé (healthcheck) ({ $streak ->
        [one] { $streak } échec
       *[other] { $streak } échecs consécutifs
    }) : { $output }
healthcheck-failing-title-other-silent = { $container } échoue à sa sonde de santé (healthcheck) ({ $streak ->
        [one] { $streak } échec
       *[other] { $streak } échecs consécutifs
    }) : aucune sortie de sonde enregistrée

healthcheck-failing-edit = à la ligne { $line } de { $file }, remplacez `{ $text }` par `{ $replacement }`

healthcheck-failing-tool-missing-summary = Réparez la sonde de santé (healthcheck) de { $container } : `{ $tool }` n'existe pas dans l'image ; sondez avec un outil qui s'y trouve.
healthcheck-failing-step-tools = Regardez quels outils de sonde l'image contient.
healthcheck-failing-step-replace = { $replace }, puis recréez le conteneur et vérifiez que les sondes passent.
healthcheck-failing-replace-declared = Remplacez le test du healthcheck par un test que l'image sait exécuter (si l'image a cet outil : voir ci-dessus) : { $edit }
healthcheck-failing-replace-example = Remplacez le test du healthcheck par un test que l'image sait exécuter, par exemple { $bash }
healthcheck-failing-replace-example-wget = Remplacez le test du healthcheck par un test que l'image sait exécuter, par exemple { $wget } ou { $bash }

healthcheck-failing-wrong-port-summary = Faites sonder par le healthcheck de { $container } le port { $listening }, celui où le service écoute.
healthcheck-failing-step-confirm-port = Vérifiez que le service répond à la sonde sur le port { $listening }.
healthcheck-failing-step-probe-port = Sondez le port où le service écoute : { $edit }, recréez le conteneur et vérifiez que les sondes passent.
healthcheck-failing-step-change-test = Changez le test du healthcheck en `{ $test }` (`healthcheck.test` de compose, ou `--health-cmd`), recréez le conteneur et vérifiez que les sondes passent.

healthcheck-failing-service-summary = { $container } lui-même ne répond pas à sa sonde de santé (healthcheck) : trouvez pourquoi dans son journal, puis redémarrez-le.
healthcheck-failing-step-read-logs = Lisez ce que le service a écrit dans son journal et lancez la sonde à la main.
healthcheck-failing-step-restart = Redémarrez le service une fois que son journal montre pourquoi il a cessé de répondre.
healthcheck-failing-step-more-time = Si le service est seulement lent à répondre, laissez plus de temps à la sonde (`timeout`, `start_period` du healthcheck) et recréez le conteneur.
