probe-failing-title = { $url } répond { $answer } à { $failed } { $failed ->
        [one] sonde
       *[other] sondes
    } sur { $probes } en ce moment
probe-failing-fix = Corrigez la cause racine derrière { $url }, puis sondez-le de nouveau.
probe-failing-step-probe = Sondez de nouveau le point d'accès après la correction.
