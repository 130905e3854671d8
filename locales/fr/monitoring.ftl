# Chiffres de la supervision : le résumé de chaque historique, le début
# des échecs, les sondes, les repères du graphique et les entrées de la
# chronologie.

# Le résumé d'un historique : propositions reliées par monitoring-clauses.
monitoring-summary-figures = { $name } : disponibilité de { $availability } % sur { $samples ->
        [one] { $samples } vérification
       *[other] { $samples } vérifications
    } ({ $failures } en échec) pour un objectif de { $target } %
monitoring-summary-streak = plus longue série d'échecs consécutifs : { $length ->
        [one] { $length } vérification
       *[other] { $length } vérifications
    } en { $duration }, du { $start } au { $end }
monitoring-summary-streak-failing = plus longue série d'échecs consécutifs : { $length ->
        [one] { $length } vérification
       *[other] { $length } vérifications
    } en { $duration }, du { $start } au { $end } (toujours en échec à la dernière vérification)
monitoring-summary-mostly = surtout { $class } ({ $count } sur { $failures })
monitoring-clauses = { $first } ; { $rest }
monitoring-sentence = { $clauses }.
monitoring-list = { $first }, { $rest }

# Pourquoi les vérifications ont échoué.
monitoring-class-bad-gateway = 502 Bad Gateway
monitoring-class-service-unavailable = 503 Service Unavailable
monitoring-class-gateway-timeout = 504 Gateway Timeout
monitoring-class-server-error = autre 5xx
monitoring-class-client-error = 4xx
monitoring-class-timeout = délai d'attente dépassé
monitoring-class-connection-refused = connexion refusée
monitoring-class-dns = Échec DNS
monitoring-class-tls = Échec TLS
monitoring-class-other = autre erreur

# Les événements de la cause racine principale, sur le graphique.
monitoring-marker-cause = { $service } : { $kind }
monitoring-marker-deploy = image { $image } créée
monitoring-marker-crash-loop = { $service } entre en redémarrage en boucle
monitoring-marker-exit = { $service } s'est arrêté

# Le début des échecs par rapport à ces événements ; $began, $recovered
# et $last sont des horodatages RFC 3339.
monitoring-event-cause = la première trace de la cause racine ({ $cause })
monitoring-event-deploy = la création de l'image { $image }
monitoring-onset-after = { $duration } après { $event }
monitoring-onset-before = { $duration } avant { $event }
monitoring-onset-recovered = Les échecs ont commencé le { $began }, { $events } ; les vérifications sont revenues à la normale { $duration } plus tard, le { $recovered }.
monitoring-onset-failing = Les échecs ont commencé le { $began }, { $events } ; toujours en échec à la dernière vérification ({ $last }).

# Ce que répond un point de terminaison maintenant.
monitoring-probe = { $url } répond { $answer } : { $outcome } à { $checked }.
monitoring-probe-also = { $url } répond { $answer } (et aussi { $others }) : { $outcome } à { $checked }.
monitoring-probe-other-answer = { $answer } à { $tries ->
        [one] { $tries } essai
       *[other] { $tries } essais
    }
monitoring-probe-succeeded = { $tries ->
        [one] { $tries } sonde sur { $tries } réussie
       *[other] { $tries } sondes sur { $tries } réussies
    }
monitoring-probe-failed = { $failed ->
        [one] { $failed } sonde sur { $tries } en échec
       *[other] { $failed } sondes sur { $tries } en échec
    }

# Entrées de la chronologie. $check est le message de la vérification en
# échec, cité tel quel.
monitoring-entry-first-failure = { $name } : première vérification en échec : { $check }
monitoring-entry-streak-recovered = { $name } : plus longue série d'échecs, { $length } échecs consécutifs (rétabli à { $recovered })
monitoring-entry-streak-failing = { $name } : plus longue série d'échecs, { $length } échecs consécutifs (toujours en échec à la dernière vérification)
monitoring-entry-recovered = { $name } : vérifications rétablies ({ $recoveries ->
        [one] { $recoveries } rétablissement
       *[other] { $recoveries } rétablissements
    } en tout)

# Problèmes rencontrés à la lecture d'un historique de supervision.
monitoring-problem-dropped = { $dropped ->
        [one] { $dropped } vérification au-delà des { $kept } qu'une série conserve n'a pas été lue
       *[other] { $dropped } vérifications au-delà des { $kept } qu'une série conserve n'ont pas été lues
    }
monitoring-problem-long-line = ligne de plus de { $bytes } octets : coupée
monitoring-problem-not-array = pas un tableau JSON
monitoring-problem-unclosed-array = le tableau JSON n'est pas fermé
monitoring-problem-invalid-json = JSON invalide : { $error } ; le reste du fichier n'a pas été lu
monitoring-problem-no-series = la requête Prometheus ne correspond à aucune série
monitoring-problem-prometheus-value = résultat { $result }, valeur { $value } : { $error }
monitoring-problem-endpoint = point de terminaison { $endpoint }, résultat { $result } : { $error }
