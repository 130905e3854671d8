# rules/traefik.toml, en français.

traefik-static-config-field-not-found =
    .title = Traefik rejette sa configuration statique : il n'existe aucune option nommée { $node }
    .remediation = L'option { $node } n'existe pas dans cette version de Traefik : en général une configuration v1 (entryPoints.address, redirect, docker.domain...) lancée avec une image v2/v3 (`traefik:latest`), ou une option v2 supprimée en v3. Épinglez l'image sur la version pour laquelle la configuration a été écrite, ou migrez les flags/labels en suivant le guide de migration.

traefik-file-provider-invalid =
    .title = Traefik ignore sa configuration dynamique en fichiers : { $error }
    .remediation = Le file provider n'a pas pu charger ses fichiers, donc aucun de leurs routers, middlewares ou services n'existe (un seul mauvais fichier les fait tous tomber) : corrigez le fichier nommé dans le message (une mauvaise clé, l'indentation YAML, un fichier donné comme `directory`), puis Traefik le recharge de lui-même quand `watch` est activé.

traefik-listen-address-in-use =
    .title = Traefik ne peut pas ouvrir son point d'entrée sur { $address } : l'adresse est déjà utilisée
    .remediation = Un autre processus du même espace de noms réseau écoute sur { $address } (un serveur web de l'hôte avec le réseau de l'hôte, le point d'entrée dashboard/API de Traefik lui-même réglé sur le même port qu'un autre). Libérez le port ou changez l'adresse du point d'entrée.

traefik-bind-permission-denied =
    .title = Traefik n'a pas le droit d'écouter sur { $address } : un port inférieur à 1024 exige root ou CAP_NET_BIND_SERVICE
    .remediation = Traefik tourne sans le droit de se lier aux ports bas (un utilisateur non root, des capabilities retirées, SELinux) : donnez NET_BIND_SERVICE au conteneur, ou utilisez des points d'entrée au-dessus de 1024 et mappez 80/443 vers eux.

traefik-docker-daemon-unreachable =
    .title = Traefik ne peut pas joindre l'API Docker à { $endpoint }, il ne découvre donc aucun conteneur et sert des 404
    .remediation = Montez le socket Docker dans le conteneur Traefik (`/var/run/docker.sock:/var/run/docker.sock:ro` ; sous Docker Desktop pour Windows, utilisez le named pipe avec une image Windows, ou le chemin du socket Linux avec une image Linux) ou faites pointer providers.docker.endpoint vers un proxy de socket joignable.

traefik-docker-socket-permission-denied =
    .title = Traefik n'a pas le droit d'utiliser le socket Docker { $endpoint }, il ne découvre donc aucun conteneur
    .remediation = Le socket est monté mais l'utilisateur de Traefik ne peut pas l'ouvrir : SELinux (montez-le avec `:z` ou lancez avec `security_opt: label:disable`), une configuration rootless/userns, ou un utilisateur Traefik non root qui n'est pas dans le groupe du socket. Corrigez l'accès ou placez un proxy de socket docker devant.

traefik-acme-certificate-failed =
    .title = Traefik ne peut pas obtenir de certificat Let's Encrypt pour { $domains } ({ $problem })
    .remediation = Let's Encrypt n'a pas pu valider { $domains } : pour HTTP-01/TLS-ALPN-01, le nom doit se résoudre vers cet hôte et les ports 80/443 doivent être joignables depuis internet (redirection de ports du routeur, pare-feu, aucun autre proxy devant) ; pour DNS-01, vérifiez les identifiants du fournisseur. En attendant, Traefik sert son certificat auto-signé par défaut ; attention aux limites de débit pendant les nouvelles tentatives (utilisez l'AC de staging).

traefik-acme-directory-unreachable =
    .title = Traefik ne peut pas joindre le serveur ACME { $ca }, il n'obtient donc aucun certificat
    .remediation = Le conteneur n'a pas d'accès réseau sortant ou de DNS qui fonctionne : vérifiez qu'il peut résoudre et joindre { $ca } (le DNS intégré de Docker à 127.0.0.11, le resolv.conf de l'hôte, un proxy ou un pare-feu pour le HTTPS sortant).

traefik-bad-gateway-dial-failed =
    .title = Traefik ne peut pas se connecter au backend { $target } ({ $reason }) ; les clients reçoivent { $status }
    .remediation = Rien n'accepte de connexions sur { $target } : le conteneur est arrêté ou en cours de redémarrage, écoute sur un autre port que celui qu'utilise Traefik (définissez le label `traefik.http.services.<name>.loadbalancer.server.port`), n'écoute que sur 127.0.0.1, ou se trouve sur un réseau où Traefik n'est pas (définissez `traefik.docker.network`).

traefik-client-disconnected =
    .title = un client a raccroché pendant que Traefik transmettait sa requête
    .remediation = Rien à corriger côté backend : le client (un navigateur, la sonde d'un répartiteur de charge) a fermé sa connexion avant l'envoi de la réponse, et Traefik signale la requête interrompue comme une 502 qu'il n'a jamais délivrée.
