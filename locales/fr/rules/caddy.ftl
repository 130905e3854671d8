# rules/caddy.toml, en français.

caddy-caddyfile-invalid =
    .title = Caddy rejette son Caddyfile : { $error }
    .remediation = Corrigez le Caddyfile à l'endroit indiqué ({ $file } ligne { $line }) : une directive ou une option globale que cette build de Caddy ne connaît pas (un plugin absent de l'image, une option plus récente que l'image : faites un pull de l'image ou reconstruisez-la), une accolade manquante autour d'un second site, une sous-directive mal placée. Vérifiez avec `caddy validate` avant de redémarrer.

caddy-listen-address-in-use =
    .title = Caddy ne peut pas écouter sur { $address } : l'adresse est déjà utilisée
    .remediation = Un autre serveur web occupe déjà { $address } (nginx ou Apache sur l'hôte, avec le réseau host ou un port publié, un autre conteneur proxy). Arrêtez-le, ou publiez Caddy sur d'autres ports / définissez `http_port`/`https_port`, puis redémarrez Caddy.

caddy-listen-permission-denied =
    .title = Caddy n'a pas le droit d'écouter sur { $address } : un port inférieur à 1024 exige root ou CAP_NET_BIND_SERVICE
    .remediation = Caddy tourne sous un utilisateur non root sans la capability qui permet de se lier aux ports bas : lancez-le en root dans le conteneur (c'est ce que fait l'image officielle), accordez-lui cette capability avec `setcap cap_net_bind_service=+ep` / `cap_add: NET_BIND_SERVICE`, ou utilisez des ports au-dessus de 1024.

caddy-storage-permission-denied =
    .title = Caddy n'a pas le droit d'écrire son stockage dans { $path }
    .remediation = Caddy garde ses certificats et sa CA locale sous /data et /config : quand il tourne sous un utilisateur non root (`user:` dans compose, une image rootless), donnez la propriété des volumes /data et /config montés à cet utilisateur (chown sur l'hôte ou dans l'image), ou faites pointer XDG_DATA_HOME/XDG_CONFIG_HOME vers des chemins accessibles en écriture.

caddy-reverse-proxy-dial-failed =
    .title = Caddy ne peut pas se connecter à l'upstream { $target } ({ $reason }) ; les clients reçoivent 502
    .remediation = Rien n'accepte de connexions sur { $target } : le conteneur upstream est arrêté ou en cours de redémarrage, écoute sur un autre port, se lie à 127.0.0.1 dans son propre conteneur, ou `localhost` a été utilisé dans reverse_proxy là où il faut le nom du service. Vérifiez le journal et l'état de l'upstream lui-même.

caddy-certificate-obtain-failed =
    .title = Caddy ne peut pas obtenir de certificat pour { $domain } : { $error }
    .remediation = La CA ACME n'a pas pu valider { $domain } : le nom doit résoudre vers cet hôte et les ports 80/443 doivent être joignables depuis Internet (HTTP-01/TLS-ALPN-01), ou les identifiants du fournisseur DNS doivent être corrects (DNS-01) ; un nom interne (*.local, nip.io derrière du NAT) exige `tls internal`. Caddy réessaie avec un back-off ; des données de compte périmées dans /data peuvent aussi être rejetées (supprimez-les).

caddy-caddyfile-not-formatted =
    .title = Caddy signale que le Caddyfile n'est pas mis en forme comme l'écrirait `caddy fmt`
    .remediation = Rien à corriger : le Caddyfile a été analysé et il est valide ; seules l'indentation ou les espaces diffèrent. Lancez `caddy fmt --overwrite` pour faire taire ce message.

caddy-unnecessary-header-up =
    .title = Caddy signale que header_up { $header } répète ce que reverse_proxy fait déjà
    .remediation = Rien à corriger : reverse_proxy définit déjà { $header } ; supprimez la ligne header_up pour faire taire l'avertissement.
