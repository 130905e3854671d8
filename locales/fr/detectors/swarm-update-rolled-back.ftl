# swarm-update-rolled-back : la mise à jour d'un service Swarm a échoué et a été annulée (rollback) ou suspendue.

swarm-update-rolled-back-title = La dernière mise à jour de { $service } a échoué et { $outcome ->
        [paused] Swarm l'a suspendue
       *[rolled-back] Swarm l'a annulée (rollback)
    } : la nouvelle version n'a jamais pris le relais
swarm-update-rolled-back-title-message = La dernière mise à jour de { $service } a échoué et { $outcome ->
        [paused] Swarm l'a suspendue
       *[rolled-back] Swarm l'a annulée (rollback)
    } : la nouvelle version n'a jamais pris le relais ({ $message })
swarm-update-rolled-back-summary = Trouvez pourquoi les nouvelles tâches Swarm de { $service } ont échoué, corrigez la nouvelle version et relancez la mise à jour.
swarm-update-rolled-back-step = Regardez les tâches en échec de la mise à jour et ce qu'elles ont écrit.
