# rules/node.toml, en français.

node-cjs-package-not-found =
    .title = Node.js ne peut pas charger le module { $module } que le programme requiert
    .remediation = Si { $module } est un paquet npm, ajoutez-le aux dependencies de package.json et assurez-vous que l'image lance npm ci (et qu'aucun montage bind ni volume ne masque /app/node_modules) ; s'il s'agit d'un chemin relatif, le fichier manque dans l'image ou son nom diffère par la casse (les noms de fichiers Linux sont sensibles à la casse).

node-cjs-entry-file-not-found =
    .title = Node.js ne trouve pas le fichier { $path }
    .remediation = Le script que le conteneur lance (ou un fichier qu'il requiert par chemin absolu) n'est pas dans l'image à { $path } : vérifiez le chemin du CMD/de l'entrypoint et le WORKDIR, que l'étape de build l'a bien produit (sortie dist/ copiée dans le Dockerfile), et qu'aucun volume monté sur le répertoire de l'application ne le masque.

node-esm-module-not-found =
    .title = Node.js ne peut pas résoudre le { $what } ES { $module } importé depuis { $importer }
    .remediation = Ajoutez { $module } aux dependencies de package.json (pas aux devDependencies si l'image installe avec --omit=dev) et assurez-vous que l'image lance npm ci après avoir copié package.json et package-lock.json ; pour un chemin relatif, vérifiez que le fichier existe dans l'image avec l'extension exacte.

node-npm-package-json-missing =
    .title = npm ne trouve pas de package.json dans { $path }
    .remediation = Le répertoire de travail du conteneur n'a pas de package.json : comparez le WORKDIR avec l'endroit où le Dockerfile copie le projet, et cherchez un montage bind sur ce répertoire (un dossier de l'hôte vide ou non partagé masque les fichiers de l'image).

node-npm-missing-script =
    .title = npm n'a aucun script nommé { $script } à lancer
    .remediation = Le conteneur lance npm run { $script } (ou npm start) mais package.json n'a pas d'entrée "{ $script }" sous "scripts" : ajoutez-la, ou changez le CMD pour lancer directement le fichier d'entrée (node server.js), ce qui permet aussi au processus de recevoir SIGTERM.

node-heap-out-of-memory =
    .title = Node.js est à court de tas JavaScript ({ $phase })
    .remediation = Le tas V8 a atteint sa limite : augmentez-la avec NODE_OPTIONS=--max-old-space-size=<MiB> (en restant sous la limite mémoire du conteneur), donnez plus de mémoire au conteneur, ou trouvez ce qui grossit (une fuite, un cache sans borne, un build énorme).

node-listen-eaddrinuse =
    .title = Node.js ne peut pas écouter sur le port { $port } : l'adresse est déjà utilisée
    .remediation = Un autre processus du même espace de noms réseau occupe déjà le port { $port } : une seconde instance lancée par l'entrypoint (npm plus un gestionnaire de processus, un watcher de développement), un sidecar, ou, avec network_mode: host, un processus de l'hôte. Arrêtez-le ou donnez un autre port à ce serveur.

node-connect-econnrefused =
    .title = { $service } ne peut pas se connecter à { $host }:{ $port } : connexion refusée
    .remediation = Rien n'accepte de connexions sur { $host }:{ $port }. Dans un conteneur, 127.0.0.1, {"::1"} et localhost désignent le conteneur lui-même : faites pointer le client vers le nom de service compose de la dépendance. Si l'adresse est bien celle de la dépendance, celle-ci est arrêtée, en cours de redémarrage ou pas encore prête : regardez ses propres journaux, et faites attendre le client (depends_on avec condition: service_healthy, ou de nouvelles tentatives).

node-getaddrinfo-failed =
    .title = { $service } ne peut pas résoudre le nom d'hôte { $host } ({ $code })
    .remediation = ENOTFOUND signifie que le nom n'existe pas pour le résolveur du conteneur : vérifiez l'orthographe par rapport au nom de service compose et que les deux conteneurs partagent un réseau défini par l'utilisateur. EAI_AGAIN signifie que le serveur DNS n'a pas répondu (pas de réseau, un pare-feu, un resolv.conf cassé) : vérifiez le DNS de l'hôte et le résolveur intégré de Docker.

node-tls-verify-failed =
    .title = Node.js rejette le certificat TLS du serveur : { $reason }
    .remediation = Pour une AC privée ou d'entreprise (ou un proxy qui intercepte le TLS), montez le certificat de l'AC dans le conteneur et faites pointer NODE_EXTRA_CA_CERTS dessus ; pour une chaîne incomplète, servez la chaîne complète côté serveur ; pour un certificat expiré, renouvelez-le (ou corrigez l'horloge du conteneur). Ne définissez pas NODE_TLS_REJECT_UNAUTHORIZED=0.

node-tls-error-code =
    .title = Node.js rejette le certificat TLS du serveur ({ $code })
    .remediation = Faites confiance à l'AC émettrice avec NODE_EXTRA_CA_CERTS (montée dans le conteneur), faites envoyer sa chaîne complète par le serveur, ou renouvelez un certificat expiré ; ne désactivez pas la vérification.

node-unhandled-rejection =
    .title = Node.js s'est arrêté sur un rejet de promesse non géré (raison : { $reason })
    .remediation = Depuis Node 15, un rejet non géré termine le processus. La valeur rejetée n'est pas une Error, il n'y a donc pas de pile : trouvez la promesse qui est rejetée avec { $reason } et attendez-la (await) dans un try/catch (ou ajoutez .catch), puis corrigez la défaillance sous-jacente.

node-uncaught-from-promise =
    .title = Node.js s'est arrêté sur un rejet de promesse non géré
    .remediation = Le processus est mort parce qu'une promesse rejetée n'a jamais été gérée ; l'erreur affichée juste sous cette ligne est la vraie défaillance. Corrigez-la, et attendez l'appel qui échoue (await) dans un try/catch pour qu'un seul échec ne tue pas le serveur.

node-unhandled-error-event =
    .title = Node.js s'est arrêté sur un événement 'error' que rien n'écoutait
    .remediation = Un EventEmitter (un socket, une requête HTTP, un flux) a émis 'error' sans aucun écouteur, ce qui lève une exception ; l'erreur affichée sous cette ligne est la vraie défaillance. Corrigez-la et attachez un gestionnaire 'error' à cet émetteur.

node-unhandled-rejection-warning-boilerplate =
    .title = Node.js (avant la 15) explique comment il traite un rejet non géré
    .remediation = Texte standard affiché après un rejet non géré par Node.js 14 et antérieurs ; le processus continue de tourner. La ligne juste avant nomme l'erreur réelle.

node-eacces =
    .title = { $service } n'a pas le droit d'effectuer { $op } sur { $path } (EACCES)
    .remediation = L'utilisateur du conteneur ne peut pas écrire { $path }. En général un montage bind ou un volume nommé appartenant à un autre uid (les images node tournent sous l'uid 1000 'node' quand USER node est défini) : faites un chown du répertoire de l'hôte vers l'uid du conteneur, ou créez le répertoire et faites-en le chown dans le Dockerfile avant de déclarer le volume.

node-eacces-path-wrapped =
    .title = { $service } n'a pas le droit d'effectuer { $op } sur un chemin (EACCES ; le journal renvoie le chemin à la ligne suivante)
    .remediation = L'utilisateur du conteneur n'a pas le droit d'effectuer { $op } sur le chemin affiché à la ligne qui suit celle-ci. En général un montage bind ou un volume appartenant à un autre uid, ou un répertoire de l'image qui appartient à root alors que le processus tourne sous un utilisateur non root (uid 1000 'node' dans les images basées sur node) : faites-en le chown vers l'uid du conteneur (dans le Dockerfile pour un répertoire de l'image, ou utilisez une version de l'image qui corrige le problème), ou lancez le conteneur avec un --user correspondant.

node-enospc =
    .title = { $service } ne peut pas effectuer { $op } : plus d'espace disponible sur le périphérique
    .remediation = Le système de fichiers sur lequel écrit le processus est plein (ou à court d'inodes) : vérifiez le volume ou, pour la couche propre du conteneur, la racine de données de Docker sur l'hôte ; libérez de l'espace (docker system df, purgez avec prune les images inutilisées et le cache de build) ou agrandissez le disque.
