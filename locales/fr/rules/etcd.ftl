# rules/etcd.toml, en français.

etcd-member-already-bootstrapped =
    .title = le membre etcd { $member } fait déjà partie du cluster, mais ce démarrage tente de l'amorcer à nouveau
    .remediation = Le membre a été enregistré auparavant et démarre maintenant avec un répertoire de données vide ou neuf (un volume non persisté) ou toujours avec --initial-cluster-state=new. Persistez le répertoire de données ; pour faire revenir un membre qui a perdu ses données, retirez-le (etcdctl member remove { $member }), ajoutez-le à nouveau (etcdctl member add) et démarrez-le avec --initial-cluster-state=existing.

etcd-data-dir-permission-denied =
    .title = etcd n'a pas le droit d'écrire dans son répertoire de données ({ $path })
    .remediation = Le volume monté appartient à un autre uid que celui sous lequel tourne etcd (1001 dans l'image Bitnami, root dans quay.io/coreos/etcd). Faites un chown du répertoire de l'hôte vers cet uid ou utilisez un volume nommé ; sur les hôtes SELinux, ajoutez :z au montage bind.

etcd-database-space-exceeded =
    .title = la base de données d'etcd a atteint son quota d'espace (alarme NOSPACE) : elle ne sert plus que les lectures et les suppressions
    .remediation = Compactez les anciennes révisions, défragmentez chaque membre, puis désarmez l'alarme ; augmentez --quota-backend-bytes (2 Go par défaut, 8 Go au maximum conseillé) et définissez --auto-compaction-retention pour que l'historique ne regrossisse pas.

etcd-no-quorum =
    .title = etcd n'a pas pu valider une requête : le cluster n'a pas de leader ou pas de quorum, ou son disque est trop lent
    .remediation = Vérifiez qu'une majorité de membres est démarrée et joignable sur le port des pairs (2380), et cherchez dans le journal de chaque membre des élections et des avertissements 'took too long' ; mettez le répertoire de données sur un SSD et donnez à etcd son propre disque si le fsync est lent.

etcd-slow-request-warning =
    .title = etcd avertit que des requêtes sont lentes (disque lent ou forte charge) ; il continue de servir
    .remediation = Ce n'est pas une panne en soi. Si c'est permanent, déplacez le répertoire de données sur un SSD, tenez les autres E/S à l'écart du disque d'etcd et surveillez les métriques de durée wal_fsync et backend_commit.
