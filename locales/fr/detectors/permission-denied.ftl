# permission-denied : le système de fichiers refuse l'accès à un chemin (droits refusés).

permission-denied-mount-volume = { $destination } est le volume { $volume }
permission-denied-mount-bind = { $destination } est le répertoire { $source } de l'hôte (montage bind)
permission-denied-mount-other = { $destination } est un montage { $kind }
permission-denied-in-image = { $path } dans l'image

permission-denied-read-only-rootfs = le système de fichiers du conteneur est en lecture seule (--read-only)
permission-denied-read-only-mount = { $mount }, monté en lecture seule
permission-denied-read-only-title = { $service } ne peut pas écrire dans { $path } : { $where }
permission-denied-read-only-summary = Montez { $destination } en lecture-écriture (retirez `:ro`), ou faites écrire le programme ailleurs.
permission-denied-read-only-summary-rootfs = Montez le chemin en lecture-écriture (retirez `:ro`), ou faites écrire le programme ailleurs.
permission-denied-read-only-step = Recréez le conteneur avec le montage en lecture-écriture.

permission-denied-not-permitted-title = { $service } n'a pas le droit de changer le propriétaire ou les droits de { $path } (Operation not permitted) : { $where }, dont le système de fichiers ou le propriétaire le refuse à l'utilisateur { $user }
permission-denied-not-permitted-summary = Fixez le propriétaire hors du conteneur : attribuez d'avance { $path } sur l'hôte, ou utilisez un volume nommé plutôt qu'un système de fichiers qui refuse chown/chmod.
permission-denied-not-permitted-step-owner = Regardez à qui appartient le répertoire et sous quel utilisateur tourne le conteneur.
permission-denied-not-permitted-step-volume = Sur NFS, CIFS ou un disque Windows monté par WSL, le conteneur ne peut pas faire de chown ; gardez les données dans un volume nommé (`docker volume create`) ou sur un système de fichiers Linux local.

permission-denied-root-mount-title = Droits refusés à { $service } sur { $path } alors qu'il tourne en root : { $mount } ; les étiquettes SELinux ou le remappage des espaces de noms utilisateur le refusent
permission-denied-root-mount-summary = Réétiquetez le montage pour le conteneur (`:z` partagé, `:Z` privé) sur les hôtes SELinux, ou donnez le répertoire à l'utilisateur root remappé.
permission-denied-root-mount-step = Vérifiez le propriétaire et l'étiquette SELinux du répertoire de l'hôte, puis recréez le conteneur avec le montage réétiqueté (ajoutez `:z` à son option `-v`).

permission-denied-user-mount-title = Droits refusés à { $service } sur { $path } : il tourne sous l'utilisateur { $user }, et { $mount }, où cet utilisateur n'a pas le droit d'écrire
permission-denied-user-mount-summary = Donnez { $destination } à l'utilisateur { $user } : un chown une fois pour toutes, ou faites tourner le conteneur sous le propriétaire du répertoire.
permission-denied-user-mount-step-chown = Donnez le répertoire à { $user } (en root dans la même image, pour que le nom d'utilisateur soit connu), puis redémarrez le conteneur.
permission-denied-user-mount-step-dockerfile = Faites qu'un nouveau volume soit correct dès le départ : dans le Dockerfile, créez { $destination } avec l'utilisateur pour propriétaire avant `USER` (`RUN mkdir -p { $destination } && chown { $user } { $destination }`) ; un volume nommé neuf reprend ce propriétaire. Pour un montage bind, faites un chown du répertoire de l'hôte vers l'uid de l'utilisateur (`docker run --rm --entrypoint id { $image }` l'affiche).

permission-denied-root-title = Droits refusés à { $service } sur { $path } alors qu'il tourne en root : un système de fichiers racine en lecture seule, des capacités retirées ou un profil de sécurité (AppArmor, SELinux, seccomp) le refusent
permission-denied-root-summary = Trouvez ce qui restreint root dans { $service } : --read-only, --cap-drop, --security-opt ; donnez au programme un volume accessible en écriture pour { $path }, ou levez la restriction qui le bloque.
permission-denied-root-step = Affichez les restrictions du conteneur.

permission-denied-user-image-title = Droits refusés à { $service } sur { $path } : il tourne sous l'utilisateur { $user }, et le { $path } de l'image elle-même ne laisse pas cet utilisateur y écrire
permission-denied-user-image-summary = Créez { $path } avec { $user } pour propriétaire dans le Dockerfile (`RUN mkdir -p … && chown { $user } …` avant `USER`, ou `COPY --chown={ $user }`), ou écrivez dans un volume qui appartient à l'utilisateur.
permission-denied-user-image-step-owner = Regardez à qui appartient le chemin dans l'image et sous quel utilisateur tourne le conteneur.
permission-denied-user-image-step-rebuild = Corrigez le propriétaire dans le Dockerfile, reconstruisez l'image et recréez le conteneur.
