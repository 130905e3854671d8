# rules/php.toml, en français.

php-class-not-found =
    .title = PHP ne trouve pas la classe { $class }
    .remediation = Si { $class } vient d'une extension PHP (Redis, Memcached, Imagick, ZipArchive, SoapClient, pilotes PDO...), l'extension n'est pas installée ou pas activée dans l'image : ajoutez-la (docker-php-ext-install / pecl install + docker-php-ext-enable) et reconstruisez l'image. S'il s'agit d'une classe de l'application ou de vendor, lancez `composer install` (ou `composer dump-autoload` après avoir ajouté des classes) dans l'image, et vérifiez que le namespace correspond au chemin du fichier pour PSR-4.

php-composer-autoload-missing =
    .title = PHP ne peut pas ouvrir { $path } : les dépendances Composer ne sont pas installées
    .remediation = vendor/ est créé par `composer install`, qui n'a pas été lancé là où le conteneur regarde : lancez-le dans le Dockerfile après avoir copié composer.json et composer.lock (composer install --no-dev --optimize-autoloader), ou une fois dans le conteneur pour un montage bind de développement. Un montage bind du répertoire du projet masque le vendor/ construit dans l'image : montez un volume par-dessus vendor/ ou faites l'installation sur l'hôte.

php-memory-exhausted =
    .title = PHP a atteint sa memory_limit de { $limit } octets
    .remediation = Augmentez memory_limit pour cette charge (un php.ini sous /usr/local/etc/php/conf.d/ dans les images officielles, PHP_MEMORY_LIMIT dans beaucoup d'autres, COMPOSER_MEMORY_LIMIT=-1 pour Composer) et gardez la limite mémoire du conteneur au-dessus de cette valeur multipliée par le nombre de workers FPM ; si la limite est déjà généreuse, cherchez la boucle ou la requête qui charge tout en mémoire.

php-memory-limit-invalid =
    .title = memory_limit vaut { $value } octets, une valeur que PHP ne peut pas appliquer (il manque une unité)
    .remediation = Un nombre seul dans memory_limit signifie des octets : écrivez-le avec une unité (memory_limit=256M). Cherchez la ligne du php.ini ou la variable d'environnement que le script de démarrage de l'image écrit dans php.ini ; en attendant, PHP garde sa limite par défaut.

php-fpm-address-in-use =
    .title = PHP-FPM ne peut pas écouter sur { $address } : l'adresse est déjà utilisée
    .remediation = Un autre processus dans l'espace de noms réseau du conteneur (ou, pour un socket unix, un fichier de socket resté en place) occupe déjà { $address } : un second php-fpm lancé par l'entrypoint ou par un superviseur, un ancien master qui n'a pas été arrêté, ou un autre conteneur qui partage le réseau (network_mode: service:/container:). Lancez un seul php-fpm par conteneur, ou donnez à chaque pool son propre port.

php-fpm-invalid-listen-port =
    .title = PHP-FPM rejette l'adresse d'écoute : valeur de port invalide { $value }
    .remediation = Corrigez la directive listen du pool (www.conf ou zz-docker.conf) : un port seul (listen = 9000), ADDRESS:PORT, ou un chemin de socket. Les anciennes versions de PHP-FPM ne savent pas analyser la forme IPv6 [::]:9000.

php-fpm-config-file-missing =
    .title = PHP-FPM ne peut pas démarrer : son fichier de configuration { $path } n'existe pas
    .remediation = Fournissez { $path } : l'image ne le livre pas (ou un volume monté sur son répertoire le masque). Copiez ou montez à cet endroit un php-fpm.conf avec une section [global] et un include du répertoire des pools, ou lancez php-fpm avec -y pointant vers le fichier que l'image contient réellement.

php-fpm-config-unknown-entry =
    .title = PHP-FPM rejette { $file } ligne { $line } : entrée inconnue '{ $entry }'
    .remediation = '{ $entry }' est soit mal orthographiée, soit hors d'un pool : les directives de pool (user, listen, pm.*) doivent suivre un en-tête [poolname] dans chaque fichier inclus depuis php-fpm.d/, et les directives globales vont dans [global]. Corrigez le fichier et testez-le avec php-fpm -t.

php-fpm-cannot-create-file =
    .title = PHP-FPM ne peut pas créer { $path } : son répertoire n'existe pas
    .remediation = Créez le répertoire de { $path } dans l'image (RUN mkdir -p ...) ou faites pointer error_log, slowlog ou pid de la configuration FPM vers un répertoire qui existe (error_log = /proc/self/fd/2 envoie le journal vers docker logs). Un volume monté sur le répertoire parent masque les répertoires créés par l'image.

php-fpm-max-children-reached =
    .title = tous les workers PHP-FPM du pool { $pool } sont occupés (pm.max_children = { $max }) : les requêtes s'accumulent
    .remediation = Augmentez pm.max_children pour le pool { $pool } (un fichier dans /usr/local/etc/php-fpm.d/ dans les images officielles) jusqu'à la valeur que permet la mémoire du conteneur (la limite mémoire divisée par la mémoire d'un worker), ou ajoutez des conteneurs. Si les workers sont occupés parce qu'ils attendent une base de données ou une API lente, corrigez d'abord cela : plus de workers ne font qu'empiler plus de requêtes à cet endroit.

php-fpm-child-segfault =
    .title = un worker PHP-FPM du pool { $pool } a planté sur une erreur de segmentation
    .remediation = Une extension PHP (ou PHP lui-même) plante pendant le traitement des requêtes ; la requête en cours échoue avec une 502. Désactivez les extensions une à une (le JIT d'opcache, xdebug, les agents APM, imagick sont des coupables fréquents), mettez à jour PHP et les extensions, et obtenez un core dump avec rlimit_core = unlimited pour signaler le problème.

php-fpm-child-sigkill =
    .title = un worker PHP-FPM du pool { $pool } a été tué par SIGKILL, le plus souvent par l'OOM killer du noyau
    .remediation = FPM n'envoie pas de lui-même SIGKILL à un worker occupé : l'expéditeur habituel est l'OOM killer quand le conteneur atteint sa limite mémoire (cherchez OOMKilled dans dmesg ou docker inspect). Baissez pm.max_children ou memory_limit pour que le nombre de workers multiplié par memory_limit tienne dans la limite du conteneur, ou augmentez la limite.

php-pdo-cannot-connect =
    .title = PHP ne peut pas se connecter à la base de données MySQL : { $why }
    .remediation = Donnez comme hôte de base de données le nom du service compose (DB_HOST=mysql ou db), pas 127.0.0.1 ni localhost : dans un conteneur, ils désignent le conteneur lui-même, et 'localhost' fait essayer un socket unix au pilote MySQL ('No such file or directory'). Un nom qui ne se résout pas signifie que le nom du service est faux ou qu'il n'est pas sur le même réseau ; un refus signifie que la base de données n'écoute pas (encore).

php-mysql-access-denied =
    .title = MySQL rejette les identifiants que l'application PHP envoie pour l'utilisateur { $user } (depuis { $host })
    .remediation = L'utilisateur ou le mot de passe des réglages de l'application (DB_USERNAME/DB_PASSWORD dans .env, wp-config, ...) ne correspond pas à la base de données. MYSQL_USER/MYSQL_PASSWORD/MYSQL_ROOT_PASSWORD ne prennent effet qu'à l'initialisation du volume de données : avec un volume existant, changez le mot de passe dans MySQL (ALTER USER) ou recréez le volume si ses données sont jetables.

php-open-stream-permission-denied =
    .title = PHP n'a pas le droit d'écrire { $path } (permission refusée)
    .remediation = L'utilisateur du worker PHP (www-data, uid 33 dans les images Debian, 82 dans les images Alpine) ne peut pas écrire { $path }. Pour Laravel, rendez storage/ et bootstrap/cache accessibles en écriture à cet utilisateur (chown -R www-data:www-data storage bootstrap/cache dans l'image, ou sur l'hôte pour un montage bind) ; ne faites pas de chmod 777. Les fichiers créés en root par `docker exec` sont le coupable habituel.

laravel-app-key-missing =
    .title = Laravel n'a pas d'APP_KEY : aucune clé de chiffrement de l'application n'a été spécifiée
    .remediation = Définissez APP_KEY dans l'environnement du conteneur (générez-en une avec `php artisan key:generate --show` et mettez la valeur base64:... dans .env ou dans l'environment de compose). Tous les réplicas doivent partager la même clé, et elle ne doit pas changer d'un déploiement à l'autre, sinon les sessions et les données chiffrées deviennent illisibles.

php-fpm-lifecycle-notice =
    .title = Notices de démarrage et d'arrêt de PHP-FPM (fonctionnement normal)
    .remediation = Rien à corriger : ces notices marquent un démarrage normal ou un arrêt demandé de PHP-FPM. Des notices de démarrage répétées sans notice d'arrêt entre elles justifient de regarder les redémarrages du conteneur.

php-fpm-user-directive-ignored =
    .title = PHP-FPM ignore les user/group du pool car il ne tourne pas en root (normal pour une image non root)
    .remediation = Rien à corriger : les workers tournent sous l'utilisateur du conteneur. Retirez user et group de la configuration du pool pour faire taire la notice.

php-module-already-loaded =
    .title = PHP charge deux fois l'extension { $module } (un avertissement, l'extension fonctionne)
    .remediation = Sans conséquence : deux fichiers ini activent { $module } (ou elle est compilée en dur et aussi listée en extension=). Supprimez la ligne extension= en double sous conf.d pour faire taire l'avertissement.
