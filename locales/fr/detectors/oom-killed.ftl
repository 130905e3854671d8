oom-killed-title = { $service } a été tué faute de mémoire (limite : { $limit })
oom-killed-limit-none = aucune limite fixée (mémoire de l'hôte épuisée)
oom-killed-limit-mib = { $mib } Mio
oom-killed-fix = Donnez à { $service } plus de mémoire que { $limit }, ou faites-lui en consommer moins.
oom-killed-step-raise = Relevez la limite mémoire et redémarrez le conteneur.
oom-killed-step-measure = Mesurez le pic réel et fixez la limite dans le fichier compose (mem_limit ou deploy.resources.limits.memory).
