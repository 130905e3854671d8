# rules/apache.toml, en français.

apache-bind-address-in-use =
    .title = Apache ne peut pas écouter sur { $address } : { $reason }
    .remediation = Un autre processus écoute déjà sur { $address } (un serveur web de l'hôte avec le réseau host, un autre conteneur, un second `Listen` pour le même port, comme Listen 443 à la fois dans httpd.conf et dans ssl.conf), ou l'adresse n'est pas l'une de celles du conteneur. Libérez le port ou changez `Listen`, puis recréez le conteneur.

apache-bind-permission-denied =
    .title = Apache n'a pas le droit d'écouter sur { $address } : un port inférieur à 1024 exige root ou CAP_NET_BIND_SERVICE
    .remediation = Apache tourne ici sous un utilisateur non root (`user:` dans compose, une image rootless) : faites-lui écouter (`Listen`) un port au-dessus de 1024 et mappez-le, ou donnez NET_BIND_SERVICE au conteneur.

apache-invalid-command =
    .title = Apache ne connaît pas la directive { $directive } : une faute de frappe, ou le module qui la fournit n'est pas chargé
    .remediation = Chargez le module qui définit { $directive } (LoadModule dans httpd.conf, ou `a2enmod` sur les images Debian : mod_rewrite pour RewriteEngine, mod_ssl pour SSL*, mod_access_compat pour Order/Allow) ou supprimez la ligne ; les directives plus récentes que l'Apache installé aboutissent aussi ici.

apache-syntax-error =
    .title = Apache refuse sa configuration : erreur de syntaxe à la ligne { $line } de { $file }
    .remediation = La ligne qui suit celle-ci indique ce qui ne va pas à la ligne { $line } de { $file } (une directive inconnue, un fichier ou un répertoire manquant, un mauvais argument) : corrigez-la, vérifiez avec `httpd -t` (`apache2ctl configtest`), puis recréez le conteneur.

apache-mpm-not-loaded =
    .title = Apache ne peut pas démarrer : { $error }
    .remediation = Un et un seul module parmi mod_mpm_event, mod_mpm_worker et mod_mpm_prefork doit être chargé : un httpd.conf personnalisé copié depuis une image plus ancienne n'a pas la ligne `LoadModule mpm_event_module modules/mod_mpm_event.so`, ou a2enmod a activé un second MPM (php exige prefork : `a2dismod mpm_event && a2enmod mpm_prefork`).

apache-config-variable-not-defined =
    .title = la configuration d'Apache utilise la variable { $variable }, qui n'est pas définie
    .remediation = Définissez { $variable } dans l'environnement du conteneur, ou démarrez Apache comme son image le prévoit (l'apache2 de Debian a besoin de /etc/apache2/envvars : utilisez apache2ctl ou apache2-foreground plutôt que le binaire seul).

apache-ssl-file-missing =
    .title = Apache ne peut pas démarrer : le fichier TLS { $path } ({ $directive }) n'existe pas ou est vide
    .remediation = Montez ou générez { $path } avant le démarrage d'Apache (vérifiez le chemin côté hôte du volume, qu'une étape de génération de certificat a réussi, et qu'un bind mount n'a pas remplacé le fichier par un répertoire), ou faites pointer { $directive } vers le bon fichier.

apache-documentroot-not-a-directory =
    .title = Apache ne peut pas démarrer : son DocumentRoot { $path } est absent ou illisible
    .remediation = Montez le site sur { $path } (vérifiez le chemin côté hôte du volume et le répertoire depuis lequel compose a été lancé) ou changez DocumentRoot ; le répertoire doit être lisible par l'utilisateur d'Apache.

apache-documentroot-does-not-exist =
    .title = le DocumentRoot { $path } d'Apache n'existe pas
    .remediation = Montez les fichiers du site sur { $path } ou corrigez DocumentRoot ; d'ici là, chaque requête reçoit une réponse 404 ou 403.

apache-proxy-connect-failed =
    .title = Apache ne peut pas se connecter à son backend { $host } sur { $target } ({ $reason }) ; les clients reçoivent 503
    .remediation = Rien n'accepte de connexions sur { $target } : le conteneur backend ({ $host }) est arrêté, en cours de redémarrage ou encore en train de démarrer, ou il écoute sur un autre port ou seulement sur 127.0.0.1. Regardez d'abord le journal du backend lui-même. mod_proxy désactive ensuite le worker pendant `retry` secondes (AH00959), donc les 503 peuvent durer plus longtemps que la panne.

apache-proxy-backend-unavailable =
    .title = Apache ne peut pas joindre son backend { $target } ; les clients reçoivent 503 Service Unavailable
    .remediation = Le backend { $target } a refusé la connexion ou n'y a pas répondu (la ligne AH00957 juste avant donne la raison) : vérifiez que son conteneur tourne et écoute sur le port indiqué dans ProxyPass.

apache-proxy-read-timeout =
    .title = le backend { $target } d'Apache n'a pas répondu à temps ; les clients reçoivent 502/504
    .remediation = Le backend a accepté la requête mais n'a envoyé aucune réponse avant ProxyTimeout : il est bloqué, surchargé ou a planté en pleine requête. Regardez son journal ; n'augmentez `ProxyTimeout`/`timeout=` que si la lenteur est attendue.

apache-servername-not-set =
    .title = Apache n'a pas de ServerName et utilise l'adresse IP du conteneur à la place
    .remediation = Rien à corriger : Apache fonctionne sans ServerName. Pour faire taire ce message, ajoutez `ServerName localhost` (ou le nom du site) à httpd.conf.

apache-ssl-session-cache-not-configured =
    .title = mod_ssl tourne sans cache de sessions TLS
    .remediation = Rien à corriger : TLS fonctionne, les clients ne peuvent simplement pas reprendre leurs sessions. Ajoutez `SSLSessionCache shmcb:logs/ssl_scache(512000)` pour faire taire ce message.
