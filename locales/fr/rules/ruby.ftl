# rules/ruby.toml, en français.

ruby-cannot-load-such-file =
    .title = Ruby ne peut pas charger { $file } : la gem ou le fichier n'est pas installé dans l'image
    .remediation = Si { $file } appartient à une gem, elle manque dans le bundle avec lequel tourne le conteneur : lancez `bundle install` dans l'image (pas seulement sur l'hôte), vérifiez qu'à l'exécution BUNDLE_PATH/GEM_HOME pointent là où le build a installé les gems, et qu'aucun volume ne les masque. Si c'est bundler/setup lui-même qui manque, le Ruby qui tourne n'est pas celui pour lequel Bundler a été installé. S'il manque un fichier du projet, le code n'a pas été copié dans l'image.

ruby-bundler-gem-not-found =
    .title = Bundler ne trouve pas { $gem }, exigée par Gemfile.lock, parmi les gems installées
    .remediation = Les gems installées dans l'image ne correspondent pas à Gemfile.lock : lancez `bundle install` pendant le build après avoir copié Gemfile et Gemfile.lock, reconstruisez l'image après les avoir modifiés, et ne montez pas sur le chemin du bundle (/usr/local/bundle) un volume qui contient encore un ancien ensemble de gems.

ruby-bundler-run-bundle-install =
    .title = Bundler s'arrête : des gems de Gemfile.lock ne sont pas installées dans l'image
    .remediation = Lancez `{ $command }` pendant le build de l'image (après COPY Gemfile Gemfile.lock), reconstruisez l'image, et vérifiez que les gems sont installées là où le conteneur les cherche à l'exécution (BUNDLE_PATH, sans volume par-dessus).

ruby-gem-version-not-found =
    .title = RubyGems ne trouve pas { $gem } { $version }, la version qu'exige { $lockfile }
    .remediation = Installez exactement cette version dans l'image avant de lancer Bundler (`gem install { $gem }:{ $version }` dans le Dockerfile ; pour bundler lui-même, la version indiquée sous BUNDLED WITH dans le lockfile), ou régénérez le lockfile avec la version installée (`bundle update --bundler`). Reconstruisez l'image : un conteneur démarré depuis une ancienne image garde les anciennes gems.

rails-server-already-running =
    .title = Rails refuse de démarrer : un fichier pid périmé { $pidfile }, laissé par une exécution précédente, est toujours là
    .remediation = Supprimez le fichier pid avant le démarrage du serveur : ajoutez `rm -f tmp/pids/server.pid` au script d'entrypoint (ou lancez le serveur avec `--pid /tmp/server.pid`, hors du bind mount), puis recréez le conteneur. Le supprimer une fois à la main n'aide que jusqu'au prochain arrêt non propre.

rails-missing-secret-key-base =
    .title = Rails ne peut pas démarrer en { $env } : secret_key_base n'est pas défini
    .remediation = Fournissez SECRET_KEY_BASE au conteneur (générez-en un avec `bin/rails secret`), ou RAILS_MASTER_KEY pour que Rails puisse déchiffrer config/credentials.yml.enc (la clé se trouve dans config/master.key, que .dockerignore exclut volontairement de l'image). Pour la précompilation des assets pendant le build, SECRET_KEY_BASE_DUMMY=1 suffit.

rails-pending-migrations =
    .title = le schéma de la base est plus ancien que le code : des migrations Rails sont en attente
    .remediation = Lancez les migrations sur cette base (`bin/rails db:migrate`, par exemple `docker compose run --rm SERVICE bin/rails db:migrate`), et intégrez-les au déploiement : une étape d'entrypoint ou de release qui lance `bin/rails db:prepare` avant le démarrage du serveur.

ruby-postgres-unreachable =
    .title = l'application Rails ne peut pas joindre sa base PostgreSQL : { $detail }
    .remediation = Faites pointer l'application vers le service de base de données, pas vers localhost (DATABASE_URL=postgres://USER:PASS@db:5432/NAME, ou host: db dans config/database.yml ; 'No such file or directory' sur une socket signifie qu'aucun hôte n'est configuré du tout), mettez les deux sur le même réseau, et démarrez l'application une fois la base en bonne santé (depends_on avec condition: service_healthy).

ruby-postgres-password-auth-failed =
    .title = PostgreSQL rejette le mot de passe que l'application Rails envoie pour l'utilisateur { $user }
    .remediation = Le mot de passe de DATABASE_URL ou de config/database.yml ne correspond pas à celui du rôle { $user }. POSTGRES_PASSWORD n'est appliqué qu'à la première initialisation du volume de la base : avec un volume existant, changez le mot de passe avec ALTER ROLE (ou recréez le volume si ses données sont jetables), et faites lire le mot de passe aux deux services depuis la même variable.

ruby-mysql2-cannot-connect =
    .title = l'application Ruby ne peut pas joindre le serveur MySQL { $host }
    .remediation = Vérifiez que { $host } est le nom du service compose de la base sur un réseau partagé, que la base est démarrée et a terminé sa première initialisation (elle redémarre une fois après avoir créé le répertoire de données), et ne démarrez l'application qu'une fois la base en bonne santé.

ruby-server-bind-failed =
    .title = le serveur Ruby ne peut pas écouter sur { $host }:{ $port } : { $why }
    .remediation = 'Address already in use' : un autre processus de l'espace de noms réseau du conteneur occupe le port { $port } (un second serveur lancé par l'entrypoint ou un Procfile, un processus resté en place, un conteneur qui partage le réseau) ; arrêtez-le ou changez de port. 'Can't assign requested address' : { $host } n'est pas une adresse de ce conteneur ; liez le serveur à 0.0.0.0 (puma -b tcp://0.0.0.0:{ $port }, rails s -b 0.0.0.0).

ruby-bundler-root-warning =
    .title = l'avertissement de Bundler sur l'installation de gems en root (normal dans un build d'image)
    .remediation = Rien à corriger : installer le bundle en root dans un Dockerfile est la pratique habituelle. Définissez BUNDLE_SILENCE_ROOT_WARNING=1 pour le faire taire.

puma-single-worker-warning =
    .title = le conseil de Puma de passer en mode single plutôt que de garder un seul worker en mode cluster (pas une panne)
    .remediation = Rien n'est cassé. Réglez workers à 0 (WEB_CONCURRENCY=0) pour économiser la mémoire du processus maître, ou utilisez silence_single_worker_warning.

rails-deprecation-warning =
    .title = un avertissement de dépréciation de Rails (un conseil pour la prochaine montée de version, pas une panne)
    .remediation = Rien à corriger pour l'incident ; traitez-le avant de mettre à jour Rails.
