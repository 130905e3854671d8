# rules/kafka.toml, en français.

kafka-socket-server-bind-failed =
    .title = Kafka ne peut pas écouter sur { $address }:{ $port } : { $reason }
    .remediation = Un autre processus occupe { $port } (un second broker, ou un ancien conteneur sur le réseau de l'hôte), ou le listener nomme un hôte qui n'est pas une adresse de ce conteneur. Arrêtez l'autre processus ou donnez à chaque broker son propre port ; les listeners doivent se lier à 0.0.0.0 (ou au nom du conteneur) tandis qu'advertised.listeners porte le nom qu'utilisent les clients.

kafka-no-advertised-listener =
    .title = Kafka n'a aucun listener annoncé à proposer à ses clients
    .remediation = Définissez KAFKA_ADVERTISED_LISTENERS (Bitnami : KAFKA_CFG_ADVERTISED_LISTENERS) avec au moins un listener de broker qui ne soit pas un listener de contrôleur, par exemple PLAINTEXT://kafka:9092 avec le nom que résolvent les clients.

kafka-cp-deprecated-port-setting =
    .title = l'image cp-kafka s'arrête car une variable KAFKA_* définit le réglage obsolète { $setting }
    .remediation = Retirez KAFKA_PORT, KAFKA_HOST, KAFKA_ADVERTISED_PORT et KAFKA_ADVERTISED_HOST de l'environnement et utilisez KAFKA_ADVERTISED_LISTENERS. Kubernetes injecte KAFKA_PORT=tcp://... pour un Service nommé kafka : renommez le Service ou définissez enableServiceLinks: false.

kafka-broker-not-available =
    .title = { $service } ne peut pas joindre le broker Kafka { $host }:{ $port } (nœud { $node })
    .remediation = Le nœud -1 est le serveur de bootstrap : l'adresse de bootstrap.servers est fausse pour l'endroit où tourne le client (localhost dans un conteneur désigne ce conteneur). Les autres identifiants de nœud viennent de l'advertised.listeners du broker : annoncez un nom que le client peut résoudre (le nom de service compose pour les conteneurs, un port publié sur l'hôte pour les clients hors de Docker). Vérifiez que le broker tourne.

kafka-zookeeper-connection-timeout =
    .title = { $service } a cessé d'attendre ZooKeeper (toujours { $state })
    .remediation = ZooKeeper n'était pas joignable à l'adresse de zookeeper.connect dans le délai imparti : il est arrêté ou encore en train de démarrer, le nom d'hôte est faux, ou il est sur un autre réseau. Vérifiez le conteneur ZooKeeper, adressez-le par son nom de service (zookeeper:2181, pas localhost), démarrez Kafka une fois ZooKeeper healthy (depends_on avec condition: service_healthy) ou augmentez zookeeper.connection.timeout.ms.

kafka-zookeeper-connection-refused =
    .title = { $service } ne peut pas se connecter à ZooKeeper sur { $host }:{ $port } ({ $reason })
    .remediation = Rien n'écoute encore sur { $host }:{ $port } : ZooKeeper est arrêté, en cours de redémarrage ou encore en train de démarrer (regardez son propre journal), ou le port est faux. Le client réessaie ; s'il ne se connecte jamais, corrigez d'abord ZooKeeper.

kafka-cluster-id-mismatch =
    .title = Le répertoire de logs de Kafka appartient au cluster { $stored_id }, mais ZooKeeper contient désormais le cluster { $zk_id }
    .remediation = Les données de ZooKeeper ont été réinitialisées (son volume non persisté, ou recréé) alors que Kafka a gardé son répertoire de logs. Persistez les deux volumes ensemble. Pour repartir de zéro, supprimez meta.properties du répertoire de logs de Kafka (ou les deux volumes) ; pour garder les données, restaurez les données de ZooKeeper ou faites pointer zookeeper.connect vers le bon ensemble.

kafka-broker-id-already-registered =
    .title = un autre broker (ou la session précédente de ce broker) est déjà enregistré à { $path } dans ZooKeeper
    .remediation = Deux brokers partagent un broker.id, ou le conteneur a redémarré avant l'expiration de sa session ZooKeeper précédente. Donnez à chaque broker un KAFKA_BROKER_ID unique ; après un crash, attendez zookeeper.session.timeout.ms avant de redémarrer (ou baissez-le).

kafka-kraft-storage-not-formatted =
    .title = le répertoire de logs KRaft { $dir } n'a jamais été formaté
    .remediation = Un nœud KRaft a besoin que son répertoire de logs soit formaté avec l'identifiant du cluster avant le premier démarrage : lancez kafka-storage.sh format -t <cluster-id> -c <server.properties> (les images officielle et Bitnami le font quand CLUSTER_ID / KAFKA_KRAFT_CLUSTER_ID est défini), et gardez le répertoire sur un volume persistant.

kafka-log-dir-no-space =
    .title = Kafka n'a plus d'espace disque dans son répertoire de logs { $dir }
    .remediation = Le volume qui contient le répertoire de logs est plein : libérez-le ou agrandissez-le, et bornez la rétention (log.retention.bytes/hours par topic, moins de réplicas pour les gros topics). Le broker met le répertoire hors ligne et s'arrête une fois que tous les répertoires de logs ont échoué.

kafka-all-log-dirs-failed =
    .title = Kafka s'est arrêté : tous les répertoires de logs ({ $dirs }) ont échoué
    .remediation = L'ERROR juste avant cette ligne dit pourquoi le répertoire a été mis hors ligne : No space left on device (libérez ou agrandissez le volume), AccessDeniedException (faites un chown du volume vers l'uid du broker, 1000 pour les images Confluent et Apache), ou un système de fichiers qui ne prend pas en charge le verrouillage (certains montages Windows et réseau).

kafka-cp-required-env =
    .title = l'image Confluent a besoin de { $var }, qui n'est pas définie
    .remediation = Définissez { $var } dans l'environnement du conteneur (environment: de compose). cp-kafka a besoin de KAFKA_ZOOKEEPER_CONNECT (ou des réglages KRaft) et de KAFKA_ADVERTISED_LISTENERS ; cp-kafka-rest a besoin de KAFKA_REST_ZOOKEEPER_CONNECT ou de KAFKA_REST_BOOTSTRAP_SERVERS.

kafka-cp-path-check-failed =
    .title = le contrôle préalable de l'image Confluent constate que { $path } n'est pas { $mode }
    .remediation = Depuis la 6.0, les images tournent sous appuser (uid 1000) : un { $path } monté en bind doit être { $mode } pour cet uid (chown -R 1000:1000 sur l'hôte) ou être un volume nommé ; ne montez rien par-dessus /etc/kafka lui-même.

kafka-zookeeper-datadir-inaccessible =
    .title = ZooKeeper ne peut pas utiliser son répertoire de données
    .remediation = dataDir et dataLogDir doivent exister et être accessibles en écriture à l'utilisateur sous lequel tourne ZooKeeper (uid 1000 dans l'image officielle, 1001 dans celle de Bitnami) ; l'exception ci-dessus nomme le chemin ('Cannot write to data directory ...'). Faites un chown du volume ou utilisez un volume nommé.

kafka-zookeeper-invalid-config =
    .title = ZooKeeper rejette sa configuration
    .remediation = La ConfigException ci-dessus nomme l'entrée fautive dans zoo.cfg (ou dans les variables ZOO_* que l'image y convertit) : une ligne server.N qui ne s'analyse pas, un myid qui ne correspond à aucun server.N, un dataDir manquant.

kafka-zookeeper-admin-server-port =
    .title = L'AdminServer de ZooKeeper ne peut pas écouter sur { $address }:{ $port }
    .remediation = Le port { $port } (8080 par défaut) est pris dans l'espace de noms réseau de ZooKeeper, typiquement avec le réseau de l'hôte ou un sidecar. Réglez admin.serverPort (ZOO_ADMINSERVER_PORT dans certaines images, -Dzookeeper.admin.serverPort) sur un port libre, ou désactivez-le avec admin.enableServer=false.
