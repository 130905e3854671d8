# rules/haproxy.toml, en français.

haproxy-unknown-keyword =
    .title = HAProxy n'accepte pas le mot-clé '{ $keyword }' dans { $file } ligne { $line }
    .remediation = Corrigez la ligne { $line } de { $file } : une faute de frappe, un mot-clé placé dans la mauvaise section ({ $section }), ou un mot-clé que cette version d'HAProxy n'a pas (comparez le tag de l'image avec la documentation de cette version). Validez avec `haproxy -c -f` avant de redémarrer.

haproxy-config-missing-final-newline =
    .title = HAProxy refuse { $file } : sa dernière ligne n'a pas de retour à la ligne
    .remediation = Ajoutez un retour à la ligne à la fin de { $file } (les éditeurs sous Windows ou un heredoc sans retour à la ligne final l'omettent), puis redémarrez ; HAProxy traite ce retour à la ligne manquant comme le signe d'un fichier peut-être tronqué.

haproxy-config-fatal-errors =
    .title = HAProxy refuse de démarrer : sa configuration contient des erreurs fatales
    .remediation = Les lignes [ALERT] juste avant nomment chaque fichier, ligne et problème : corrigez-les et validez avec `haproxy -c -f /usr/local/etc/haproxy/haproxy.cfg` avant de redémarrer.

haproxy-server-address-unresolvable =
    .title = HAProxy ne peut pas résoudre l'adresse de serveur { $host } au démarrage et s'arrête
    .remediation = HAProxy résout chaque adresse `server` au démarrage : assurez-vous que le service { $host } existe dans le même projet compose et le même réseau et qu'il est démarré avant HAProxy, ou corrigez le nom. Pour démarrer quand même et résoudre plus tard, ajoutez `default-server init-addr last,libc,none` et une section `resolvers` pointant vers 127.0.0.11:53.

haproxy-bind-address-in-use =
    .title = HAProxy ne peut pas écouter sur { $address } : l'adresse est déjà utilisée
    .remediation = Un autre processus du même espace de noms réseau écoute déjà sur { $address } (un serveur web de l'hôte avec le réseau de l'hôte, un ancien HAProxy toujours en cours d'exécution, deux lignes `bind` pour le même port). Libérez le port ou changez le `bind`, puis redémarrez.

haproxy-bind-permission-denied =
    .title = HAProxy n'a pas le droit de se lier à { $address }
    .remediation = Depuis la 2.4, l'image officielle fait tourner HAProxy sous l'utilisateur non privilégié `haproxy` : liez-le à des ports au-dessus de 1024 et mappez 80/443 vers eux, définissez le sysctl `net.ipv4.ip_unprivileged_port_start=0` sur le conteneur, ou lancez-le avec `user: root` ; pour un socket de stats UNIX, placez-le dans un répertoire où cet utilisateur peut écrire.

haproxy-server-down =
    .title = Le contrôle de santé d'HAProxy marque le serveur { $target } du backend { $backend } DOWN ({ $reason })
    .remediation = Le serveur derrière { $backend }/{ $target } ne répond pas à son contrôle de santé : un problème Layer4 signifie que rien n'accepte de connexions sur son adresse et son port (conteneur arrêté, en cours de redémarrage ou encore en train de démarrer, mauvais port) ; Layer7 signifie que l'application répond par une erreur. Regardez le journal de ce service.

haproxy-backend-no-server-available =
    .title = Le backend { $backend } d'HAProxy n'a plus aucun serveur ; les clients reçoivent des 503
    .remediation = Chaque serveur de { $backend } a échoué à ses contrôles de santé : trouvez les lignes `Server { $backend }/... is DOWN` avant celle-ci et le service défaillant derrière elles.

haproxy-missing-timeouts =
    .title = HAProxy signale que le { $type } '{ $proxy }' n'a pas de délais d'attente client/connect/server
    .remediation = Pas une panne : HAProxy démarre et sert le trafic. Définissez `timeout client`, `timeout connect` et `timeout server` dans la section defaults pour faire taire l'avertissement et éviter des connexions qui n'expirent jamais.

haproxy-server-state-file-missing =
    .title = HAProxy ne trouve aucun état de serveurs sauvegardé dans { $path } (normal au premier démarrage)
    .remediation = Rien à corriger : le fichier d'état n'est écrit que lorsque HAProxy est rechargé avec `show servers state` sauvegardé dedans ; sans lui, les serveurs démarrent à partir de la configuration.
