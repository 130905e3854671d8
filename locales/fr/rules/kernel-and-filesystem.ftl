# rules/kernel-and-filesystem.toml, en français.

kernel-and-filesystem-oom-killed-process =
    .title = l'OOM killer du noyau a tué { $process } (pid { $pid })
    .remediation = "Memory cgroup out of memory" signifie que le conteneur a atteint sa propre limite mémoire : augmentez-la (mem_limit / deploy.resources.limits.memory / --memory) ou faites consommer moins à { $process } (options de heap comme -Xmx ou --max-old-space-size, moins de workers, des lots plus petits). "Out of memory" sans le cgroup signifie que tout l'hôte a manqué de mémoire : ajoutez de la mémoire ou du swap, ou posez des limites sur les conteneurs qui grossissent.

kernel-and-filesystem-oom-kill-process-legacy =
    .title = l'OOM killer du noyau a choisi de tuer { $process } (pid { $pid }) : { $scope }
    .remediation = "Memory cgroup out of memory" signifie que le conteneur a atteint sa limite mémoire : augmentez la limite ou réduisez la consommation mémoire de { $process } (taille du heap, workers). "Out of memory" signifie que l'hôte lui-même a manqué de mémoire : ajoutez de la mémoire ou du swap, ou limitez les conteneurs qui grossissent.

kernel-and-filesystem-oom-kill-constraint =
    .title = l'OOM killer du noyau a sélectionné { $process } (pid { $pid }) sous { $constraint }
    .remediation = CONSTRAINT_MEMCG : le conteneur a atteint sa limite mémoire (le chemin oom_memcg= l'indique) ; augmentez la limite ou faites consommer moins de mémoire à { $process }. CONSTRAINT_NONE : l'hôte a manqué de mémoire ; ajoutez de la mémoire ou du swap, ou posez des limites sur les conteneurs qui grossissent.

kernel-and-filesystem-oom-killer-invoked =
    .title = la mémoire a manqué pendant une allocation de { $process } : l'OOM killer du noyau a été invoqué
    .remediation = Lisez les lignes qui suivent dans dmesg : "Killed process" nomme la victime, et "Memory cgroup out of memory" signifie que la limite d'un conteneur a été atteinte. Augmentez cette limite ou réduisez la consommation mémoire de ce qui tourne dedans.

kernel-and-filesystem-shell-killed =
    .title = un processus de { $service } a été tué par SIGKILL, très probablement par l'OOM killer du noyau
    .remediation = Vérifiez si le conteneur a atteint sa limite mémoire (docker inspect affiche State.OOMKilled ; dmesg affiche "Memory cgroup out of memory"), puis augmentez la limite ou réduisez la mémoire utilisée par la commande tuée.

kernel-and-filesystem-no-space-left =
    .title = { $service } ne peut pas écrire : plus d'espace disponible sur le périphérique (ENOSPC)
    .remediation = Libérez de l'espace sur le système de fichiers qui contient les données (pour le stockage propre à Docker, /var/lib/docker : docker system prune, supprimez les images et volumes inutilisés et les journaux json-file trop volumineux, et réglez max-size pour les journaux), ou agrandissez le volume. Si df montre de l'espace libre, vérifiez les inodes (df -i) et le système de fichiers qui contient réellement le chemin, qui peut être un montage séparé ou le disque de la VM de Docker Desktop.

kernel-and-filesystem-disk-quota-exceeded =
    .title = { $service } ne peut pas écrire : le quota disque est dépassé (EDQUOT)
    .remediation = Le quota utilisateur ou projet du système de fichiers est épuisé (fréquent avec Docker rootless sous un répertoire personnel, avec les répertoires personnels sur NFS et avec les quotas de projet XFS) : supprimez des données (docker system prune pour le ~/.local/share/docker de Docker rootless), demandez un quota plus grand, ou déplacez la racine des données de Docker vers un système de fichiers sans ce quota.

kernel-and-filesystem-shm-exhausted =
    .title = les processus workers de { $service } ont manqué de mémoire partagée : /dev/shm est plein
    .remediation = Donnez au conteneur un /dev/shm plus grand : shm_size: 2gb dans compose (--shm-size=2g avec docker run ; Kubernetes : un emptyDir avec medium: Memory monté sur /dev/shm), ou utilisez moins de workers DataLoader (num_workers=0 évite la mémoire partagée).

kernel-and-filesystem-read-only-file-system =
    .title = { $service } ne peut pas écrire sur un système de fichiers en lecture seule (EROFS)
    .remediation = Le système de fichiers racine du conteneur, ou le montage qui contient le chemin, est en lecture seule : montez-y un volume accessible en écriture ou un tmpfs (tmpfs: [/tmp, /var/run] dans compose), retirez l'option :ro de ce volume, ou enlevez read_only: true. Si le chemin est sur un volume de l'hôte qui était auparavant accessible en écriture, le noyau l'a peut-être remonté en lecture seule après des erreurs disque : vérifiez dmesg et les options de montage.

kernel-and-filesystem-eacces-path =
    .title = { $service } n'a pas le droit d'accéder à { $path } (permission denied, EACCES)
    .remediation = L'utilisateur du conteneur (son uid, pas son nom) n'a pas le droit de lire ou d'écrire { $path }. Pour un bind mount, faites un chown du répertoire de l'hôte vers cet uid (ou lancez le conteneur avec un user: qui correspond au propriétaire sur l'hôte) ; pour un volume nommé, corrigez le propriétaire une fois pour toutes (docker run --rm -v VOLUME:/data alpine chown -R UID:GID /data). Sur les hôtes SELinux, ajoutez :z au bind mount.

kernel-and-filesystem-eacces-os-error =
    .title = { $service } s'est vu refuser l'accès à un fichier ou à un répertoire (permission denied, os error 13)
    .remediation = L'utilisateur du conteneur (son uid) n'a pas le droit d'écrire dans son répertoire de données : faites un chown du répertoire de l'hôte monté en bind mount vers l'uid sous lequel tourne l'image (sa documentation ou docker image inspect indique le User), ou lancez le conteneur avec un user: propriétaire du répertoire.

kernel-and-filesystem-operation-not-permitted =
    .title = { $service } ne peut pas modifier { $path } : operation not permitted (EPERM)
    .remediation = Le système de fichiers sous { $path } refuse les changements de propriétaire ou de mode : typiquement un bind mount depuis un partage SMB/CIFS, un lecteur Windows ou un export NFS avec root_squash. Utilisez plutôt un volume Docker nommé (ou un répertoire Linux local) pour les données, ou fixez le bon propriétaire sur l'hôte et sautez le chown/chmod. Si des capabilities sont retirées, gardez CHOWN et FOWNER.

kernel-and-filesystem-file-not-found =
    .title = { $service } ne peut pas accéder à { $path } ({ $op }) : le fichier n'existe pas dans le conteneur
    .remediation = Faites exister { $path } dans le conteneur : montez ou copiez (COPY) le fichier à cet endroit, et donnez au programme le chemin côté conteneur (avec -v /host/dir:/config, le fichier est /config/NAME, pas le chemin de l'hôte). Un chemin relatif est résolu par rapport au répertoire de travail du conteneur.

kernel-and-filesystem-config-is-a-directory =
    .title = { $path } est un répertoire là où { $service } attend un fichier : le fichier de l'hôte monté en bind mount n'existait pas, donc Docker a créé un répertoire
    .remediation = Créez le fichier sur l'hôte à l'emplacement source du bind mount (et supprimez le répertoire vide que Docker y a créé), ou corrigez le chemin source dans la définition du volume, puis recréez le conteneur.

kernel-and-filesystem-bind-mount-source-missing =
    .title = la source { $path } du bind mount n'existe pas sur l'hôte
    .remediation = Créez { $path } sur l'hôte (mkdir -p { $path }, ou créez le fichier) ou corrigez le chemin de l'hôte dans la définition du volume, puis redémarrez le conteneur.

kernel-and-filesystem-too-many-open-files =
    .title = { $service } n'a plus de descripteurs de fichiers (EMFILE: too many open files)
    .remediation = Augmentez la limite de fichiers ouverts du conteneur : ulimits: nofile: soft et hard à 65536 dans compose (--ulimit nofile=65536:65536 avec docker run), ou LimitNOFILE pour dockerd lui-même. Si le nombre de descripteurs ouverts (ls /proc/PID/fd | wc -l) ne cesse de croître sous une charge stable, le programme a une fuite de descripteurs, et une limite plus haute ne fait que retarder la panne.

kernel-and-filesystem-illegal-instruction =
    .title = { $service } a planté avec SIGILL (illegal instruction) : le binaire utilise des instructions que ce CPU ou cette VM ne propose pas
    .remediation = Le programme (souvent un TensorFlow ou un PyTorch précompilé, MongoDB >= 5, ou une bibliothèque compilée avec -march=native) a besoin d'AVX/AVX2/SSE4.2 ou équivalent. Vérifiez les flags du CPU de l'hôte (grep -o -w 'avx2\|avx\|sse4_2' /proc/cpuinfo) ; sur une VM, réglez le type de CPU sur host (le kvm64 par défaut de Proxmox les masque), ou utilisez une build du programme sans ces instructions.

kernel-and-filesystem-glibc-x86-64-level =
    .title = l'image de { $service } exige un CPU x86-64-v{ $level }, et ce CPU (ou son modèle de CPU virtuel) est plus ancien
    .remediation = La glibc de l'image (bases RHEL 9 / UBI 9 / Rocky 9 / Wolfi et Chainguard récentes) exige x86-64-v{ $level } (SSE4.2, POPCNT...). Sur une VM, changez le type de CPU pour host ou x86-64-v{ $level }-AES au lieu de kvm64/qemu64 ; sinon, épinglez un tag d'image plus ancien ou une image construite sur une distribution pour x86-64 de base.

kernel-and-filesystem-go-amd64-level =
    .title = le binaire Go de { $service } a été compilé pour GOAMD64=v{ $level }, que ce CPU (ou son modèle de CPU virtuel) ne prend pas en charge
    .remediation = Utilisez une build du programme pour amd64 de base (beaucoup de projets publient une variante amd64-v1 ou compatible), recompilez-le avec GOAMD64=v1 ou, sur une VM, changez le type de CPU pour host au lieu de kvm64/qemu64.

kernel-and-filesystem-tensorflow-cpu-feature-missing =
    .title = la build TensorFlow de { $service } a besoin des instructions { $feature }, que ce CPU (ou son modèle de CPU virtuel) n'a pas
    .remediation = Exécutez sur un CPU doté de { $feature } (sur une VM, réglez le type de CPU sur host), ou installez une build de TensorFlow compilée sans { $feature } (une version plus ancienne, un wheel no-AVX communautaire, ou une build depuis les sources).

kernel-and-filesystem-tensorflow-cpu-notice =
    .title = TensorFlow signale que le CPU prend en charge { $features }, que cette build n'utilise pas ; rien d'anormal
    .remediation = Rien à corriger : c'est un message d'information au démarrage. Définissez TF_CPP_MIN_LOG_LEVEL=1 pour le masquer, ou utilisez une build compilée pour ces instructions si la vitesse du CPU compte.

kernel-and-filesystem-segmentation-fault =
    .title = un processus de { $service } a planté sur une erreur de segmentation (SIGSEGV)
    .remediation = Un plantage natif : regardez ce que faisait le processus en dernier, épinglez l'image ou la version de dépendance précédente si le problème est apparu après une mise à jour, et vérifiez les modules natifs compilés pour une autre libc ou un autre CPU (Alpine contre Debian, binaires précompilés). Un core dump, ou une exécution sous gdb/catchsegv, donne la frame fautive.

kernel-and-filesystem-aborted =
    .title = un processus de { $service } s'est interrompu (SIGABRT) : une assertion en échec ou une erreur fatale qu'il a lui-même détectée
    .remediation = Lisez la ligne juste avant : les programmes s'interrompent après avoir affiché pourquoi (une exception C++, une assertion en échec, la vérification CPU de TensorFlow, le message de corruption du tas de glibc). Corrigez cette cause ; l'abort lui-même n'est que la manière dont le processus se termine.

kernel-and-filesystem-bus-error =
    .title = un processus de { $service } a planté sur une erreur de bus (SIGBUS)
    .remediation = Dans les conteneurs, c'est le plus souvent un /dev/shm plein (64 Mo par défaut) : augmentez shm_size (--shm-size). Sinon, un fichier mappé en mémoire a été tronqué sous les pieds du processus, ou le binaire est mal aligné pour ce CPU.
