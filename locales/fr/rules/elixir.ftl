# rules/elixir.toml, en français.

elixir-module-not-available =
    .title = le module { $module } n'est pas disponible à l'exécution (appel de { $function })
    .remediation = Le code appelle { $module } mais la release ne le contient pas : ajoutez la dépendance (et, pour une bibliothèque OTP comme {":inets"} ou {":crypto"}, listez-la dans extra_applications et installez-la dans l'image, par exemple les paquets erlang-* sur Alpine), et n'appelez jamais Mix (Mix.env/0 et consorts) à l'exécution puisque Mix ne fait pas partie d'une release : lisez ces valeurs à la compilation ou depuis la config.

elixir-mix-could-not-start-application =
    .title = Mix n'a pas pu démarrer l'application { $app } : { $reason }
    .remediation = Le callback start de l'application ou l'un de ses enfants supervisés a échoué ; les lignes imbriquées ** (EXIT) ci-dessous nomment l'enfant et l'exception. Corrigez cette cause (un repo qui ne peut pas se connecter, un port déjà utilisé, une configuration manquante).

elixir-application-start-error =
    .title = l'application OTP { $app } n'a pas pu démarrer : { $reason }
    .remediation = La release s'arrête parce que { $app } n'a pas démarré ; l'exception affichée sous cette ligne (** (EXIT) ...) est la cause à corriger.

elixir-config-provider-failed =
    .title = la configuration d'exécution de la release ({ $provider }) a levé une erreur
    .remediation = config/runtime.exs (ou un autre config provider) a levé une exception pendant le démarrage de la release ; l'exception sur les lignes suivantes dit pourquoi, le plus souvent une variable d'environnement manquante lue avec {"System.fetch_env!"} ou du code qui a besoin de Mix à l'exécution. Définissez la variable ou déplacez le code dans la config de compilation.

elixir-dbconnection-connect-failed =
    .title = le pool de base de données de { $service } ne peut pas joindre { $host }:{ $port } : { $reason } ({ $posix })
    .remediation = DBConnection continue de réessayer. 'localhost' dans un conteneur désigne le conteneur lui-même : réglez le hostname du repo (ou DATABASE_URL) sur le nom de service compose de la base de données. Si l'hôte est le bon, la base de données est arrêtée ou pas encore prête : vérifiez ses journaux et faites attendre l'application (depends_on avec condition: service_healthy).

elixir-postgres-starting-up =
    .title = { $service } s'est connecté à PostgreSQL alors que la base de données était encore en cours de démarrage
    .remediation = Le conteneur de la base de données tournait mais n'acceptait pas encore de connexions quand l'application (ou mix ecto.create/migrate) s'est connectée, et la commande a abandonné. Ajoutez un healthcheck au service de base de données (pg_isready) et depends_on avec condition: service_healthy, ou réessayez dans l'entrypoint.

elixir-ranch-eaddrinuse =
    .title = le listener { $listener } ne peut pas se lier au port { $port } : adresse déjà utilisée
    .remediation = Un autre processus écoute déjà sur le port { $port } dans cet espace de noms réseau (avec le réseau de l'hôte, un processus de l'hôte) : arrêtez-le, ou configurez ce listener sur un port libre.

elixir-erlang-eaddrinuse =
    .title = un processus Erlang/Elixir ne peut pas se lier à son port : adresse déjà utilisée (eaddrinuse)
    .remediation = Un listener de l'application a trouvé son port pris dans cet espace de noms réseau : identifiez lequel grâce au rapport du superviseur (ses arguments de démarrage contiennent le port), puis arrêtez l'autre processus ou changez le port.

elixir-kernel-pid-terminated =
    .title = la VM Erlang s'est arrêtée : { $process } s'est terminé (application { $app })
    .remediation = Une application permanente ({ $app }) n'a pas pu démarrer ou est morte, donc tout le nœud s'arrête. La raison dans le tuple, ou les rapports de crash et de superviseur affichés avant, nomment l'enfant défaillant et son erreur ; corrigez-la.

elixir-erlang-crash-dump =
    .title = la VM Erlang a planté et écrit un crash dump dans { $path }
    .remediation = Le nœud est mort ; les lignes juste avant (Kernel pid terminated, un rapport de superviseur ou de crash) disent pourquoi. La ligne Slogan du dump répète la raison : sortez le fichier du conteneur avec docker cp (ou faites pointer ERL_CRASH_DUMP vers un volume) pour le lire.

elixir-nif-load-failed =
    .title = le code natif (NIF) de { $module } n'a pas pu être chargé
    .remediation = Le .so derrière { $module } n'a pas pu être chargé : en général il a été compilé pour une autre plateforme (build glibc copié dans une image Alpine/musl, autre architecture CPU, autre version d'OTP) ou une bibliothèque système avec laquelle il est lié manque. Compilez les dépendances dans la même image de base que celle où tourne la release (build multi-étapes à partir de la même distribution) et installez les bibliothèques d'exécution dont il a besoin.

elixir-phoenix-live-reload-unavailable =
    .title = Le live-reload de Phoenix est désactivé car inotify-tools n'est pas installé
    .remediation = Il ne manque qu'une commodité de développement (rechargement du navigateur quand un fichier change) ; l'application tourne. Installez inotify-tools dans une image de développement si vous le voulez ; sinon, ignorez ce message.
