# rules/go.toml, en français.

go-panic =
    .title = le programme Go a paniqué : { $message }
    .remediation = Une panique non rattrapée termine le processus (code de sortie 2) ; la pile des goroutines affichée en dessous désigne la fonction. Un déréférencement de pointeur nil est un bug du programme ou un réglage manquant qu'il n'a pas vérifié ; si le message est une erreur (un fichier, une connexion), corrigez cette cause.

go-fatal-error =
    .title = le runtime Go a interrompu le programme : { $message }
    .remediation = Une erreur fatale Go ne peut pas être rattrapée et tue le processus. 'concurrent map writes' et ses variantes sont des accès concurrents non synchronisés (data races) dans le programme (protégez la map avec un mutex ou utilisez sync.Map) et exigent une version corrigée du programme ; de même pour un interblocage 'all goroutines are asleep'.

go-runtime-out-of-memory =
    .title = le runtime Go n'a pas pu obtenir plus de mémoire du système
    .remediation = Le processus a demandé de la mémoire au noyau et s'est vu refuser (une limite mémoire du conteneur ou un ulimit, ou un hôte à court de mémoire). Donnez plus de mémoire au conteneur, définissez GOMEMLIMIT un peu sous la limite pour que le GC travaille davantage avant d'atteindre le plafond, et cherchez ce qui grossit.

go-listen-address-in-use =
    .title = { $service } ne peut pas écouter sur le port { $proto } { $port } : l'adresse est déjà utilisée
    .remediation = Un autre processus occupe déjà le port { $port } dans le même espace de noms réseau : une seconde copie du serveur, un sidecar, ou, avec network_mode: host, un processus de l'hôte. Si la ligne vient du userland proxy de Docker, c'est le port de l'hôte d'un mappage -p qui est pris. Arrêtez l'autre écouteur ou changez le port.

go-dial-connection-refused =
    .title = { $service } ne peut pas se connecter à { $host }:{ $port } : connexion refusée
    .remediation = Rien n'écoute sur { $host }:{ $port }. 127.0.0.1 ou localhost dans un conteneur désigne le conteneur lui-même : utilisez le nom de service compose de la dépendance. Sinon, la dépendance est arrêtée, en cours de redémarrage ou encore en train de démarrer : vérifiez ses journaux et faites attendre ce service (depends_on avec condition: service_healthy, ou de nouvelles tentatives).

go-dns-no-such-host =
    .title = { $service } ne peut pas résoudre le nom d'hôte { $host }
    .remediation = Le résolveur n'a aucun enregistrement pour { $host }. Un résolveur 127.0.0.11 est le DNS intégré de Docker, donc aucun conteneur ni service de ce nom n'est sur les réseaux de ce conteneur : vérifiez le nom par rapport au service compose, que la dépendance a bien été démarrée (docker run ne démarre qu'un seul conteneur), et que les deux partagent un réseau défini par l'utilisateur.

go-x509-unknown-authority =
    .title = { $service } ne fait pas confiance à l'autorité de certification d'un serveur TLS qu'il appelle
    .remediation = Les images minimales (scratch, distroless, alpine sans ca-certificates) n'ont pas de bundle d'AC : installez ca-certificates dans l'image ou copiez-y /etc/ssl/certs/ca-certificates.crt. Pour une AC privée ou un proxy qui intercepte le trafic, ajoutez son certificat au bundle (ou SSL_CERT_FILE). Si le serveur n'envoie que son certificat feuille, servez la chaîne complète.

go-x509-expired =
    .title = un certificat TLS est expiré ou pas encore valide (maintenant { $now }, limite { $bound })
    .remediation = Renouvelez le certificat du serveur (ou l'intermédiaire auquel il est chaîné) ; si le certificat est bon, c'est l'horloge du conteneur ou de l'hôte qui est fausse (vérifiez l'heure de l'hôte, les conteneurs partagent son horloge).

go-x509-hostname-mismatch =
    .title = le certificat TLS est valide pour { $valid }, pas pour { $host } que le client a demandé
    .remediation = Connectez-vous avec l'un des noms que liste le certificat ({ $valid }), ou réémettez le certificat avec { $host } dans son subjectAltName (pour compose, le nom de service qu'utilisent les clients).

go-x509-no-ip-sans =
    .title = le client se connecte à { $ip } par son adresse, mais le certificat TLS ne liste aucune adresse IP
    .remediation = Connectez-vous par un nom DNS que contient le certificat, ou réémettez le certificat avec IP:{ $ip } dans son subjectAltName.

go-config-file-not-found =
    .title = { $service } ne trouve pas son fichier de configuration { $path }
    .remediation = Le fichier n'est pas à { $path } dans le conteneur : comparez le chemin donné au programme avec le côté conteneur du montage bind (les chemins de l'hôte n'existent pas à l'intérieur), vérifiez que le fichier de l'hôte existe, et que le répertoire de travail est bien celui que suppose un chemin relatif.

go-config-is-a-directory =
    .title = { $path } est un répertoire là où { $service } attend un fichier
    .remediation = Typiquement un montage bind d'un fichier de l'hôte qui n'existait pas à la création du conteneur : Docker crée alors un répertoire vide sur l'hôte et le monte. Supprimez ce répertoire sur l'hôte, créez le vrai fichier, utilisez un chemin d'hôte absolu, et recréez le conteneur.

go-yaml-unmarshal-type =
    .title = la configuration YAML a un type incorrect à la ligne { $line } : { $tag } { $value } ne peut pas aller dans { $type }
    .remediation = Corrigez la ligne { $line } du fichier de configuration (une chaîne là où un nombre, une liste ou un mapping est attendu, une valeur de premier niveau égarée, ou une variable d'environnement injectée dans le fichier) ; le fichier n'est peut-être pas non plus celui que vous croyez monté.

go-yaml-unmarshal-errors =
    .title = { $service } rejette sa configuration YAML (unmarshal errors)
    .remediation = Les lignes qui suivent donnent les numéros de ligne et les types attendus ; corrigez ces valeurs dans le fichier de configuration.

go-yaml-syntax-error =
    .title = la configuration YAML ne s'analyse pas à la ligne { $line } : { $problem }
    .remediation = Corrigez la syntaxe autour de la ligne { $line } : mettez entre guillemets les valeurs qui commencent par *, &, {"!"}, {"{"}, [ ou qui contiennent ': ', indentez uniquement avec des espaces, et échappez les guillemets à l'intérieur des chaînes entre guillemets.

go-permission-denied =
    .title = { $service } n'a pas le droit d'effectuer { $op } sur { $path } : permission refusée
    .remediation = L'utilisateur du conteneur ne peut pas écrire { $path } : un volume ou un montage bind appartenant à un autre uid, ou un répertoire que l'image n'a jamais créé pour son utilisateur non root. Faites un chown du répertoire de l'hôte vers l'uid du conteneur (docker exec id l'affiche), ou créez-le et faites-en le chown dans le Dockerfile ; tourner en root est le dernier recours.

go-no-space-left =
    .title = { $service } ne peut pas effectuer { $op } sur { $path } : plus d'espace disponible sur le périphérique
    .remediation = Le système de fichiers qui contient { $path } est plein (ou à court d'inodes). Pour les chemins sous /var/lib/docker, c'est la racine de données de Docker sur l'hôte : libérez-la avec docker system prune ou agrandissez-la ; pour un volume, agrandissez ou nettoyez le volume.

go-http-tls-handshake-eof =
    .title = un client ({ $client }) a fermé la connexion avant la poignée de main TLS
    .remediation = En général un contrôle de santé TCP ou une sonde de répartiteur de charge qui se connecte puis raccroche ; le serveur va bien. Passez la sonde en contrôle HTTPS/SSL pour faire taire ce message.
