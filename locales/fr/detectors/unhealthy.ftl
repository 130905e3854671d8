unhealthy-title-since = { $service } est en mauvaise santé depuis { $since } UTC : { $streak ->
        [one] { $streak } sonde de santé en échec
       *[other] { $streak } sondes de santé en échec d'affilée
    }
unhealthy-title = { $service } est en mauvaise santé : { $streak ->
        [one] { $streak } sonde de santé en échec
       *[other] { $streak } sondes de santé en échec d'affilée
    }
unhealthy-fix = Corrigez la cause liée à { $service } ; il redevient sain à la prochaine sonde réussie.
unhealthy-step-watch = Surveillez l'état de santé et les derniers résultats des sondes.
