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

swarm-task-failing-span-seconds = { $n } s
swarm-task-failing-span-minutes = { $n } min
swarm-task-failing-span-hours = { $n } h
swarm-task-failing-span-days = { $n ->
        [one] { $n } jour
       *[other] { $n } jours
    }

swarm-task-failing-exit-0 = sortie normale
swarm-task-failing-exit-1 = erreur applicative : le programme a signalé un échec et s'est arrêté
swarm-task-failing-exit-2 = erreur d'utilisation : le programme ou son shell a refusé une option ou un argument
swarm-task-failing-exit-125 = le moteur a refusé de lancer le conteneur
swarm-task-failing-exit-126 = la commande ne peut pas être exécutée (pas exécutable, ou c'est un répertoire)
swarm-task-failing-exit-127 = commande introuvable : un exécutable, un interpréteur ou une bibliothèque partagée manque
swarm-task-failing-exit-128 = le conteneur n'a pas pu démarrer (voir State.Error)
swarm-task-failing-exit-130 = interrompu (SIGINT)
swarm-task-failing-exit-132 = instruction illégale (SIGILL) : le binaire exige une fonction du processeur que cet hôte n'a pas
swarm-task-failing-exit-134 = abandon (SIGABRT) : une assertion ou une erreur fatale de l'environnement d'exécution
swarm-task-failing-exit-137 = tué (SIGKILL)
swarm-task-failing-exit-139 = erreur de segmentation (SIGSEGV) : le processus a planté dans du code natif, ce qui n'écrit rien dans le journal
swarm-task-failing-exit-143 = terminé (SIGTERM) : arrêté sur demande
swarm-task-failing-exit-255 = statut de sortie -1 : le runtime n'a pas pu exécuter la commande après le démarrage, ou le programme est sorti avec -1
swarm-task-failing-exit-signal = tué par le signal { $signal }
swarm-task-failing-exit-other = code de sortie { $code }, propre à l'application

swarm-task-failing-summary = Trouvez dans ce que ses tâches ont écrit avant de s'arrêter pourquoi { $service } échoue, et corrigez-le.
swarm-task-failing-step-read = Lisez les tâches en échec, avec leurs erreurs complètes, et ce qu'elles ont écrit.
swarm-task-failing-step-rollback = Si les échecs ont commencé avec une mise à jour de { $service } (nouvelle image ou nouveau réglage), revenez à la spécification précédente (rollback) jusqu'à ce que ce soit corrigé.
