# compose-drift : dérive entre le fichier compose et le conteneur.

compose-drift-title = Dérive entre le fichier compose et le conteneur { $container }, démarré depuis une version antérieure du fichier : écart avec { $file } sur { $kinds }
compose-drift-kind = { $kind ->
        [image] l'image
        [ports] les ports
        [environment] l'environnement
       *[healthcheck] le healthcheck
    }
compose-drift-kinds = { $first }, { $rest }

compose-drift-image = le fichier indique l'image { $declared }, le conteneur exécute { $running }
compose-drift-ports = le fichier publie { $declared }, le conteneur { $running }
compose-drift-port-list = les ports { $ports } de l'hôte
compose-drift-no-ports = aucun port de l'hôte
compose-drift-environment-missing = le fichier définit { $missing }, que le conteneur n'a pas
compose-drift-environment-removed = le conteneur a { $removed }, que le fichier ne définit plus
compose-drift-environment-both = le fichier définit { $missing }, que le conteneur n'a pas, et le conteneur a { $removed }, que le fichier ne définit plus
compose-drift-healthcheck = le test du healthcheck est `{ $declared }` dans le fichier, `{ $running }` dans le conteneur
compose-drift-difference = { $difference } (ligne { $line } de { $file })
compose-drift-differences = { $first } ; { $rest }

compose-drift-summary = Recréez { $container } à partir de son fichier compose, ou revenez sur le fichier si ce qui tourne est bien ce qui est voulu.
compose-drift-step-check = Vérifiez que le fichier décrit bien ce qui doit tourner : { $differences }.
compose-drift-step-recreate = Puis recréez le service à partir du fichier.
