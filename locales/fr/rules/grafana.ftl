# rules/grafana.toml, en français.

grafana-path-not-writable =
    .title = Grafana n'a pas le droit d'écrire dans GF_PATHS_{ $var } ({ $path })
    .remediation = Depuis la 5.1, l'image tourne avec l'uid 472 : faites un chown -R 472:0 du répertoire de l'hôte monté sur { $path }, ou utilisez un volume nommé, ou lancez le conteneur avec user: réglé sur le propriétaire du répertoire ; lancer en user 0 ne fait que masquer le problème.

grafana-plugins-dir-permission-denied =
    .title = l'entrypoint de Grafana ne peut pas créer le répertoire des plugins { $path }
    .remediation = Le volume de données n'est pas accessible en écriture pour l'uid 472 (l'utilisateur grafana de l'image) : faites un chown -R 472:0 du répertoire de l'hôte, utilisez un volume nommé, ou lancez le conteneur avec le propriétaire du répertoire.

grafana-path-not-readable =
    .title = Grafana n'a pas le droit de lire GF_PATHS_{ $var } ({ $path })
    .remediation = Un grafana.ini monté en bind (ou le répertoire home) doit être lisible par l'uid 472 : faites un chmod a+r du fichier sur l'hôte, ou corrigez son propriétaire.

grafana-plugin-install-permission-denied =
    .title = grafana-cli ne peut pas installer de plugin dans { $path }
    .remediation = GF_INSTALL_PLUGINS installe dans le répertoire des plugins du volume de données, où l'uid 472 n'a pas le droit d'écrire : faites un chown -R 472:0 du répertoire de l'hôte qui porte le volume, ou intégrez les plugins dans une image dérivée.

grafana-homepath-not-found =
    .title = grafana-server ne trouve pas conf/defaults.ini : son chemin home est erroné
    .remediation = Lancez-le avec --homepath pointant sur l'installation (/usr/share/grafana dans l'image officielle) ou depuis ce répertoire ; une commande ou un entrypoint personnalisé qui a remplacé le run.sh de l'image l'a généralement perdu en route.

grafana-config-file-missing =
    .title = Grafana ne peut pas ouvrir son fichier de configuration { $path }
    .remediation = Le fichier passé avec --config (ou le GF_PATHS_CONFIG de l'image) n'existe pas dans le conteneur : vérifiez la source et la cible du montage bind, ou retirez --config pour utiliser les valeurs par défaut fournies avec le paquet.

grafana-port-in-use =
    .title = Grafana ne peut pas écouter sur { $address }:{ $port } : le port est occupé
    .remediation = Un autre processus du même espace de noms réseau (un autre Grafana, ou n'importe quoi sur le port 3000 en réseau host) occupe le port : arrêtez-le ou réglez GF_SERVER_HTTP_PORT sur un port libre.

grafana-sqlite-database-locked =
    .title = une opération Grafana a échoué : sa base SQLite est verrouillée
    .remediation = Plusieurs écrivains se disputent grafana.db : définissez [database] wal = true (GF_DATABASE_WAL=true), gardez /var/lib/grafana hors de NFS et SMB, faites tourner un seul Grafana par fichier de base, ou passez à MySQL ou PostgreSQL quand plusieurs réplicas partagent l'état.

grafana-sqlite-locked-retry =
    .title = Grafana a trouvé sa base SQLite occupée et réessaie
    .remediation = Une nouvelle tentative, pas une panne ; si cela tourne aux erreurs, activez [database] wal = true et gardez la base hors du stockage réseau.
