# rules/mysql.toml, en français.

mysql-uninitialized-no-password =
    .title = l'entrypoint mysql/mariadb doit initialiser un répertoire de données vide mais aucune option de mot de passe root n'est définie
    .remediation = Définissez pour { $service } l'une des variables MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD ou MYSQL_RANDOM_ROOT_PASSWORD (MARIADB_ROOT_PASSWORD et consorts pour l'image mariadb), et vérifiez que le .env ou l'env_file dont elle provient est présent. Ces options ne sont lues que tant que le répertoire de données est vide.

mysql-port-in-use =
    .title = mysqld ne peut pas écouter sur son port TCP : l'adresse est déjà utilisée
    .remediation = Un autre processus de l'espace de noms réseau du conteneur occupe le port : un second mysqld (un entrypoint qui démarre le serveur deux fois, un processus résiduel) ou, avec network_mode: host, un MySQL qui tourne déjà sur l'hôte. Arrêtez l'autre serveur ou choisissez un autre port (--port). Un port publié deux fois sur l'hôte se manifeste plutôt par une erreur Docker.

mysql-another-server-on-port =
    .title = mysqld ne peut pas écouter sur le port { $port } : un autre serveur l'occupe peut-être déjà
    .remediation = mysqld n'a pas pu se lier au port { $port } ; la ligne qui précède celle-ci en donne la raison. Address already in use : un autre processus de l'espace de noms réseau du conteneur occupe { $port } (un second mysqld, ou un MySQL de l'hôte avec network_mode: host) ; arrêtez-le ou déplacez ce serveur sur un autre port.

mysql-socket-lock-in-use =
    .title = mysqld refuse de démarrer : son fichier de verrou de socket unix désigne le pid { $pid } comme propriétaire
    .remediation = Le plus souvent, un mysqld.sock.lock périmé laissé par une exécution précédente, conservé parce que /var/run/mysqld (ou le répertoire de la socket) est sur un volume : après un redémarrage, le pid { $pid } appartient à un autre processus. Supprimez mysqld.sock.lock de ce volume et ne persistez pas le répertoire de la socket. Sinon, c'est que deux processus mysqld partagent un même chemin de socket : donnez à chacun le sien.

mysql-socket-dir-missing =
    .title = mysqld ne peut pas créer sa socket unix : le répertoire de la socket n'existe pas
    .remediation = Le répertoire du chemin de socket (socket= dans my.cnf, par exemple /run/mysqld) manque dans le conteneur, souvent parce qu'il se trouve sur un tmpfs ou un montage vide. Créez-le, avec l'utilisateur mysql comme propriétaire, avant le démarrage de mysqld, ou faites pointer socket= vers un répertoire existant.

mysql-access-denied =
    .title = MySQL rejette la connexion de { $user } depuis { $host } (mot de passe envoyé : { $password })
    .remediation = Le client qui se connecte en tant que { $user } a un mauvais mot de passe, ou le compte n'existe pas pour l'hôte { $host }. MYSQL_ROOT_PASSWORD, MYSQL_USER et MYSQL_PASSWORD ne s'appliquent qu'à la première initialisation du répertoire de données : après les avoir modifiées sur un volume existant, modifiez le compte avec ALTER USER, ou recréez le volume si ses données sont jetables. Corrigez ensuite les identifiants dans la configuration du client.

mysql-initialize-datadir-not-empty =
    .title = mysqld refuse l'initialisation : le répertoire de données n'est pas vide mais ne contient aucune base
    .remediation = Regardez ce que contient le volume monté sur /var/lib/mysql : des restes d'un premier démarrage qui a échoué (supprimez-les, après avoir corrigé l'erreur qui l'a interrompu) ou un répertoire qui n'est pas vide au départ, comme le lost+found d'un disque (montez plutôt un sous-répertoire). Ne le faites jamais pointer sur un répertoire qui contient d'autres données.

mysql-upgrade-after-crash =
    .title = la nouvelle image { $product } ne peut pas mettre à niveau un répertoire de données que { $product } { $version } n'a pas arrêté proprement
    .remediation = Revenez à l'image de { $product } { $version }, laissez-la récupérer et arrêtez-la proprement (docker stop avec un stop_grace_period assez long pour qu'elle ne soit pas tuée), et seulement ensuite démarrez l'image plus récente sur le volume.

mysql-invalid-downgrade =
    .title = le répertoire de données a été écrit par MySQL { $from }, plus récent que ce serveur ({ $to })
    .remediation = MySQL ne permet de revenir à une version antérieure qu'entre versions correctives. Lancez l'image de la version qui a écrit les données (un tag non figé comme mysql:latest ou mysql:8 a avancé puis reculé), et figez le tag désormais.

mysql-privilege-tables-missing =
    .title = mysqld ne peut pas ouvrir ses tables de privilèges : { $table } manque dans le répertoire de données
    .remediation = Le schéma système mysql est absent ou endommagé : le répertoire de données n'a jamais été complètement initialisé (un premier démarrage interrompu), appartient à un autre serveur ou à une autre version, ou n'est pas accessible en écriture pour l'utilisateur mysql. Restaurez le volume, ou supprimez-le si les données sont jetables, pour que l'entrypoint l'initialise à nouveau.

mysql-unknown-variable =
    .title = mysqld refuse de démarrer : il ne connaît pas l'option { $variable }
    .remediation = Retirez { $variable } de my.cnf ou de la commande du conteneur : elle a été supprimée dans cette version du serveur (default-authentication-plugin en 8.4, query_cache_size en 8.0, innodb_file_format dans MariaDB 10.3), ou elle est mal orthographiée. Vous pouvez aussi figer l'image sur la version pour laquelle la configuration a été écrite.

mysql-disk-full =
    .title = MySQL a manqué d'espace disque en écrivant { $file }
    .remediation = Le volume qui contient le répertoire de données (ou tmpdir) est plein et le serveur bloque les écritures jusqu'à ce que de l'espace soit libéré. Libérez-le ou agrandissez-le ; les journaux binaires sont le coupable habituel dans MySQL 8 (binlog_expire_logs_seconds vaut 30 jours par défaut) : PURGE BINARY LOGS, ou réduisez la durée de rétention.

mysql-buffer-pool-no-memory =
    .title = InnoDB ne peut pas allouer son buffer pool : pas assez de mémoire pour mysqld
    .remediation = Le buffer pool (innodb_buffer_pool_size, 128M par défaut) ne tient pas dans la mémoire que le conteneur a le droit d'utiliser. Réduisez innodb_buffer_pool_size, ou augmentez la limite mémoire du conteneur, ou libérez de la mémoire sur l'hôte.

mysql-mbind-not-permitted =
    .title = mysqld n'a pas le droit d'utiliser le placement mémoire NUMA (mbind) sous le profil seccomp de Docker
    .remediation = Ce n'est pas une panne. Pour faire taire ce message, donnez au conteneur la capability SYS_NICE (cap_add: [SYS_NICE] dans compose, --cap-add=sys_nice avec docker run).

mysql-startup-warnings =
    .title = mysqld affiche l'un de ses avertissements de démarrage habituels
    .remediation = Ce n'est pas une panne : une CA auto-signée générée à l'initialisation, le /var/run/mysqld de l'image lisible par tous, ou une option dépréciée que passe l'entrypoint.
