dependency-unreachable-title = { $caller } n'arrive pas à se connecter à { $address } ({ $failure }, { $attempts } fois) : { $why }
dependency-unreachable-title-unnamed = { $caller } n'arrive pas à se connecter à une dépendance ({ $failure }, { $attempts } fois) : { $why }
dependency-unreachable-failure-refused = connexion refusée
dependency-unreachable-failure-not-resolved = nom introuvable
dependency-unreachable-failure-dns-unavailable = échec temporaire de la résolution de nom
dependency-unreachable-failure-unreachable = aucune route vers l'hôte

dependency-unreachable-the-caller = l'appelant
dependency-unreachable-no-network = aucun réseau

dependency-unreachable-why-unnamed = le journal ne dit pas quelle adresse a été essayée
dependency-unreachable-why-unnamed-configured = le journal ne dit pas laquelle ; il est configuré pour { $configured }
dependency-unreachable-fix-unnamed = Trouvez quelle dépendance { $caller } n'arrive pas à joindre, et pourquoi.
dependency-unreachable-step-unnamed = Lisez les lignes autour de l'erreur pour trouver l'adresse essayée, et listez ses paramètres de connexion.

dependency-unreachable-why-nothing-answers = rien de ce que montrent les éléments collectés ne répond à { $target }
dependency-unreachable-fix-nothing-answers = Faites répondre { $target }, ou pointez { $caller } vers la bonne adresse.
dependency-unreachable-step-nothing-answers = Vérifiez ce qui écoute à cette adresse et ce pour quoi l'appelant est configuré.

dependency-unreachable-service-name = le nom de service de la dépendance
dependency-unreachable-why-loopback = dans son conteneur, { $host } désigne { $caller } lui-même, où rien n'écoute ; utilisez { $instead } à la place
dependency-unreachable-why-loopback-set = dans son conteneur, { $host } désigne { $caller } lui-même, où rien n'écoute ; utilisez { $instead } à la place (défini dans { $variable })
dependency-unreachable-fix-loopback = Pointez { $caller } vers { $instead } au lieu de { $host }.
dependency-unreachable-step-loopback = Changez le paramètre qui contient { $host } pour utiliser { $instead } (le nom sous lequel les autres conteneurs du réseau le joignent), puis recréez le conteneur.

dependency-unreachable-why-no-shared-network = { $caller } et { $dep } n'ont aucun réseau en commun ({ $caller } est sur { $caller_networks }, { $dep } sur { $dep_networks })
dependency-unreachable-fix-no-shared-network = Mettez { $caller } et { $dep } sur un même réseau.
dependency-unreachable-step-no-shared-network = Connectez { $caller } au réseau de { $dep } (et listez les deux sous le même `networks:` dans compose).

dependency-unreachable-why-down = { $dep } est { $state }
dependency-unreachable-state-restarting = en train de redémarrer
dependency-unreachable-state-never-started = jamais démarré
dependency-unreachable-state-running = { $status } et { $health }
dependency-unreachable-state-running-failing = { $status } et en échec
dependency-unreachable-state-exited = { $status } (code de sortie { $code })
dependency-unreachable-fix-down = Corrigez { $dep } (voir sa cause racine) ; { $caller } se connectera dès son retour.
dependency-unreachable-step-down = Regardez pourquoi { $dep } est arrêté.

dependency-unreachable-why-port = { $dep } tourne, mais il est configuré pour écouter sur le port { $listening } ({ $entry }), pas { $port }
dependency-unreachable-fix-port = Mettez { $caller } et { $dep } d'accord sur le port : appelez { $host }:{ $listening }, ou faites écouter { $dep } sur { $port }.
dependency-unreachable-step-port = Réglez le port du paramètre de connexion de { $caller } sur { $listening } (ou remettez { $dep } sur { $port }) et recréez le conteneur modifié.

dependency-unreachable-why-starting = { $dep } n'avait démarré que { $seconds } s avant la dernière tentative et n'écoutait pas encore
dependency-unreachable-fix-starting = Faites attendre { $caller } jusqu'à ce que { $dep } soit prêt.
dependency-unreachable-step-starting = Donnez un healthcheck à { $dep } et démarrez { $caller } après lui (compose `depends_on: {"{"} { $dep_service }: {"{"} condition: service_healthy {"}"} {"}"}`), ou réessayez avec un backoff.

dependency-unreachable-why-dns-shared = { $dep } tourne sur un réseau que { $caller } partage, et pourtant son nom n'a pas été résolu : vérifiez les paramètres DNS de { $caller }
dependency-unreachable-why-not-listening = { $dep } tourne, mais rien en lui n'accepte de connexion sur { $target }
dependency-unreachable-fix-which-port = Trouvez sur quel port { $dep } écoute réellement, et appelez celui-là.
dependency-unreachable-step-which-port = Regardez ce que { $dep } a journalisé sur son écoute, et ses paramètres de port.

dependency-unreachable-edit-list = À { $line }, écrivez `depends_on:` sous forme de mapping : remplacez `{ $entry }` par `{ $dep_service }: {"{"} condition: service_healthy {"}"}`
dependency-unreachable-edit-list-and = À { $line }, écrivez `depends_on:` sous forme de mapping : remplacez `{ $entry }` par `{ $dep_service }: {"{"} condition: service_healthy {"}"}` (ainsi que { $others })
dependency-unreachable-edit-other = `- { $service }` par `{ $service }: {"{"} condition: service_started {"}"}`
dependency-unreachable-edit-others = { $first }, { $rest }
dependency-unreachable-edit-mapping = Sous `{ $entry }` ({ $line }), mettez `condition: service_healthy`
dependency-unreachable-why-start-order = { $dep } était encore en train de démarrer (sain { $waited } s après son démarrage, après l'abandon de { $caller }) : compose démarre { $caller_service } sans l'attendre (`depends_on` sans `condition: service_healthy`)
dependency-unreachable-fix-start-order = Ne démarrez { $caller_service } qu'une fois { $dep_service } sain : `condition: service_healthy` sous son `depends_on:`.
dependency-unreachable-step-start-order = { $edit }, puis relancez le projet.
dependency-unreachable-step-start-order-retry = Faites aussi réessayer la connexion de { $caller_service } avec un backoff : une dépendance peut redémarrer à tout moment, pas seulement au démarrage.

dependency-unreachable-why-bound-to-loopback = { $dep } n'écoute que sur 127.0.0.1{ $port } dans son propre conteneur ({ $said }), donc les connexions de { $caller } vers son adresse réseau sont refusées
dependency-unreachable-said-setting = défini par { $entry }
dependency-unreachable-said-logged = il a journalisé `{ $line }`
dependency-unreachable-fix-bound-to-loopback = Faites écouter { $dep } sur toutes les interfaces (0.0.0.0{ $port }) au lieu de 127.0.0.1.
dependency-unreachable-step-bound-to-loopback = Réglez l'adresse d'écoute de { $dep } sur 0.0.0.0 (le paramètre cité plus haut, ou l'option --bind/--host du serveur), recréez-le et vérifiez qu'il annonce 0.0.0.0.

dependency-unreachable-why-unresolved = { $host } ne se résout pas, et aucun conteneur ne s'appelle { $host }
dependency-unreachable-fix-unresolved = Rendez { $host } résolvable pour { $caller }, ou utilisez une adresse qui l'est.
dependency-unreachable-step-unresolved = Vérifiez comment l'hôte résout le nom.

dependency-unreachable-why-default-bridge = { $caller } est sur le réseau bridge par défaut, où les conteneurs ne peuvent pas se résoudre par leur nom
dependency-unreachable-why-alone = aucun conteneur nommé { $host } ou avec l'alias { $host } n'est sur { $networks } ; { $caller } y est seul
dependency-unreachable-why-peers = aucun conteneur nommé { $host } ou avec l'alias { $host } n'est sur { $networks } (s'y trouvent : { $peers })
dependency-unreachable-fix-unknown-name = Faites tourner { $host } sous ce nom sur le réseau de { $caller }, ou pointez { $caller } vers un nom qui y existe.
dependency-unreachable-step-list-network = Listez qui est sur { $network } et sous quels noms.
dependency-unreachable-step-alias = Si { $host } tourne sous un autre nom ou sur un autre réseau, rattachez-le à { $network } avec l'alias { $host } (`docker network connect --alias { $host } { $network } <container>`) ; s'il n'existe pas, créez-le (compose : ajoutez le service et mettez-le en `depends_on`).
