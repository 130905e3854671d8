# La chronologie : une entrée par événement. $container, $service, $image,
# $id, $code, $signal, $state, $status, $action et $error sont tels que les
# preuves les nomment.

chronology-image-created = image { $image } ({ $id }) créée
chronology-finding = { $title }
chronology-finding-repeated = { $title } ({ $times } fois)
# Une suite de tâches Swarm d'un service terminées de la même façon ; $state
# est l'état de tâche de Docker.
chronology-tasks = { $tasks ->
    [one] une tâche de { $service } { $state ->
        [failed] en échec
        [rejected] rejetée
        [pending] en attente
        [running] en cours d'exécution
        [complete] terminée
        [shutdown] arrêtée
        [orphaned] orpheline
       *[other] à l'état « { $state } »
    }
   *[other] { $tasks } tâches de { $service } { $state ->
        [failed] en échec
        [rejected] rejetées
        [pending] en attente
        [running] en cours d'exécution
        [complete] terminées
        [shutdown] arrêtées
        [orphaned] orphelines
       *[other] à l'état « { $state } »
    }
}
chronology-tasks-error = { $tasks ->
    [one] une tâche de { $service } { $state ->
        [failed] en échec
        [rejected] rejetée
        [pending] en attente
        [running] en cours d'exécution
        [complete] terminée
        [shutdown] arrêtée
        [orphaned] orpheline
       *[other] à l'état « { $state } »
    }
   *[other] { $tasks } tâches de { $service } { $state ->
        [failed] en échec
        [rejected] rejetées
        [pending] en attente
        [running] en cours d'exécution
        [complete] terminées
        [shutdown] arrêtées
        [orphaned] orphelines
       *[other] à l'état « { $state } »
    }
} : { $error }
chronology-exited = { $container } s'est arrêté
chronology-exited-code = { $container } s'est arrêté, code de sortie { $code }
chronology-exited-repeatedly = { $container } s'est arrêté { $dies } fois (redémarrage en boucle)
chronology-exited-repeatedly-code = { $container } s'est arrêté { $dies } fois, code de sortie { $code } (redémarrage en boucle)
chronology-health = { $container } { $status ->
    [healthy] est devenu sain (healthy)
    [unhealthy] est devenu défaillant (unhealthy)
    [starting] démarre (starting)
   *[other] est passé à l'état « { $status } »
}
chronology-oom = { $container } a atteint sa limite de mémoire (oom)
chronology-kill = { $container } a reçu le signal { $signal }
chronology-event = { $container } { $action ->
    [start] a démarré
    [restart] a redémarré
    [stop] a été arrêté
    [create] a été créé
    [destroy] a été supprimé
    [pause] a été mis en pause
    [unpause] a repris
    [kill] a été tué
    [rename] a été renommé
    [update] a été mis à jour
   *[other] a reçu l'événement « { $action } »
}
chronology-last-started = { $container } a démarré pour la dernière fois ({ $restarts ->
    [one] { $restarts } redémarrage
   *[other] { $restarts } redémarrages
})
chronology-last-exited = { $container } s'est arrêté la dernière fois avec le code de sortie { $code }
