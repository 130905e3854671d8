# monitoring-failures : les contrôles d'une sonde de supervision ont échoué.

monitoring-failures-title = { $monitor } : { $failures }, { $availability } % de disponibilité pour un objectif de { $target } %
monitoring-failures-title-in-all = { $monitor } : { $failures } ({ $failed } au total), { $availability } % de disponibilité pour un objectif de { $target } %
monitoring-failures-streak = { $streak } échecs consécutifs
monitoring-failures-failed-checks = { $failed ->
        [one] { $failed } contrôle en échec
       *[other] { $failed } contrôles en échec
    }

monitoring-failures-summary = Corrigez la cause racine derrière { $target }, puis vérifiez que les contrôles passent de nouveau.
monitoring-failures-step-check = Vérifiez ce que répond le point de terminaison maintenant, puis de nouveau après la correction.
monitoring-failures-step-alert = Alertez dès quelques contrôles en échec consécutifs, pour qu'une série comme celle-ci ({ $streak ->
        [one] { $streak } contrôle
       *[other] { $streak } contrôles
    }) déclenche une astreinte tôt.
