# swarm-task-failing : les tâches Swarm d'un service échouent sans cesse.

swarm-task-failing-title-one = Une tâche Swarm de { $service } a échoué avec { $exit } ({ $meaning }) : { $error }
swarm-task-failing-title-within = Les tâches Swarm de { $service } échouent sans cesse : { $failed ->
        [one] { $failed } tâche en échec
       *[other] { $failed } tâches en échec
    } en { $span }, la dernière avec { $exit } ({ $meaning }) : { $error }
swarm-task-failing-title = Les tâches Swarm de { $service } échouent sans cesse : { $failed ->
        [one] { $failed } tâche en échec
       *[other] { $failed } tâches en échec
    }, la dernière avec { $exit } ({ $meaning }) : { $error }
swarm-task-failing-exit-code = le code de sortie { $code }
swarm-task-failing-no-exit-code = aucun code de sortie
swarm-task-failing-no-exit-code-meaning = pas de code de sortie : la tâche a échoué avant que son conteneur ne démarre

swarm-task-failing-summary = Trouvez dans ce que ses tâches ont écrit avant de s'arrêter pourquoi { $service } échoue, et corrigez-le.
swarm-task-failing-step-read = Lisez les tâches en échec, avec leurs erreurs complètes, et ce qu'elles ont écrit.
swarm-task-failing-step-rollback = Si les échecs ont commencé avec une mise à jour de { $service } (nouvelle image ou nouveau réglage), revenez à la spécification précédente (rollback) jusqu'à ce que ce soit corrigé.
