# Le tableau des services. $state est l'état Docker du conteneur ; $health
# son état de santé, ou none.
services-state = { $state ->
    [running] en cours d'exécution
    [exited] arrêté
    [restarting] en redémarrage
    [created] créé, jamais démarré
    [paused] en pause
    [removing] en cours de suppression
    [dead] mort
   *[other] { $state }
}
services-health = { $health ->
    [healthy] sain
    [unhealthy] défaillant
    [starting] en démarrage
    [none] aucun
   *[other] { $health }
}
services-tasks-running = { $desired ->
    [one] { $running }/{ $desired } tâche en cours d'exécution
   *[other] { $running }/{ $desired } tâches en cours d'exécution
}
