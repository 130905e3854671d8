crash-loop-title-never-started = { $service } n'a jamais démarré (code de sortie { $code }) : { $reason }
crash-loop-title-stopped = { $service } a été arrêté sur demande le { $at } (code de sortie { $code }) et n'a pas été redémarré
crash-loop-title-looping-span = { $service } redémarre en boucle : { $exits ->
        [one] { $exits } arrêt
       *[other] { $exits } arrêts
    } en { $span }, dernier code de sortie { $code } ({ $meaning })
crash-loop-title-looping = { $service } redémarre en boucle : { $exits ->
        [one] { $exits } arrêt
       *[other] { $exits } arrêts
    }, dernier code de sortie { $code } ({ $meaning })
crash-loop-title-exited = { $service } s'est arrêté avec le code de sortie { $code } ({ $meaning })

crash-loop-exit-0 = arrêt normal
crash-loop-exit-1 = erreur applicative : le programme a signalé un échec et s'est arrêté
crash-loop-exit-2 = erreur d'utilisation : le programme ou son shell a refusé une option ou un argument
crash-loop-exit-125 = le moteur a refusé de lancer le conteneur
crash-loop-exit-126 = la commande ne peut pas être exécutée (pas exécutable, ou c'est un répertoire)
crash-loop-exit-127 = commande introuvable : un exécutable, un interpréteur ou une bibliothèque partagée manque
crash-loop-exit-128 = le conteneur n'a pas pu démarrer (voir State.Error)
crash-loop-exit-130 = interrompu (SIGINT)
crash-loop-exit-132 = instruction illégale (SIGILL) : le binaire a besoin d'une fonctionnalité CPU absente de cet hôte
crash-loop-exit-134 = abandon (SIGABRT) : une assertion ou une erreur fatale du runtime
crash-loop-exit-137 = tué (SIGKILL)
crash-loop-exit-139 = erreur de segmentation (SIGSEGV) : le processus a planté dans du code natif, qui n'écrit rien dans le journal
crash-loop-exit-143 = terminé (SIGTERM) : arrêté sur demande
crash-loop-exit-255 = statut de sortie -1 : le runtime n'a pas pu exécuter la commande après le démarrage, ou le programme s'est arrêté avec -1
crash-loop-exit-signal = tué par le signal { $signal }
crash-loop-exit-other = code de sortie propre à l'application : { $code }

crash-loop-sigkill-oom = tué par le noyau pour dépassement de sa limite mémoire (OOM)
crash-loop-sigkill-stop-timeout = tué par SIGKILL faute de s'être arrêté à temps sur SIGTERM (délai d'attente de docker stop)
crash-loop-sigkill-docker-kill = tué par SIGKILL via docker kill
crash-loop-sigkill-other = tué par SIGKILL, pas par l'OOM killer (un autre processus ou un délai d'attente d'arrêt)

crash-loop-span-seconds = { $n } s
crash-loop-span-minutes = { $n } min
crash-loop-span-hours = { $n } h
crash-loop-span-days = { $n ->
        [one] { $n } jour
       *[other] { $n } jours
    }

crash-loop-fix-stopped = Redémarrez { $service } s'il doit tourner, et trouvez qui l'a arrêté.
crash-loop-step-start = Redémarrez-le.
crash-loop-step-who-stopped = Trouvez qui ou quoi l'a arrêté (un script de déploiement, une tâche cron, un opérateur) dans les événements du moteur.
crash-loop-fix-never-started = Corrigez ce qui, d'après State.Error, a empêché { $service } de démarrer, puis démarrez-le.
crash-loop-step-never-started = Lisez pourquoi le moteur n'a pas pu le démarrer, corrigez-le, puis redémarrez-le.
crash-loop-fix = Trouvez dans ses dernières lignes de journal et son code de sortie pourquoi { $service } s'arrête, et corrigez-le.
crash-loop-step-read-logs = Lisez ce que les dernières exécutions ont écrit avant de s'arrêter.
crash-loop-step-stop-loop = Arrêtez le redémarrage en boucle le temps de corriger, pour que les journaux cessent de défiler.
crash-loop-step-crash = Trouvez le binaire qui plante : le noyau journalise le programme et la bibliothèque fautifs ; lancez ensuite l'image à la main pour reproduire.
crash-loop-step-sigkill = Trouvez qui l'a tué : un événement `oom` désigne la limite mémoire, un événement `kill` un docker kill ou un délai d'attente d'arrêt.
crash-loop-step-command = Vérifiez la commande que lance l'image, qu'elle existe et qu'elle est exécutable dans l'image.
crash-loop-step-follow = Suivez les prochaines exécutions en direct.
crash-loop-step-foreground = Relancez-le au premier plan pour voir toute la sortie d'erreur.
crash-loop-step-roll-back = Si les arrêts ont commencé avec une nouvelle image ({ $image } a été construite le { $built }), revenez au tag précédent le temps de corriger.
crash-loop-step-roll-back-undated = Si les arrêts ont commencé avec une nouvelle image ({ $image } a été construite à une date inconnue), revenez au tag précédent le temps de corriger.
