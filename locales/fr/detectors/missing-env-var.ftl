# missing-env-var : un programme s'arrête faute d'une variable d'environnement.
# $reader dit qui la lit : environ (os.environ de Python), settings (une
# classe de configuration) ou script (un script d'entrée shell).

missing-env-var-title-empty = { $service } s'arrête au démarrage : la variable d'environnement { $variable } est définie mais vide, et { $reader ->
        [environ] os.environ
        [settings] sa classe de configuration
       *[script] son script d'entrée (entrypoint)
    } exige une valeur
missing-env-var-title-other-name = { $service } s'arrête au démarrage : sa configuration exige { $variable } ; le conteneur la définit, donc la classe de configuration lit un autre nom (env_prefix ou alias)
missing-env-var-title-not-inherited = { $service } s'arrête au démarrage : { $reader ->
        [environ] os.environ
        [settings] sa classe de configuration
       *[script] son script d'entrée (entrypoint)
    } ne trouve pas { $variable }, alors que l'environnement du conteneur la définit (le processus n'en hérite pas)
missing-env-var-title-similar = { $service } s'arrête au démarrage : variable d'environnement { $variable } manquante (le conteneur définit { $other } à la place)
missing-env-var-title = { $service } s'arrête au démarrage : variable d'environnement { $variable } manquante

missing-env-var-summary = Définissez { $variable } pour { $service } { $place } et recréez le conteneur.
missing-env-var-step-set = { $how }, puis recréez le conteneur.
missing-env-var-step-check = Vérifiez les réglages obligatoires au déploiement (une référence compose `${"{"}VAR:?{"}"}`, ou une classe de configuration qui liste chaque variable) et documentez-les à côté de l'image.

missing-env-var-place-compose = dans { $files }, service { $service }, sous `environment:` (ou dans son fichier env)
missing-env-var-place-unknown = là où le conteneur est défini (`docker run -e`, un fichier env)
missing-env-var-place-misspelt = à la ligne { $line } de { $file } (service { $service } : `{ $other }` y est mal orthographiée)
missing-env-var-place-environment = sous `environment:` (ligne { $line } de { $file }, service { $service })
missing-env-var-place-service = dans le service { $service } (ligne { $line } de { $file }), qui n'a pas de `environment:`

missing-env-var-how-copy-known = Donnez à { $variable } la valeur de { $other } (ou renommez { $other } en { $variable })
missing-env-var-how-copy = Donnez à { $variable } la valeur de { $other } (exportez-la d'abord dans le shell : la commande la transmet avec `-e { $variable }`), ou renommez { $other } en { $variable }
missing-env-var-how-export = Définissez { $variable } (exportez-la d'abord dans le shell : la commande la transmet avec `-e { $variable }`)
missing-env-var-how-rename = À la ligne { $line } de { $file }, renommez `{ $other }` en `{ $variable }` (la ligne contient `{ $text }`)
missing-env-var-how-add-entry = Sous `environment:` (ligne { $line } de { $file }), ajoutez la ligne `{ $entry }` indentée { $indent ->
        [one] d'une espace
       *[other] de { $indent } espaces
    }, avec la valeur dont le service a besoin
missing-env-var-how-add-environment = Sous `{ $key }` (ligne { $line } de { $file }), ajoutez `environment:` indenté { $indent ->
        [one] d'une espace
       *[other] de { $indent } espaces
    } et en dessous la ligne `{ $entry }` indentée { $entry_indent ->
        [one] d'une espace
       *[other] de { $entry_indent } espaces
    }, avec la valeur dont le service a besoin
