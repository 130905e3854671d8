# rules/shell-and-loader.toml, en français.

shell-and-loader-exec-format-error =
    .title = { $service } ne peut pas exécuter { $path } : exec format error (binaire compilé pour une autre architecture de CPU, ou script sans shebang)
    .remediation = Comparez l'architecture de l'image avec celle de l'hôte (docker image inspect affiche Architecture ; uname -m sur l'hôte) : récupérez ou construisez l'image pour cette plateforme (docker buildx build --platform linux/amd64,linux/arm64), ou ne définissez platform: dans compose que si l'émulation QEMU est installée. Si { $path } est un script, mettez #!/bin/sh (ou #!/usr/bin/env bash) sur sa toute première ligne.

shell-and-loader-exec-format-error-legacy =
    .title = l'entrypoint de { $service } ne peut pas être exécuté : exec format error (image construite pour une autre architecture de CPU, ou script sans shebang)
    .remediation = L'image (ou le binaire qu'elle contient) a été construite pour une autre architecture que celle de cet hôte, typiquement des images amd64 sur un Raspberry Pi ou des images arm64 sur x86 : utilisez le tag ou le manifest de l'image pour cette plateforme, ou reconstruisez-la avec docker buildx build --platform. Si l'entrypoint est un script, mettez #!/bin/sh sur sa toute première ligne.

shell-and-loader-cannot-execute-binary =
    .title = { $path } ne peut pas être exécuté : c'est un binaire pour une autre architecture ou un autre système d'exploitation
    .remediation = Téléchargez ou compilez { $path } pour l'architecture de cette machine (uname -m) ; un binaire arm64 sur x86_64, ou l'inverse, donne cette erreur. Dans une image, installez le paquet pour la plateforme de l'image au lieu de copier un binaire compilé ailleurs.

shell-and-loader-platform-mismatch =
    .title = { $service } fait tourner une image construite pour { $image_platform } sur un hôte { $host_platform }
    .remediation = Utilisez une image (ou un tag) publiée pour { $host_platform }, ou construisez-en une avec docker buildx build --platform { $host_platform }. Faire tourner des images { $image_platform } exige l'émulation QEMU binfmt sur l'hôte et c'est lent ; sans elle, le conteneur échoue avec exec format error.

shell-and-loader-qemu-loader-missing =
    .title = { $service } lance un binaire { $arch } sous émulation QEMU, mais l'image n'a pas de { $loader } : le binaire et l'image sont pour des architectures différentes
    .remediation = Mettez le binaire et l'image d'accord : construisez l'image pour la plateforme du binaire (docker build --platform linux/amd64, y compris sur Apple Silicon) ou installez/compilez le programme pour l'architecture propre à l'image (pour les paquets npm, réinstallez node_modules dans l'image au lieu de les copier depuis l'hôte).

shell-and-loader-exec-interpreter-missing =
    .title = { $service } ne peut pas lancer { $path } : son interpréteur est absent (un shebang CRLF tel que #!/bin/sh\r, #!/bin/bash dans une image sans bash, ou un binaire glibc dans une image musl/scratch)
    .remediation = Regardez la première ligne de { $path } : convertissez le script en fins de ligne LF (dos2unix, ou sed -i 's/\r$//' dans le Dockerfile, et *.sh text eol=lf dans .gitattributes), vérifiez que l'interpréteur qu'elle désigne existe dans l'image (Alpine n'a pas bash) ou, pour un binaire, utilisez une image de base avec la bibliothèque C contre laquelle il a été lié.

shell-and-loader-exec-interpreter-missing-legacy =
    .title = l'entrypoint de { $service } existe mais pas son interpréteur (un shebang CRLF, #!/bin/bash dans une image sans bash, ou un binaire glibc dans une image musl/scratch)
    .remediation = Vérifiez la première ligne du script d'entrypoint : convertissez-le en fins de ligne LF (dos2unix, *.sh text eol=lf dans .gitattributes) et vérifiez que l'interpréteur qu'elle désigne existe dans l'image (les images Alpine ont /bin/sh mais pas bash). Pour un binaire, utilisez une image de base avec la bibliothèque C contre laquelle il a été lié.

shell-and-loader-executable-not-found =
    .title = la commande { $command } de { $service } n'est pas installée dans l'image (executable file not found in $PATH)
    .remediation = Installez { $command } dans l'image (ajoutez-la à requirements.txt / package.json / la ligne d'installation apt ou apk, puis reconstruisez l'image), vérifiez que la dernière étape du build la copie, ou appelez-la par son chemin complet. Si la commande est une commande interne du shell ou une ligne de shell (cd, source, a && b), utilisez la forme shell ou ["sh", "-c", "..."].

shell-and-loader-entrypoint-not-found =
    .title = la commande { $path } de { $service } n'existe pas dans l'image
    .remediation = Corrigez le chemin dans ENTRYPOINT/CMD ou dans le command: de compose, vérifiez que la dernière étape du build copie { $path } (COPY) et qu'aucun volume n'est monté par-dessus son répertoire. /bin/bash n'existe pas dans les images basées sur Alpine : utilisez-y /bin/sh.

shell-and-loader-exec-permission-denied =
    .title = la commande { $command } de { $service } n'est pas exécutable (pas de bit +x, ou c'est un répertoire)
    .remediation = Rendez { $command } exécutable dans l'image : RUN chmod +x { $command } après le COPY (ou COPY --chmod=755), et commitez le fichier avec son bit exécutable (git update-index --chmod=+x). Vérifiez qu'un bind mount ne le remplace pas par une copie non exécutable, et que le chemin n'est pas un répertoire.

shell-and-loader-shell-permission-denied =
    .title = { $shell } ne peut pas lancer { $path } : le fichier n'est pas exécutable
    .remediation = Rendez { $path } exécutable dans l'image (RUN chmod +x { $path }, ou COPY --chmod=755), commitez-le avec son bit exécutable, ou lancez-le explicitement via le shell (sh { $path }). Un bind mount depuis l'hôte remplace la copie de l'image, droits compris.

shell-and-loader-crlf-bad-interpreter =
    .title = un script lancé par { $service } a des fins de ligne Windows (CRLF) : son shebang désigne { $interpreter }^M
    .remediation = Convertissez le script en fins de ligne LF (dos2unix, ou RUN sed -i 's/\r$//' script.sh dans le Dockerfile) et gardez-le ainsi avec *.sh text eol=lf dans .gitattributes ; Git sous Windows avec core.autocrlf=true les réécrit au checkout.

shell-and-loader-crlf-env-interpreter =
    .title = un script lancé par { $service } a des fins de ligne Windows (CRLF) : env cherche un interpréteur nommé { $interpreter } suivi d'un retour chariot
    .remediation = Convertissez le script en fins de ligne LF (dos2unix, ou RUN sed -i 's/\r$//' script.sh dans le Dockerfile) et ajoutez *.sh text eol=lf à .gitattributes pour que Git sous Windows cesse de le convertir.

shell-and-loader-crlf-script-line =
    .title = { $script } a des fins de ligne Windows (CRLF) : bash voit un retour chariot à la fin de la ligne { $line }
    .remediation = Convertissez { $script } en fins de ligne LF (dos2unix, ou RUN sed -i 's/\r$//' { $script } dans le Dockerfile) et gardez-le ainsi avec *.sh text eol=lf dans .gitattributes.

shell-and-loader-dash-illegal-option =
    .title = { $script } est exécuté par dash (/bin/sh), qui refuse set -{ $option } à la ligne { $line }
    .remediation = Exécutez le script avec bash : mettez #!/bin/bash (ou #!/usr/bin/env bash) sur sa première ligne et appelez-le directement ou avec bash au lieu de sh, ou retirez l'option propre à bash. Une option qui se termine par un '-' seul signifie que la ligne se termine par un retour chariot : convertissez le script en fins de ligne LF.

shell-and-loader-sh-command-not-found =
    .title = { $script } ne trouve pas la commande { $command } : elle n'est pas installée dans l'image ou pas dans le PATH
    .remediation = Installez { $command } dans l'image (pour un outil Python, ajoutez-le à requirements.txt ; pour un outil Node, aux dependencies) ou corrigez la ligne de commande. Un nom comme [gunicorn, signifie qu'un CMD en tableau JSON a été écrit avec une erreur de syntaxe et qu'il est exécuté comme une chaîne shell. Si { $command } est un script qui existe, vérifiez que son shebang n'a pas de fin de ligne CRLF.

shell-and-loader-env-cannot-execute =
    .title = un script lancé par { $service } a besoin de { $interpreter }, qui n'est pas installé dans l'image
    .remediation = Installez { $interpreter } dans l'image (apk add --no-cache { $interpreter } sur Alpine) ou changez le shebang du script en #!/bin/sh s'il n'a pas besoin de { $interpreter }.

shell-and-loader-tini-exec-failed =
    .title = tini ne peut pas lancer { $path } : { $reason }
    .remediation = No such file or directory pour un fichier qui existe signifie un shebang CRLF ou un interpréteur absent : convertissez { $path } en fins de ligne LF et vérifiez sa première ligne ; sinon corrigez le chemin. Permission denied : chmod +x { $path } dans l'image.

shell-and-loader-dumb-init-exec-failed =
    .title = dumb-init ne peut pas lancer { $path } : { $reason }
    .remediation = No such file or directory : corrigez le chemin ou, si { $path } existe, convertissez-le en fins de ligne LF et vérifiez que son interpréteur existe. Permission denied : chmod +x { $path } dans l'image. Exec format error : le binaire est pour une autre architecture, ou le script n'a pas de shebang.

shell-and-loader-gosu-not-permitted =
    .title = l'entrypoint de { $service } ne peut pas passer à l'utilisateur { $user } : le conteneur ne tourne pas en root ou n'a pas le droit de changer d'uid
    .remediation = Laissez l'entrypoint démarrer en root (retirez la surcharge user:/--user ; l'entrypoint de l'image abandonne lui-même ses privilèges) ou, si vous devez tourner en { $user } dès le départ, lancez le programme directement au lieu de passer par gosu. Si des capabilities sont retirées, gardez SETUID et SETGID (cap_add).

shell-and-loader-unknown-user =
    .title = l'utilisateur { $user } sous lequel { $service } doit tourner n'existe pas dans le /etc/passwd de l'image
    .remediation = Créez l'utilisateur dans l'image (RUN adduser / useradd { $user }), ou tournez avec un uid:gid numérique, qui n'a pas besoin d'entrée dans passwd. Vérifiez qu'aucun volume n'est monté par-dessus /etc ou /etc/passwd.

shell-and-loader-shared-library-missing =
    .title = { $service } ne peut pas charger la bibliothèque partagée { $library } : elle n'est pas installée dans l'image
    .remediation = Installez dans l'image le paquet système qui fournit { $library } (apt-get install / apk add ; par exemple libGL.so.1 vient avec libgl1 sur Debian), ou copiez-la depuis l'étape de build dans un build multi-étapes. ldd sur le binaire, dans l'image, liste d'un coup toutes les bibliothèques manquantes.

shell-and-loader-glibc-version-not-found =
    .title = { $program } a besoin de { $version }, mais la version de { $library } présente dans l'image est plus ancienne : il a été compilé sur une distribution plus récente que celle sur laquelle il tourne
    .remediation = Compilez et exécutez sur la même version de distribution : utilisez la même base (par exemple debian:bookworm-slim pour l'étape de build comme pour l'étape d'exécution), ou une image d'exécution au moins aussi récente que l'image de build. Pour des binaires Rust ou Go, une compilation statique (cible musl, CGO_ENABLED=0) évite cette dépendance.

shell-and-loader-musl-library-missing =
    .title = { $program } a besoin de { $library }, absente de cette image Alpine (musl)
    .remediation = Installez le paquet qui fournit { $library } (apk add --no-cache libstdc++ libgcc pour les programmes C++). Une bibliothèque nommée ld-linux-*.so.2 signifie que { $program } a été compilé pour glibc : compilez-le sur Alpine, utilisez une image basée sur Debian ou (en dernier recours) ajoutez gcompat.

shell-and-loader-musl-symbol-not-found =
    .title = { $program } utilise le symbole { $symbol }, que musl (Alpine) ne fournit pas : il a été compilé pour glibc ou il lui manque un runtime C++
    .remediation = Compilez { $program } sur Alpine (contre musl), ou exécutez-le sur une image basée sur glibc (Debian/Ubuntu). Si le symbole est un symbole C++ (_ZN..., __cxa_...), apk add libstdc++ libgcc peut suffire.

shell-and-loader-no-version-information =
    .title = le chargeur avertit que { $library } n'a pas d'information de version ; { $program } tourne quand même
    .remediation = Rien à faire, sauf si le programme échoue ensuite. L'avertissement signifie que { $program } a été lié à une autre build de { $library } que celle présente dans l'image ; utiliser le paquet de la distribution elle-même fait disparaître l'avertissement.
