# rules/rabbitmq.toml, en français.

rabbitmq-client-access-refused =
    .title = RabbitMQ refuse la connexion de { $service } ({ $mechanism }) : mauvais utilisateur ou mot de passe, ou utilisateur qui ne peut se connecter que depuis localhost
    .remediation = Le journal du broker précise lequel : 'invalid credentials' ou 'can only connect via localhost'. L'utilisateur doit exister sur le broker avec ce mot de passe (RABBITMQ_DEFAULT_USER/RABBITMQ_DEFAULT_PASS ne le créent que lorsque le répertoire de données est vide) et avoir des droits sur le vhost ; l'utilisateur intégré guest ne fonctionne que depuis localhost, les autres conteneurs ont donc besoin de leur propre utilisateur.

rabbitmq-login-invalid-credentials =
    .title = RabbitMQ rejette le mot de passe de l'utilisateur { $user }
    .remediation = Le client envoie un mot de passe qui ne correspond pas à celui de l'utilisateur { $user } sur ce broker, ou l'utilisateur n'existe pas. RABBITMQ_DEFAULT_USER/PASS ne sont appliqués qu'à l'initialisation du répertoire de données : sur un volume existant, changez le mot de passe avec rabbitmqctl change_password, ou recréez le volume.

rabbitmq-user-localhost-only =
    .title = RabbitMQ refuse l'utilisateur { $user } : il ne peut se connecter que depuis localhost
    .remediation = L'utilisateur guest par défaut est limité à la boucle locale (loopback). Créez un utilisateur dédié pour les autres conteneurs (RABBITMQ_DEFAULT_USER/RABBITMQ_DEFAULT_PASS sur un répertoire de données neuf, ou rabbitmqctl add_user et set_permissions) et utilisez-le dans le client ; loopback_users = none dans rabbitmq.conf lève la restriction, pour le développement uniquement.

rabbitmq-erlang-cookie-unreadable =
    .title = RabbitMQ ne peut ni lire ni créer son cookie Erlang { $path } ({ $reason })
    .remediation = Le cookie ou /var/lib/rabbitmq appartient à un autre uid : un montage bind appartenant à l'utilisateur de l'hôte, ou un conteneur lancé avec --user. Faites un chown du répertoire monté vers l'utilisateur rabbitmq de l'image (uid 999) ou laissez l'entrypoint démarrer en root pour qu'il corrige le propriétaire ; le cookie lui-même doit rester en mode 600 ou 400.

rabbitmq-erlang-cookie-mode =
    .title = Erlang refuse le fichier cookie { $path } : d'autres utilisateurs peuvent le lire
    .remediation = chmod 600 { $path }, avec l'utilisateur rabbitmq comme propriétaire. Un cookie monté depuis l'hôte ou depuis un secret Docker garde le mode et le propriétaire qu'il a à l'extérieur : copiez-le plutôt avec le bon mode, ou transmettez le cookie autrement (une image personnalisée, la variable RABBITMQ_ERLANG_COOKIE sur les images plus anciennes).

rabbitmq-epmd-error =
    .title = RabbitMQ ne peut pas s'enregistrer auprès d'epmd pour l'hôte de son nœud { $host } : { $reason } ({ $detail })
    .remediation = La partie hôte du nom de nœud (RABBITMQ_NODENAME, par défaut rabbit@<hostname>) doit se résoudre, à l'intérieur du conteneur, vers le conteneur lui-même. Donnez au service un hostname stable (hostname: dans compose) et un nom de nœud sur cet hôte ; avec RABBITMQ_USE_LONGNAME, le nom pleinement qualifié doit lui aussi se résoudre (extra_hosts, un alias réseau).

rabbitmq-distribution-port-in-use =
    .title = RabbitMQ ne peut pas écouter sur son port de distribution Erlang { $port }
    .remediation = Un autre nœud RabbitMQ (ou un autre processus) du même espace de noms réseau utilise { $port } (25672 par défaut) : en réseau host, faites tourner un seul nœud par hôte ou donnez à chacun son propre RABBITMQ_DIST_PORT (il vaut le port AMQP + 20000).

rabbitmq-cluster-peers-unreachable =
    .title = RabbitMQ a cessé d'attendre les autres nœuds du cluster { $nodes }
    .remediation = Ce nœud n'a pas été le dernier à s'arrêter, il attend donc que ses pairs reviennent avant de charger ses données. Démarrez les autres nœuds (le dernier arrêté en premier) ; s'ils ont définitivement disparu, lancez rabbitmqctl force_boot sur ce nœud, en acceptant de perdre les changements faits ailleurs après son arrêt.

rabbitmq-deprecated-env-var =
    .title = l'image RabbitMQ refuse la variable d'environnement dépréciée { $var }
    .remediation = Depuis la 3.9, l'image ne transforme plus ses propres variables en configuration et s'arrête quand elles sont définies (de 3.9.0 à 3.9.3, elle refusait aussi RABBITMQ_DEFAULT_USER/PASS/VHOST, que les tags ultérieurs acceptent de nouveau). Déplacez le réglage de { $var } dans un rabbitmq.conf monté (par exemple vm_memory_high_watermark.relative = 0.6) ou supprimez-le, ou figez un tag d'image qui le prend encore en charge.

rabbitmq-advanced-config-invalid =
    .title = RabbitMQ ne peut pas charger son fichier de configuration avancée { $file }
    .remediation = advanced.config est un fichier de termes Erlang : il doit contenir exactement une liste Erlang de paramètres d'application, terminée par un point. Corrigez la syntaxe à la ligne indiquée par l'erreur (une virgule ou un crochet manquant, une virgule en trop à la fin), ou supprimez le fichier si rabbitmq.conf suffit.

rabbitmq-disk-alarm =
    .title = l'espace disque libre de RabbitMQ est passé sous disk_free_limit sur { $node } : les producteurs sont bloqués
    .remediation = Libérez de l'espace sur le volume qui contient /var/lib/rabbitmq (ou sur le disque de Docker lui-même), ou consommez l'arriéré qui le remplit ; l'alarme disparaît d'elle-même dès que l'espace libre repasse au-dessus de la limite. Ne baissez disk_free_limit qu'en connaissance de cause.

rabbitmq-memory-alarm =
    .title = l'utilisation mémoire de RabbitMQ a dépassé vm_memory_high_watermark sur { $node } : les producteurs sont bloqués
    .remediation = Les consommateurs ne suivent pas et les files gardent des messages en mémoire, ou le seuil est calculé à partir de plus de RAM que le conteneur n'a le droit d'en utiliser. Videz ou bornez les files (consommateurs, max-length, quorum queues), donnez plus de mémoire au conteneur, ou réglez vm_memory_high_watermark.absolute en dessous de la limite du conteneur.

rabbitmq-resource-alarm-cleared =
    .title = RabbitMQ a mis fin à une alarme de ressource : les producteurs peuvent de nouveau publier
    .remediation = Rien à faire pour l'instant ; si les alarmes vont et viennent, surveillez l'espace disque libre ou la mémoire avant que cela ne se reproduise.

rabbitmq-client-closed-connection =
    .title = un client a fermé sa connexion TCP à RabbitMQ sans fermer d'abord la connexion AMQP
    .remediation = Le plus souvent une sonde de santé qui ne fait qu'ouvrir le port, ou un processus client qui s'est arrêté ou a redémarré ; le broker va bien. Fermez proprement les connexions dans le client, ou utilisez rabbitmq-diagnostics ping / check_port_connectivity comme sonde de santé.

rabbitmq-env-config-deprecation-warning =
    .title = l'image RabbitMQ 3.8 avertit que sa configuration par variables d'environnement va disparaître
    .remediation = Rien ne casse en 3.8 ; avant de passer à la 3.9 ou à une version ultérieure, mettez les réglages affichés dans un rabbitmq.conf monté.
