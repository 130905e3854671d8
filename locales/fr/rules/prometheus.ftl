# rules/prometheus.toml, en français.

prometheus-config-invalid =
    .title = Prometheus rejette son fichier de configuration { $file }
    .remediation = Vérifiez le fichier avec promtool : la partie err= indique la ligne YAML en cause (mauvaise indentation, une tabulation, un champ mal orthographié comme metric_path, ou labels au lieu de external_labels). Corrigez-le et redémarrez ; un chemin de configuration monté en bind mount avant que le fichier existe est un répertoire sur l'hôte.

prometheus-config-permission-denied =
    .title = Prometheus n'a pas le droit de lire son fichier de configuration { $path }
    .remediation = Le fichier monté sur { $path } (ou un répertoire au-dessus) n'est pas lisible par l'utilisateur sous lequel tourne Prometheus (nobody, uid 65534, dans prom/prometheus) : rendez-le lisible (chmod 644 sur le fichier, 755 sur ses répertoires) ou faites-en un chown vers 65534, ou lancez le conteneur avec un --user qui peut le lire ; sur les hôtes SELinux (Fedora, RHEL), ajoutez :z ou :ro,z au bind mount.

prometheus-storage-permission-denied =
    .title = Prometheus n'a pas le droit d'écrire dans son répertoire de stockage ({ $path })
    .remediation = L'image prom/prometheus tourne en tant que nobody (uid 65534) : faites un chown -R 65534:65534 du répertoire de l'hôte monté sur /prometheus, ou utilisez un volume nommé ; sur les hôtes SELinux, ajoutez :z au bind mount.

prometheus-storage-locked =
    .title = Prometheus ne peut pas verrouiller son répertoire de stockage ({ $reason })
    .remediation = 'resource temporarily unavailable' signifie qu'un autre Prometheus détient le verrou sur le même répertoire (deux réplicas ou un ancien conteneur qui partagent un même volume) : donnez à chacun son propre volume ou arrêtez l'autre. 'no locks available' signifie que le système de fichiers (NFS, certains montages CIFS) ne prend pas en charge le verrouillage : utilisez un stockage local.

prometheus-query-log-permission-denied =
    .title = Prometheus ne peut pas créer son journal des requêtes actives dans le répertoire de données
    .remediation = Le répertoire de données (--storage.tsdb.path, /prometheus dans l'image) n'est pas accessible en écriture pour l'uid 65534 (nobody) : faites un chown du répertoire ou du volume monté vers 65534:65534, ou réglez en conséquence le fsGroup du securityContext du pod/conteneur.

prometheus-out-of-order-samples =
    .title = Prometheus écarte des échantillons qu'une cible expose dans le désordre ou avec des horodatages en double ; le serveur continue de tourner
    .remediation = Pas une panne de Prometheus. C'est la cible (un exporter qui fixe ses propres horodatages, deux jobs qui scrapent la même série, un relabelling qui fusionne des séries) qu'il faut corriger si les séries écartées comptent.
