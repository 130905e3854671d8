# rules/elasticsearch.toml, en français.

elasticsearch-vm-max-map-count =
    .title = Elasticsearch refuse de démarrer : le vm.max_map_count de l'hôte vaut { $current }, il faut au moins { $required }
    .remediation = vm.max_map_count est un réglage du noyau de l'hôte Docker, pas du conteneur : augmentez-le sur l'hôte (sous Docker Desktop ou docker-machine, dans sa VM) et rendez-le persistant dans /etc/sysctl.conf ou /etc/sysctl.d, puis redémarrez le conteneur. Une installation de développement à un seul nœud peut utiliser discovery.type=single-node, qui n'impose pas les contrôles de bootstrap.

elasticsearch-discovery-not-configured =
    .title = Elasticsearch refuse de démarrer : il se lie à une adresse autre que loopback et aucun des réglages { $settings } n'est défini
    .remediation = Pour un nœud unique, définissez discovery.type=single-node (une entrée environment dans compose) ; pour un cluster, définissez discovery.seed_hosts et cluster.initial_master_nodes (ES 7+) sur chaque nœud éligible comme master, avec les mêmes noms de nœuds.

elasticsearch-bootstrap-checks-failed =
    .title = Elasticsearch refuse de démarrer : { $count } contrôle(s) de bootstrap en échec
    .remediation = Les lignes qui suivent celle-ci nomment chaque contrôle en échec (vm.max_map_count, descripteurs de fichiers, verrouillage mémoire, réglages de discovery). Corrigez-les sur l'hôte ou dans les réglages ; un nœud de développement unique peut utiliser discovery.type=single-node à la place.

elasticsearch-memory-lock-failed =
    .title = Elasticsearch refuse de démarrer : bootstrap.memory_lock vaut true mais le conteneur n'a pas le droit de verrouiller la mémoire
    .remediation = Autorisez le verrouillage : dans compose, donnez au service ulimits memlock soft -1 et hard -1 (docker run --ulimit memlock=-1:-1 ; sous swarm, la default-ulimit du démon), ou définissez bootstrap.memory_lock=false et désactivez plutôt le swap sur l'hôte.

elasticsearch-unable-to-lock-jvm-memory =
    .title = Elasticsearch n'a pas pu verrouiller son tas en mémoire ({ $reason }) ; à lui seul, c'est un avertissement
    .remediation = Simple avertissement en mode développement ; quand les contrôles de bootstrap sont imposés, c'est ensuite le contrôle 'memory locking requested' qui échoue. Autorisez le verrouillage avec ulimits memlock -1 sur le service, ou retirez bootstrap.memory_lock.

elasticsearch-bootstrap-check-warning =
    .title = Elasticsearch avertit d'un contrôle de bootstrap qu'il n'impose pas (mode développement, lié à loopback)
    .remediation = Rien ne s'arrête : en mode développement, les contrôles sont seulement journalisés. Corrigez le réglage avant de vous lier à une adresse autre que loopback, où le même contrôle devient fatal.

elasticsearch-unknown-setting =
    .title = Elasticsearch rejette le réglage inconnu { $setting }
    .remediation = Supprimez ou renommez { $setting } dans elasticsearch.yml ou dans l'environnement (chaque variable d'environnement à points devient un réglage). Les réglages du noyau comme vm.max_map_count relèvent du sysctl de l'hôte ; les réglages d'un plugin exigent que le plugin soit installé ; les réglages renommés ou supprimés sont listés dans les breaking changes de la version.

elasticsearch-data-access-denied =
    .title = Elasticsearch n'a pas le droit d'écrire dans son répertoire de données { $path }
    .remediation = Le répertoire de données (en général un montage bind) n'est pas accessible en écriture à l'utilisateur du conteneur : uid 1000 dans les images officielles Elasticsearch et OpenSearch, 1001 dans celles de Bitnami. Faites un chown du répertoire de l'hôte vers cet uid (groupe 0), ou utilisez un volume nommé, puis redémarrez.

elasticsearch-node-lock-failed =
    .title = Elasticsearch ne peut pas verrouiller son répertoire de données { $path }
    .remediation = Soit le répertoire n'est pas accessible en écriture à l'utilisateur Elasticsearch (uid 1000 dans l'image officielle), soit un autre processus Elasticsearch (un second conteneur, un ancien toujours en cours d'exécution) utilise le même répertoire de données. Donnez à chaque nœud son propre volume, arrêtez l'autre conteneur et vérifiez le propriétaire du montage.

elasticsearch-upgrade-skips-a-version =
    .title = Elasticsearch { $to } ne peut pas ouvrir un répertoire de données utilisé en dernier par { $from } : passez d'abord par { $via }
    .remediation = Une mise à jour majeure doit passer par la dernière version mineure de la majeure précédente. Épinglez l'image sur { $via }, démarrez-la une fois sur les mêmes données (et réindexez ce que signalent le journal des dépréciations ou l'Upgrade Assistant), puis passez à { $to } ; ou restaurez un snapshot dans un répertoire de données vide.

elasticsearch-node-metadata-too-old =
    .title = Elasticsearch { $to } trouve des métadonnées de nœud qu'il ne peut pas mettre à jour : seules les données de { $via } peuvent l'être
    .remediation = Démarrez d'abord { $via } sur ce répertoire de données et laissez-le terminer une fois son démarrage (il réécrit les métadonnées du nœud), puis passez à { $to } ; un nœud tué pendant son démarrage laisse ses métadonnées dans l'ancien format.

elasticsearch-index-too-old =
    .title = Elasticsearch ne peut pas ouvrir l'index { $index } : il a été créé par { $version }, la plus ancienne que cette version sait lire est { $minimum }
    .remediation = Revenez à la version majeure précédente sur les mêmes données, réindexez { $index } avec elle (ou supprimez-le s'il est jetable), puis refaites la mise à jour ; l'Upgrade Assistant liste tous ces index avant la mise à jour.

elasticsearch-index-format-too-new =
    .title = Elasticsearch trouve des données écrites par une version plus récente (format { $found }, il lit de { $min } à { $max })
    .remediation = Le répertoire de données a été écrit par un Elasticsearch plus récent : l'image a été rétrogradée, ou un tag flottant désigne maintenant une version plus ancienne. Lancez la version qui a écrit les données (épinglez le tag de l'image) ou restaurez un snapshot ; on ne peut pas rétrograder des données.

elasticsearch-flood-stage-watermark =
    .title = L'occupation disque d'Elasticsearch a dépassé le seuil flood-stage ({ $threshold }) : ses index sont désormais en lecture seule
    .remediation = Libérez de l'espace sur le volume de données (supprimez d'anciens index, agrandissez le volume ou le disque de Docker Desktop). Depuis la 7.4, le blocage read_only_allow_delete est levé automatiquement dès que l'occupation repasse sous le seuil haut (high watermark) ; les versions plus anciennes exigent de remettre le réglage index.blocks.read_only_allow_delete à null sur les index.

elasticsearch-index-read-only-block =
    .title = Elasticsearch refuse les écritures de { $service } : l'index est passé en lecture seule quand le disque a dépassé le seuil flood-stage
    .remediation = Libérez de l'espace disque sur le volume de données d'Elasticsearch ; depuis la 7.4, le blocage est levé automatiquement, sur les versions plus anciennes remettez ensuite index.blocks.read_only_allow_delete à null sur les index.

elasticsearch-authentication-failed =
    .title = Elasticsearch rejette les identifiants de l'utilisateur { $user }
    .remediation = Le mot de passe que le client (Kibana, Logstash, une application) envoie pour { $user } n'est pas celui enregistré dans le cluster. ELASTIC_PASSWORD ne définit le mot de passe d'elastic qu'à la première initialisation du répertoire de données ; réinitialisez le mot de passe (elasticsearch-reset-password en 8.x, l'API _security/user sinon) et mettez la même valeur dans la configuration du client.

elasticsearch-opensearch-admin-password-missing =
    .title = OpenSearch (2.12 et suivantes) refuse de démarrer avec sa configuration de sécurité de démonstration : OPENSEARCH_INITIAL_ADMIN_PASSWORD n'est pas définie
    .remediation = Définissez OPENSEARCH_INITIAL_ADMIN_PASSWORD dans l'environnement du conteneur (au moins 8 caractères avec majuscules et minuscules, un chiffre et un caractère spécial ; mettez-la entre guillemets dans compose pour que $ ne soit pas interpolé), ou définissez DISABLE_INSTALL_DEMO_CONFIG=true et fournissez votre propre configuration de sécurité.

elasticsearch-opensearch-weak-admin-password =
    .title = OpenSearch rejette OPENSEARCH_INITIAL_ADMIN_PASSWORD, jugé trop faible
    .remediation = Utilisez un mot de passe d'au moins 8 caractères avec une majuscule, une minuscule, un chiffre et un caractère spécial, qui passe aussi le contrôle de robustesse (évitez les motifs répétés) ; mettez-le entre guillemets dans compose pour que $ ne soit pas interpolé.

elasticsearch-jvm-out-of-memory =
    .title = la JVM de { $service } a manqué de mémoire, jusque dans le gestionnaire d'exceptions du thread { $thread }
    .remediation = Le tas Java est trop petit pour la charge, ou la limite du conteneur trop petite pour le tas. Pour Elasticsearch et OpenSearch, définissez ES_JAVA_OPTS / OPENSEARCH_JAVA_OPTS avec -Xms et -Xmx de même taille, environ la moitié de la limite mémoire du conteneur, et laissez le reste à la mémoire hors tas ; les autres services JVM prennent -Xmx via JAVA_OPTS ou JAVA_TOOL_OPTIONS.

elasticsearch-jvm-cannot-reserve-heap =
    .title = la JVM de { $service } n'a pas pu réserver la mémoire prévue par sa configuration
    .remediation = Le tas (-Xms) dépasse ce que le conteneur ou l'hôte peut fournir. Baissez ES_JAVA_OPTS / OPENSEARCH_JAVA_OPTS (par exemple -Xms512m -Xmx512m) ou augmentez la limite mémoire du conteneur ; avec plusieurs JVM sur un petit hôte, dimensionnez chacune explicitement.

elasticsearch-cluster-health-green =
    .title = Elasticsearch signale que son cluster est revenu de { $from } à GREEN
    .remediation = Rien à faire : chaque shard est de nouveau alloué.
