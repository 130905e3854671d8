# rules/nginx.toml, en français.

nginx-unknown-directive =
    .title = nginx ne connaît pas la directive "{ $directive }" ({ $file } ligne { $line }) et refuse de démarrer
    .remediation = Corrigez { $file } à la ligne { $line } : l'orthographe, ou un point-virgule ou une accolade fermante manquant juste avant ou, si { $directive } vient d'un module tiers (set-misc, headers-more, lua...), utilisez une image qui inclut ce module. Vérifiez avec `nginx -t` avant de recréer le conteneur.

nginx-config-syntax-error =
    .title = nginx rejette sa configuration : { $error } ({ $file } ligne { $line })
    .remediation = Corrigez { $file } à la ligne { $line } (une directive dans le mauvais bloc, un point-virgule ou une accolade fermante manquant, ou un fichier destiné à conf.d qui contient un nginx.conf complet), testez-le avec `nginx -t`, puis recréez le conteneur.

nginx-host-not-found-in-upstream =
    .title = nginx ne peut pas résoudre l'hôte upstream { $host } au démarrage et s'arrête
    .remediation = nginx résout chaque hôte de proxy_pass/fastcgi_pass au démarrage : vérifiez que le service { $host } existe dans le même projet compose et sur le même réseau, et qu'il est créé avant nginx (depends_on), ou corrigez le nom dans { $file }. Pour démarrer sans lui, utilisez une variable dans proxy_pass avec `resolver 127.0.0.11`.

nginx-upstream-could-not-be-resolved =
    .title = le resolver de nginx ne parvient pas à résoudre { $host } ({ $reason }) ; les requêtes vers cet hôte échouent en 502
    .remediation = L'upstream { $host } est résolu au moment de la requête via la directive `resolver` : vérifiez que le service { $host } tourne sur le même réseau, et que le resolver est le DNS intégré de Docker (`resolver 127.0.0.11 valid=10s;`).

nginx-bind-address-in-use =
    .title = nginx ne peut pas écouter sur { $address } : l'adresse est déjà utilisée
    .remediation = Un autre processus du même espace de noms réseau écoute déjà sur { $address } : un second nginx, un autre serveur dans un conteneur en réseau host, ou une ligne `listen` en double. Arrêtez-le ou changez le port, puis recréez le conteneur.

nginx-bind-permission-denied =
    .title = nginx n'a pas le droit d'écouter sur { $address } : se lier à un port inférieur à 1024 exige root ou CAP_NET_BIND_SERVICE
    .remediation = nginx tourne sous un utilisateur non root (nginx-unprivileged, `user:` dans compose, une capability retirée) : écoutez sur un port au-dessus de 1024 (8080) et mappez-le, ou donnez NET_BIND_SERVICE au conteneur.

nginx-file-not-found-at-startup =
    .title = nginx ne peut pas démarrer : { $path } n'existe pas
    .remediation = Créez { $path } dans l'image ou montez-le (vérifiez le chemin côté hôte du volume, et que le montage n'est pas masqué par un autre) ; s'il est inclus depuis { $file }, corrigez l'include à cet endroit. Puis recréez le conteneur.

nginx-path-is-a-directory =
    .title = nginx attend le fichier { $path } mais trouve un répertoire
    .remediation = Un bind mount dont le fichier hôte n'existait pas amène Docker à créer un répertoire vide à sa place : créez le fichier sur l'hôte au chemin indiqué dans le volume, supprimez le répertoire parasite, puis recréez le conteneur.

nginx-permission-denied =
    .title = nginx n'a pas le droit de créer ou d'ouvrir { $path }
    .remediation = nginx tourne sous un utilisateur qui ne peut pas écrire { $path } (une image non root ou `user:`, l'UID aléatoire d'OpenShift, un volume en lecture seule ou appartenant à root). Faites pointer les chemins temp/cache/log vers un emplacement accessible en écriture comme /tmp (client_body_temp_path, proxy_temp_path, pid), ou montez un volume qui appartient à cet utilisateur.

nginx-envsubst-output-not-writable =
    .title = l'image nginx ne peut pas générer les templates de { $templates } : { $path } n'est pas accessible en écriture
    .remediation = L'entrypoint saute les templates, donc nginx démarre sans la configuration attendue : rendez { $path } accessible en écriture pour l'utilisateur du conteneur (ne le montez pas en lecture seule), ou définissez NGINX_ENVSUBST_OUTPUT_DIR sur un répertoire accessible en écriture et inclus par nginx.conf.

nginx-certificate-file-missing =
    .title = nginx ne peut pas charger le certificat ou la clé TLS { $path } : ce fichier n'existe pas dans le conteneur
    .remediation = ssl_certificate/ssl_certificate_key pointent vers { $path }, qui n'existe pas dans le conteneur. Montez le répertoire des certificats à ce chemin et vérifiez le nom du fichier ; avec Let's Encrypt, les fichiers de live/ sont des liens symboliques vers ../../archive/, donc montez tout /etc/letsencrypt (pas live/ seul) ou copiez les vrais fichiers ; et assurez-vous que le certificat a été émis avant le démarrage de nginx.

nginx-cannot-load-certificate =
    .title = nginx ne peut pas charger le certificat ou la clé TLS { $path } ({ $reason })
    .remediation = Vérifiez que { $path } est un PEM lisible et du bon type : un certificat (BEGIN CERTIFICATE) pour ssl_certificate et sa clé privée pour ssl_certificate_key, pas inversés, pas en DER, pas un fichier vide ou à moitié écrit, et lisible par l'utilisateur sous lequel tourne nginx (Permission denied : faites un chmod ou un chown des fichiers montés, ou ajoutez :z sur les hôtes SELinux).

nginx-ssl-call-failed =
    .title = nginx ne peut pas utiliser le fichier TLS { $path } (échec de { $call })
    .remediation = Vérifiez que { $path } est monté là où pointent ssl_certificate/ssl_certificate_key, que c'est un PEM lisible, et que la clé correspond au certificat (`openssl x509 -noout -modulus` et `openssl rsa -noout -modulus` donnent la même valeur).

nginx-upstream-connect-failed =
    .title = nginx ne peut pas se connecter à son upstream { $target } ({ $reason }) ; les clients reçoivent 502 Bad Gateway
    .remediation = Rien n'accepte de connexions sur { $target } : le conteneur upstream est arrêté, en cours de redémarrage ou encore en train de démarrer, écoute sur un autre port, ou se lie à 127.0.0.1 dans son conteneur. Regardez d'abord le journal et l'état du service upstream lui-même ; nginx n'est que le messager.

nginx-upstream-timed-out =
    .title = l'upstream { $target } de nginx n'a pas répondu à temps ({ $phase } upstream) ; les clients reçoivent 504
    .remediation = Pendant la connexion : { $target } est injoignable (conteneur arrêté ou en pause, mauvais réseau, pare-feu). Pendant la lecture de l'en-tête de la réponse : l'application est bloquée ou trop lente (workers bloqués, base de données lente) ; regardez le journal de l'upstream lui-même, et n'augmentez proxy_read_timeout que si la lenteur est attendue.

nginx-no-live-upstreams =
    .title = nginx a marqué tous les serveurs de l'upstream { $target } comme en échec ; les clients reçoivent 502
    .remediation = Cela fait suite à des échecs de connect() ou à des délais d'attente dépassés vers le même upstream (max_fails/fail_timeout) : retrouvez ces lignes plus haut et la panne du conteneur upstream lui-même ; nginx réessaie les serveurs après fail_timeout.

nginx-upstream-prematurely-closed =
    .title = l'upstream { $target } a fermé la connexion avant de répondre ; les clients reçoivent 502
    .remediation = L'application derrière { $target } a abandonné la requête : son worker a planté, a été tué (OOM, délai d'attente du worker comme le --timeout de gunicorn) ou a redémarré en pleine requête. Regardez le journal de l'upstream au même moment.

nginx-upstream-connection-reset =
    .title = l'upstream { $target } a réinitialisé la connexion avant de répondre ; les clients reçoivent 502
    .remediation = Le processus derrière { $target } a accepté la connexion puis est mort ou a été tué (une boucle de plantages qui redémarre vite, un worker tué en pleine requête). Regardez les arrêts du service upstream et ses dernières lignes de journal.

nginx-too-many-open-files =
    .title = nginx n'a plus de descripteurs de fichiers (échec de { $call } : Too many open files)
    .remediation = Augmentez la limite de fichiers ouverts du conteneur (`ulimits: nofile:` dans compose, ou `--ulimit nofile=65535:65535`) en même temps que worker_rlimit_nofile, et cherchez une fuite de connexions, comme une boucle de proxy vers lui-même.

nginx-worker-connections-exhausted =
    .title = nginx refuse des connexions : ses { $count } worker_connections sont toutes utilisées
    .remediation = Augmentez `worker_connections` dans le bloc events (et la limite nofile du conteneur avec worker_rlimit_nofile) ; si le nombre continue de grimper, cherchez des connexions de longue durée (WebSockets) ou une boucle de proxy.

nginx-user-directive-ignored =
    .title = nginx ignore sa directive `user` parce qu'il tourne déjà sous un utilisateur non root
    .remediation = Rien à corriger : un nginx non root (nginx-unprivileged, OpenShift, `user:` dans compose) ne peut pas changer d'utilisateur et le signale à chaque démarrage. Retirez la ligne `user` de nginx.conf pour faire taire ce message.

nginx-signal-process-started =
    .title = un signal `nginx -s reload` (ou stop/reopen) a été envoyé au processus maître
    .remediation = Rien à corriger : c'est le processus éphémère qui transmet `nginx -s reload|stop|reopen` (hooks de renouvellement de certificats, rotation des journaux) au processus maître en cours d'exécution.

nginx-entrypoint-info =
    .title = l'entrypoint de l'image nginx signale une étape normale de son démarrage
    .remediation = Rien à corriger : l'entrypoint de l'image officielle ne fait que sauter l'activation d'IPv6 ou la réécriture d'un default.conf remplacé ou monté en lecture seule, puis démarre nginx. Regardez les lignes [emerg] de nginx lui-même qui suivent, s'il y en a.

nginx-client-file-not-found =
    .title = un client a demandé à nginx un fichier qui n'existe pas (404)
    .remediation = Rien à corriger : les navigateurs demandent favicon.ico et les scanners sondent /wp-login.php, /cgi-bin/... et autres ; nginx répond 404 et le journalise au niveau [error]. Ajoutez `log_not_found off;` pour faire taire ce message.

nginx-client-closed-connection =
    .title = un client a raccroché avant que nginx ait fini de répondre
    .remediation = Rien à corriger côté serveur : le navigateur, une sonde de santé ou un répartiteur de charge a fermé sa connexion plus tôt (navigation vers une autre page, délai d'attente d'une sonde dépassé). Seule une avalanche de ces lignes accompagnée de réponses lentes de l'upstream mérite qu'on s'y intéresse.
