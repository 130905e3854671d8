# rules/minio.toml, en français.

minio-invalid-root-credentials =
    .title = MinIO rejette ses identifiants root : MINIO_ROOT_USER doit faire au moins 3 caractères et MINIO_ROOT_PASSWORD au moins 8
    .remediation = Définissez MINIO_ROOT_USER (3 caractères ou plus) et MINIO_ROOT_PASSWORD (8 ou plus) dans l'environnement du conteneur, ou de même les anciens MINIO_ACCESS_KEY / MINIO_SECRET_KEY ; mettez les valeurs entre guillemets dans compose pour que $ et les caractères spéciaux ne soient ni interpolés ni tronqués.

minio-root-credential-missing =
    .title = MinIO a besoin de { $var }, qui n'est pas définie
    .remediation = Définissez à la fois MINIO_ROOT_USER et MINIO_ROOT_PASSWORD (ou leurs variantes _FILE pointant vers des secrets) dans l'environnement du conteneur ; l'une sans l'autre est refusée.

minio-access-key-unknown =
    .title = le serveur S3 ne connaît pas la clé d'accès qu'utilise { $service }
    .remediation = La clé d'accès du client n'est pas un utilisateur de ce point de terminaison MinIO (ou S3). Utilisez les identifiants root (MINIO_ROOT_USER/MINIO_ROOT_PASSWORD ; MINIO_ACCESS_KEY/SECRET_KEY ne sont que d'anciens noms) ou créez l'utilisateur ou le compte de service avec mc admin user add ; vérifiez que le client pointe vers le point de terminaison MinIO plutôt que vers AWS, et que des identifiants changés sur un répertoire de données existant ont réellement pris effet.

minio-signature-mismatch =
    .title = le serveur S3 rejette la signature des requêtes de { $service } : la clé secrète est fausse, ou quelque chose a réécrit la requête
    .remediation = La clé d'accès existe mais la clé secrète avec laquelle le client signe est différente ; corrigez le secret du client. Si les clés sont bonnes, un reverse proxy qui modifie l'en-tête Host ou le chemin (ou un décalage d'horloge) casse la signature : transmettez Host sans le modifier.

minio-backend-not-writable =
    .title = MinIO ne peut pas écrire sur son disque
    .remediation = Le répertoire de données (en général un montage bind) n'est pas accessible en écriture à l'uid sous lequel tourne MinIO (root dans minio/minio sauf si --user est défini, 1001 dans bitnami/minio). Faites-en le chown (la ligne HINT affiche la commande), utilisez un volume nommé, et sur les hôtes SELinux montez avec {":z"} ; un export NFS avec root_squash produit le même effet.

minio-drive-access-denied =
    .title = MinIO se voit refuser l'accès à son disque
    .remediation = L'utilisateur de MinIO n'a pas le droit de créer des fichiers dans le répertoire du disque : faites un chown du répertoire de l'hôte vers l'uid sous lequel tourne MinIO, ou utilisez un volume nommé ; sur les hôtes SELinux (Fedora, RHEL), ajoutez {":z"} au montage bind.

minio-legacy-fs-backend =
    .title = MinIO refuse son disque : les données y ont été écrites par l'ancien backend { $found }, et ce serveur ne lit que { $expected }
    .remediation = Les versions à partir de RELEASE.2022-10-29T06-21-33Z ne lisent plus le backend fs mono-disque qu'écrivaient les versions plus anciennes. Épinglez la dernière version qui le lit (minio/minio:RELEASE.2022-10-24T18-35-07Z) pour rétablir le service, puis migrez : démarrez un nouveau MinIO sur un volume vide avec la version actuelle, copiez-y les buckets et les objets (mc mirror, puis recréez les utilisateurs et les politiques) et basculez dessus. Un disque utilisé seul ne peut pas non plus rejoindre un erasure set multi-disques : donnez au set des disques vides.

minio-drive-full =
    .title = Le disque de MinIO est plein ou trop petit
    .remediation = Libérez ou agrandissez le volume derrière le disque (sous Docker Desktop, le disque de la VM). MinIO refuse aussi les disques de moins d'environ 1 Gio ; donnez-lui un vrai volume plutôt qu'un tmpfs minuscule.

minio-port-in-use =
    .title = MinIO ne peut pas écouter : son port est déjà utilisé
    .remediation = Un autre processus (souvent un second MinIO, ou la console et l'API configurées sur le même port) occupe le port : libérez-le, ou déplacez MinIO vers des ports libres avec --address {":9000"} / --console-address {":9001"}.

minio-default-credentials-warning =
    .title = MinIO tourne avec les identifiants par défaut minioadmin
    .remediation = Acceptable pour un serveur de développement jetable ; définissez MINIO_ROOT_USER et MINIO_ROOT_PASSWORD avant de l'exposer.
