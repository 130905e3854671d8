# rules/postgres.toml, en français.

postgres-data-dir-wrong-ownership =
    .title = PostgreSQL refuse de démarrer : le répertoire de données { $path } n'appartient pas à l'utilisateur sous lequel il tourne
    .remediation = Le serveur doit tourner sous l'identité du propriétaire de { $path } (uid 999 dans l'image officielle basée sur Debian, 70 dans la variante Alpine). C'est presque toujours un bind mount depuis Windows/macOS, NFS ou CIFS, qui ne peut pas porter les propriétaires Linux : utilisez plutôt un volume nommé pour le répertoire de données, ou faites un chown du répertoire de l'hôte vers cet uid, et ne remplacez pas l'utilisateur du conteneur.

postgres-data-dir-invalid-permissions =
    .title = PostgreSQL refuse de démarrer : le répertoire de données { $path } est lisible par d'autres utilisateurs
    .remediation = PostgreSQL exige que { $path } soit en mode 0700 (ou 0750 avec accès pour le groupe). Un bind mount depuis un système de fichiers qui ignore chmod (Windows, CIFS, certains NFS) ne peut pas satisfaire cette exigence : gardez le répertoire de données sur un volume nommé, ou faites un chmod 700 du répertoire de l'hôte.

postgres-data-from-other-major-version =
    .title = le volume contient une instance PostgreSQL { $old }, mais l'image fait tourner PostgreSQL { $new }
    .remediation = PostgreSQL ne peut pas ouvrir un répertoire de données d'une autre version majeure. Pour rétablir le service, épinglez l'image sur postgres:{ $old }. Puis faites la montée de version posément : pg_dumpall depuis le conteneur { $old } et restauration dans un volume neuf sous { $new }, ou pg_upgrade (il faut les binaires des deux versions). Ne supprimez pas le volume, sauf si ses données sont jetables.

postgres-database-files-incompatible =
    .title = PostgreSQL ne peut pas ouvrir le répertoire de données : il a été écrit par une build de PostgreSQL incompatible
    .remediation = La ligne DETAIL qui suit celle-ci indique la version (ou la version du catalogue) qui a écrit les données. Lancez l'image de cette version sur ce volume, puis migrez avec pg_dumpall et restauration, ou avec pg_upgrade ; une différence de version du catalogue au sein d'une même version majeure signifie qu'une build bêta ou de développement a écrit les données.

postgres-18-old-data-layout =
    .title = l'image postgres 18+ a trouvé, à l'ancien point de montage, des données selon l'ancienne organisation (ou d'une version majeure antérieure) et refuse de démarrer
    .remediation = Depuis la version 18, l'image officielle range ses données sous /var/lib/postgresql/MAJOR/docker et attend le volume sur /var/lib/postgresql. Un volume encore monté sur /var/lib/postgresql/data contient une instance d'une version majeure antérieure : épinglez l'image sur cette version (par exemple postgres:17) pour continuer à tourner, ou migrez-la (pg_dumpall et restauration, ou pg_upgrade) puis montez le volume sur /var/lib/postgresql. Pour une base neuve et vide, changez simplement le montage pour /var/lib/postgresql.

postgres-invalid-data-directory =
    .title = PostgreSQL trouve { $path } endommagé : ce n'est pas un répertoire de données valide
    .remediation = Des fichiers de l'instance manquent (souvent PG_VERSION), typiquement parce que des fichiers ont été supprimés du volume ou qu'un répertoire à moitié initialisé a été réutilisé. Restaurez le volume depuis une sauvegarde ; si les données sont jetables, supprimez le volume pour que l'entrypoint initialise une nouvelle instance.

postgres-checkpoint-record-missing =
    .title = PostgreSQL ne peut pas faire sa récupération : le journal de transactions (WAL) ne contient aucun enregistrement de checkpoint valide
    .remediation = Le WAL dans pg_wal est endommagé ou absent (stockage qui a perdu des écritures, conteneur tué pendant un checkpoint, deux serveurs sur un même répertoire de données, ou pg_wal qui n'est pas sur le même volume). Restaurez depuis une sauvegarde. En dernier recours, lancez pg_resetwal sur une copie du volume avec la même version d'image : le serveur redémarre, mais des transactions récentes peuvent être perdues ou corrompues.

postgres-uninitialized-no-password =
    .title = l'entrypoint postgres doit créer une nouvelle instance mais POSTGRES_PASSWORD est vide
    .remediation = Le volume de données est vide, donc l'entrypoint initialise une instance, et il lui faut un mot de passe de superutilisateur : définissez POSTGRES_PASSWORD (ou POSTGRES_PASSWORD_FILE) pour { $service }. Vérifiez que le .env ou l'env_file d'où il vient existe et que le nom de la variable est bien orthographié. POSTGRES_HOST_AUTH_METHOD=trust fait aussi disparaître cette erreur, mais laisse la base ouverte à tout conteneur qui peut la joindre.

postgres-trust-auth-warning =
    .title = PostgreSQL avertit que l'authentification trust est activée
    .remediation = Pas une panne. initdb affiche toujours ceci pour les connexions locales (socket) dans l'image officielle ; POSTGRES_HOST_AUTH_METHOD=trust ouvre aussi les connexions TCP sans mot de passe, ce qui mérite d'être corrigé hors développement.

postgres-password-auth-failed =
    .title = PostgreSQL rejette le mot de passe envoyé par un client pour l'utilisateur { $user }
    .remediation = La base est démarrée ; c'est le client qui se connecte en tant que { $user } qui est mal configuré : corrigez le mot de passe dans les paramètres de ce client (DATABASE_URL, PGPASSWORD, les variables d'environnement de l'application). N'oubliez pas que POSTGRES_USER/POSTGRES_PASSWORD ne s'appliquent qu'à la première initialisation du volume : après les avoir changés sur un volume existant, définissez le nouveau mot de passe avec ALTER USER { $user } PASSWORD '...' ou recréez le volume. Une ligne DETAIL indiquant que le rôle n'existe pas signifie que c'est le nom d'utilisateur qui est faux, pas le mot de passe.

postgres-role-does-not-exist =
    .title = un client se connecte à PostgreSQL en tant que { $user }, un rôle que l'instance ne possède pas
    .remediation = Le client est configuré avec un nom d'utilisateur que l'instance ne connaît pas. POSTGRES_USER ne crée le rôle qu'à la première initialisation du volume : s'il a été changé ensuite, créez le rôle (CREATE ROLE { $user } LOGIN PASSWORD '...') ou recréez le volume ; sinon corrigez le nom d'utilisateur dans les paramètres de connexion du client.

postgres-healthcheck-role-root =
    .title = un healthcheck ou un shell du conteneur se connecte à PostgreSQL en tant que root, qui n'a pas de rôle
    .remediation = Pas une panne : pg_isready lancé par un healthcheck sans -U se connecte sous l'utilisateur système root, et indique quand même que le serveur est prêt. Faites taire ce message avec pg_isready -U "$POSTGRES_USER" -d "$POSTGRES_DB" dans le healthcheck (écrivez $$ pour $ dans un fichier compose).

postgres-database-does-not-exist =
    .title = un client demande à PostgreSQL la base { $database }, qui n'existe pas
    .remediation = Corrigez le nom de la base dans les paramètres de connexion du client, ou créez-la (CREATE DATABASE { $database }). POSTGRES_DB ne crée la base qu'à la première initialisation du volume. Les clients qui donnent un utilisateur mais pas de base (psql -U x, pg_isready -U x dans un healthcheck) demandent une base qui porte le nom de l'utilisateur : ajoutez -d avec le vrai nom de la base.

postgres-no-pg-hba-entry =
    .title = le pg_hba.conf de PostgreSQL n'autorise pas { $user } à se connecter depuis { $host } à { $database }
    .remediation = La connexion est refusée avant toute vérification de mot de passe. L'image officielle autorise tous les hôtes avec mot de passe (host all all all scram-sha-256), donc cela signifie en général un pg_hba.conf personnalisé ou une autre image : ajoutez une ligne telle que host { $database } { $user } <client-subnet> scram-sha-256 (pour [local], une ligne local) et rechargez avec SELECT pg_reload_conf().

postgres-bind-address-in-use =
    .title = PostgreSQL ne peut pas écouter sur son adresse { $family } { $address } : un autre processus l'occupe déjà
    .remediation = Dans un conteneur, c'est un autre processus du même espace de noms réseau qui occupe le port : un second postgres lancé par un entrypoint personnalisé, un ancien postmaster resté actif dans un conteneur redémarré, ou network_mode: host avec un PostgreSQL qui tourne déjà sur l'hôte. Arrêtez l'autre serveur ou donnez un autre port à celui-ci (-c port=...). Un port publié deux fois apparaît plutôt comme une erreur Docker.

postgres-no-listen-sockets =
    .title = PostgreSQL s'arrête : il n'a pu ouvrir aucune socket d'écoute { $what }
    .remediation = Toutes les adresses de listen_addresses ont échoué ; les lignes LOG juste au-dessus disent pourquoi. Address already in use : un autre serveur occupe le port dans cet espace de noms réseau. Cannot assign requested address : listen_addresses désigne une adresse que le conteneur n'a pas (utilisez '*' ou l'adresse propre du conteneur). Pour les sockets de domaine Unix, supprimez une socket ou un fichier de verrou obsolète laissé dans le répertoire des sockets par une exécution précédente.

postgres-ipv6-unavailable =
    .title = PostgreSQL ignore IPv6 : le conteneur n'a pas de réseau IPv6
    .remediation = Pas une panne : le serveur écoute en IPv4. Réglez listen_addresses sur une adresse IPv4 (ou '0.0.0.0') pour faire taire ce message.

postgres-no-space-writing =
    .title = PostgreSQL a manqué d'espace disque en écrivant { $file }
    .remediation = Le système de fichiers du volume de données est plein ; une écriture du WAL qui échoue ainsi arrête le serveur (PANIC), et il ne peut pas redémarrer tant que de l'espace n'a pas été libéré. Libérez de l'espace ou agrandissez le volume (docker system df ; le disque de l'hôte ou celui de la VM Docker Desktop), puis cherchez la cause : pg_wal qui grossit derrière un archive_command bloqué ou un slot de réplication inactif, ou des tables qui grossissent sans limite.

postgres-extend-no-space =
    .title = PostgreSQL ne peut pas agrandir { $file } : le disque est plein
    .remediation = Les écritures dans les tables échouent tant que le volume de données n'a pas de nouveau de l'espace libre. Libérez de l'espace ou agrandissez le volume, puis trouvez ce qui l'a rempli (grosses tables ou gros index, fichiers temporaires de grosses requêtes, pg_wal).

postgres-dev-shm-too-small =
    .title = PostgreSQL manque de mémoire partagée dans /dev/shm ({ $bytes } octets demandés)
    .remediation = Docker donne par défaut aux conteneurs un /dev/shm de 64 Mo, trop petit pour les requêtes parallèles et les gros tris. Augmentez-le (shm_size: 1g dans compose, --shm-size=1g avec docker run), ou baissez max_parallel_workers_per_gather / work_mem.

postgres-shared-memory-alloc-failed =
    .title = PostgreSQL ne peut pas allouer sa mémoire partagée au démarrage
    .remediation = La mémoire partagée que demande PostgreSQL (surtout shared_buffers) ne tient pas dans la mémoire que le conteneur a le droit d'utiliser. Baissez shared_buffers ou max_connections, ou augmentez la limite mémoire du conteneur (mem_limit / --memory), ou libérez de la mémoire sur l'hôte.

postgres-backend-killed =
    .title = un processus PostgreSQL ({ $process }) a été tué par SIGKILL, très probablement par l'OOM killer
    .remediation = Un backend tué par le signal 9, c'est presque toujours l'OOM killer du noyau qui fait respecter la limite mémoire du conteneur ; PostgreSQL réinitialise alors toutes les connexions. Augmentez la limite mémoire, ou baissez shared_buffers, work_mem et max_connections pour que le total tienne ; confirmez avec docker inspect (OOMKilled) et dmesg.

postgres-config-file-errors =
    .title = PostgreSQL refuse de démarrer : le fichier de configuration { $file } contient des erreurs
    .remediation = Les lignes LOG juste au-dessus indiquent le paramètre ou la ligne fautive de { $file }. Corrigez-le (ou supprimez une ligne qu'une version plus récente ou plus ancienne de PostgreSQL ne connaît pas). Pour modifier le fichier tant que le serveur ne peut pas démarrer, montez le volume dans un conteneur jetable : docker run --rm -it -v <volume>:/var/lib/postgresql/data postgres bash.

postgres-config-syntax-error =
    .title = PostgreSQL trouve une erreur de syntaxe dans { $file } à la ligne { $line }
    .remediation = Corrigez la ligne { $line } de { $file } (un guillemet non refermé est le coupable habituel). Au démarrage, ce message est suivi d'un FATAL et le serveur ne démarre pas ; lors d'un rechargement, les anciens réglages restent en vigueur.

postgres-invalid-parameter-value =
    .title = PostgreSQL rejette la valeur { $value } du paramètre { $parameter }
    .remediation = Corrigez { $parameter } dans postgresql.conf ou dans les options -c de la commande du conteneur. Les paramètres de mémoire exigent les unités de PostgreSQL (kB, MB, GB : 128MB, pas 128M).

postgres-unrecognized-parameter =
    .title = PostgreSQL ne connaît pas le paramètre { $parameter }
    .remediation = Supprimez ou corrigez { $parameter } (une faute de frappe, ou un paramètre d'une autre version majeure de PostgreSQL). Un postgresql.conf écrit par une version majeure plus récente dans un volume réutilisé provoque aussi cette erreur : le volume appartient à cette version.

postgres-config-file-missing =
    .title = PostgreSQL ne trouve pas sa configuration à l'emplacement { $file }
    .remediation = Le répertoire de données existe mais { $file } a disparu : un volume dont des fichiers ont été supprimés, le montage d'un sous-répertoire au lieu du répertoire de données, ou un chemin config_file= vers un fichier qui n'est pas monté. Montez le fichier (ou tout le répertoire de données) là où la commande l'attend ; sinon, un répertoire de données sans postgresql.conf est endommagé et doit être restauré ou réinitialisé.

postgres-starting-or-shutting-down =
    .title = un client s'est connecté pendant que PostgreSQL démarrait ou s'arrêtait
    .remediation = Pas une panne en soi : les clients qui réessaient y parviennent dès que le serveur est prêt. S'il n'est jamais prêt, regardez plutôt les lignes LOG/FATAL du serveur lui-même (une longue récupération après crash, un PANIC).
