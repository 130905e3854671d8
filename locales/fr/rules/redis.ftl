# rules/redis.toml, en français.

redis-aof-bad-format =
    .title = Redis refuse de démarrer : son fichier append-only est endommagé
    .remediation = L'AOF est corrompu (typiquement tronqué ou complété d'octets parasites par un crash de l'hôte ou par une couche de stockage qui perd des écritures). Sauvegardez le volume de données, puis réparez-le avec redis-check-aof --fix sur le manifeste (Redis 7+) ou sur le fichier .aof, lancé depuis un conteneur jetable sur le même volume ; ou définissez aof-load-truncated yes si seule la fin est tronquée.

redis-rdb-format-too-new =
    .title = le fichier de dump a été écrit par un Redis plus récent (format RDB { $version }) que ce serveur
    .remediation = Le format RDB { $version } vient d'un Redis plus récent que celui de l'image (9 : 5.0, 10 : 7.0, 11 : 7.2, 12 : 7.4). Lancez cette version de Redis ou une plus récente sur ce volume (épinglez le tag de l'image), ou mettez le dump de côté si les données sont un cache que vous pouvez perdre.

redis-fatal-error-loading-db =
    .title = Redis s'arrête car il ne peut pas charger son fichier de données
    .remediation = La ligne qui précède celle-ci dit pourquoi (un format RDB plus récent, un fichier endommagé, pas assez de mémoire). Corrigez cela, ou sortez dump.rdb / appendonlydir du volume de données si les données sont jetables.

redis-aof-open-denied =
    .title = Redis n'a pas le droit d'ouvrir son fichier append-only ({ $reason }) et s'arrête
    .remediation = Avec appendonly yes, Redis doit créer et écrire son AOF dans son répertoire de données (/data dans l'image officielle, /bitnami/redis/data dans bitnami/redis). Un répertoire de l'hôte monté en bind appartient en général à un autre uid : faites-en le chown vers l'uid sous lequel tourne Redis (999 dans l'image officielle, qui ne fait le chown de /data que lorsqu'elle démarre en root ; 1001 dans bitnami/redis), ou utilisez un volume nommé ; sur les hôtes SELinux, ajoutez {":z"} au montage. Si l'AOF lui-même a été monté en bind comme fichier isolé, montez plutôt le répertoire.

redis-misconf-cannot-persist =
    .title = Redis refuse les écritures car il ne peut pas enregistrer son snapshot sur disque
    .remediation = Redis cesse d'accepter les écritures tant que les sauvegardes en arrière-plan échouent (stop-writes-on-bgsave-error). Son propre journal dit pourquoi : plus d'espace sur le volume de données (libérez-le ou agrandissez-le), répertoire de données non accessible en écriture à l'utilisateur redis (corrigez le propriétaire du volume), ou fork en échec faute de mémoire (définissez vm.overcommit_memory=1 sur l'hôte). Un dir valant /etc ou /var/spool/cron signifie qu'un attaquant a reconfiguré un Redis exposé.

redis-rdb-open-denied =
    .title = Redis n'a pas le droit d'écrire son fichier de snapshot : permission refusée
    .remediation = L'utilisateur redis ne peut pas créer de fichiers dans son répertoire de travail (dir dans redis.conf, /data dans l'image officielle) : le volume appartient à un autre uid, est monté en lecture seule, ou se trouve sur un système de fichiers qui ignore les propriétaires. Rendez le répertoire accessible en écriture à l'utilisateur du conteneur (l'image officielle tourne sous l'uid 999 et ne fait le chown de /data que lorsqu'elle démarre en root).

redis-dir-hijacked =
    .title = Redis a été reconfiguré pour écrire { $file } dans { $dir } : un Redis exposé est attaqué
    .remediation = Quelqu'un a lancé CONFIG SET dir/dbfilename sur ce Redis, l'attaque habituelle contre les instances joignables sans mot de passe. Ne publiez pas le port sur internet, définissez requirepass (ou des utilisateurs ACL), considérez l'hôte comme compromis et cherchez-y des tâches cron et des clés SSH implantées, puis redémarrez Redis pour rétablir son dir.

redis-write-error-no-space =
    .title = Redis ne peut pas enregistrer son snapshot : le volume de données est plein
    .remediation = Libérez ou agrandissez le volume qui contient le répertoire de données de Redis ; tant qu'aucune sauvegarde ne réussit, Redis refuse les écritures (MISCONF) lorsque stop-writes-on-bgsave-error est activé.

redis-bgsave-fork-failed =
    .title = Redis ne peut pas faire de fork pour enregistrer son snapshot : le noyau refuse la mémoire
    .remediation = Avec vm.overcommit_memory=0, le noyau refuse le fork() d'un gros Redis alors que le copy-on-write demande peu de mémoire. Définissez vm.overcommit_memory=1 sur l'hôte Docker (ce réglage ne peut pas être défini par conteneur), ou donnez plus de mémoire à l'hôte ou au conteneur.

redis-port-in-use =
    .title = Redis ne peut pas écouter sur { $address }:{ $port } : l'adresse est déjà utilisée
    .remediation = Un autre processus dans l'espace de noms réseau du conteneur occupe le port { $port } : un second redis-server (un command: qui lance Redis en plus de celui de l'entrypoint), ou, avec network_mode: host, un Redis qui tourne déjà sur l'hôte. Arrêtez-le ou lancez celui-ci avec --port.

redis-failed-listening =
    .title = Redis s'arrête : il n'a pas pu écouter sur le port { $port }
    .remediation = La ligne qui précède celle-ci nomme l'adresse et la raison. Address already in use : un autre processus occupe { $port }. Cannot assign requested address : une adresse de bind (souvent {"::1"} dans un conteneur sans IPv6) n'existe pas ici ; liez-vous à 0.0.0.0 ou préfixez-la de - pour la rendre facultative.

redis-noauth =
    .title = un client s'adresse à Redis sans le mot de passe que Redis exige
    .remediation = Redis tourne avec requirepass (ou des utilisateurs ACL) et le client n'envoie pas de mot de passe. Mettez le mot de passe dans les réglages du client (redis://:PASSWORD@redis:6379/0, REDIS_PASSWORD), ou retirez requirepass de Redis s'il doit être ouvert sur un réseau privé.

redis-wrongpass =
    .title = Redis rejette le nom d'utilisateur ou le mot de passe envoyé par un client
    .remediation = Le mot de passe du client (ou l'utilisateur ACL) ne correspond pas au requirepass / aux ACL de Redis. Comparez le réglage du client avec celui du serveur, en guettant un retour à la ligne parasite venu d'un fichier de secret, un second requirepass plus bas dans redis.conf qui écrase le premier, ou un nom d'utilisateur envoyé alors que Redis n'a que l'utilisateur default.

redis-oom-maxmemory =
    .title = Redis refuse les écritures : il a atteint sa limite maxmemory
    .remediation = Redis est plein et sa politique d'éviction ne libère pas de mémoire (noeviction, ou volatile-* sans aucune clé munie d'un TTL). Pour un cache, définissez maxmemory-policy allkeys-lru ; sinon augmentez maxmemory (et la limite mémoire du conteneur en conséquence) ou supprimez des données.

redis-fatal-config-error =
    .title = redis-server rejette sa configuration et s'arrête
    .remediation = Les lignes suivantes citent la ligne fautive (>>> '...') et la raison. Le plus souvent, un redis.conf pris d'une autre version de Redis que celle de l'image (utilisez le redis.conf de la même version), ou un élément command: de compose qui contient une option et sa valeur dans une seule chaîne ("--port 6379"), que Redis reçoit comme un seul argument.

redis-config-offending-line =
    .title = redis-server ne peut pas utiliser la ligne de configuration de { $directive }
    .remediation = Redis cite la ligne qu'il a rejetée. Si { $directive } est inconnue de cette version, le redis.conf vient d'une autre version : utilisez celui livré avec la version de l'image ou supprimez la ligne. Avec de mauvais arguments, vérifiez les guillemets ; un élément command: de compose comme "--{ $directive } value" arrive comme un seul argument et doit être découpé en deux éléments.

redis-bad-directive =
    .title = redis-server n'accepte pas une directive de sa configuration
    .remediation = La directive citée sur la ligne au-dessus (>>> '...') est inconnue de cette version de Redis ou a un mauvais nombre d'arguments. Utilisez le redis.conf de la version de Redis de l'image, et séparez options et valeurs en éléments command: distincts.

redis-overcommit-warning =
    .title = Redis conseille d'activer l'overcommit mémoire sur l'hôte
    .remediation = Pas une panne en soi : Redis tourne. Les sauvegardes en arrière-plan peuvent échouer à faire leur fork sous pression mémoire (redis-bgsave-fork-failed se déclenche alors) ; pour suivre le conseil, définissez vm.overcommit_memory=1 sur l'hôte Docker, car ce réglage ne peut pas être défini par conteneur.

redis-tcp-backlog-warning =
    .title = Redis signale que le somaxconn de l'hôte est inférieur à son tcp-backlog { $backlog }
    .remediation = Pas une panne : cela ne compte qu'avec un très grand nombre de connexions simultanées. Augmentez net.core.somaxconn pour le conteneur (sysctls: dans compose) ou baissez tcp-backlog pour faire taire l'avertissement.

redis-thp-warning =
    .title = Redis conseille de désactiver les transparent huge pages sur l'hôte
    .remediation = Pas une panne : un conseil de latence et de mémoire qui concerne le noyau de l'hôte. Réglez /sys/kernel/mm/transparent_hugepage/enabled sur madvise ou never sur l'hôte si la latence de Redis compte.
