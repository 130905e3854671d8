broken-entrypoint-missing-title = { $role ->
        [command] la commande
       *[other] le point d'entrée
    } { $path } n'existe pas dans l'image : { $service } n'a donc jamais démarré
broken-entrypoint-missing-fix = Mettez { $path } dans l'image (avec COPY) ou faites pointer { $role ->
        [command] la commande
       *[other] le point d'entrée
    } vers l'emplacement réel du script, puis reconstruisez l'image et recréez { $service }.
broken-entrypoint-missing-step-look = Regardez ce que contient l'image là où pointe { $role ->
        [command] la commande
       *[other] le point d'entrée
    }.
broken-entrypoint-missing-step-fix = Corrigez la destination du COPY ou le chemin d'ENTRYPOINT/CMD dans le Dockerfile, reconstruisez l'image et recréez le conteneur.

broken-entrypoint-not-in-path-title = { $role ->
        [command] la commande
       *[other] le point d'entrée
    } « { $path } » est introuvable dans l'image (executable file not found in $PATH) : { $service } n'a donc jamais démarré
broken-entrypoint-not-in-path-fix = Installez { $path } dans l'image (un outil Python : ajoutez-le à requirements.txt ; un outil système : apt-get/apk), ou appelez-le par son chemin complet.
broken-entrypoint-not-in-path-step-look = Vérifiez si le programme existe quelque part dans l'image, et ce que vaut PATH.
broken-entrypoint-not-in-path-step-install = Installez { $path } dans le Dockerfile (dans l'étape livrée), reconstruisez l'image et recréez le conteneur.

broken-entrypoint-not-executable-title = impossible d'exécuter { $role ->
        [command] la commande
       *[other] le point d'entrée
    } { $path } : il lui manque le droit d'exécution
broken-entrypoint-not-executable-fix = Rendez { $file } exécutable : `chmod +x` dans le dépôt et `RUN chmod +x { $path }` (ou `COPY --chmod=755`) dans le Dockerfile, puis reconstruisez l'image.
broken-entrypoint-not-executable-step = Positionnez le bit d'exécution dans les sources (et dans git), ajoutez `RUN chmod +x { $path }` après le COPY dans le Dockerfile, reconstruisez l'image et recréez le conteneur.

broken-entrypoint-directory-title = { $role ->
        [command] la commande
       *[other] le point d'entrée
    } { $path } est un répertoire, pas un programme : { $service } n'a donc jamais démarré
broken-entrypoint-directory-fix = Faites pointer { $role ->
        [command] la commande
       *[other] le point d'entrée
    } vers le script ou le programme qui se trouve dans { $path }, pas vers le répertoire.
broken-entrypoint-directory-step = Corrigez ENTRYPOINT/CMD dans le Dockerfile (ou le fichier compose), reconstruisez l'image et recréez le conteneur.

broken-entrypoint-crlf-title = impossible d'exécuter { $role ->
        [command] la commande
       *[other] le point d'entrée
    } { $path } : sa ligne shebang se termine par \r (fins de ligne Windows)
broken-entrypoint-crlf-title-likely = impossible d'exécuter { $role ->
        [command] la commande
       *[other] le point d'entrée
    } { $path }, qui existe pourtant : sa ligne shebang se termine très probablement par \r (fins de ligne Windows)
broken-entrypoint-crlf-first-line-title = la ligne 1 de { $path } se termine par \r : le script a des fins de ligne Windows ; convertissez-le (dos2unix, ou eol=lf dans .gitattributes) et reconstruisez l'image
broken-entrypoint-crlf-fix = Convertissez { $file } en fins de ligne Unix (LF), reconstruisez l'image et recréez { $service }.
broken-entrypoint-crlf-step-confirm = Vérifiez-le : un \r avant le \n de la première ligne est le coupable.
broken-entrypoint-crlf-step-convert = Convertissez { $file } dans le contexte de build, reconstruisez l'image et recréez le conteneur.
broken-entrypoint-crlf-step-prevent = Empêchez le retour du problème : une ligne `*.sh text eol=lf` dans `.gitattributes` (puis `git add --renormalize .`), et éventuellement `RUN sed -i 's/\r$//' { $path }` dans le Dockerfile.

broken-entrypoint-loader-title = impossible d'exécuter { $role ->
        [command] la commande
       *[other] le point d'entrée
    } { $path }, qui existe pourtant : il est lié dynamiquement et son chargeur { $loader } n'est pas dans l'image
broken-entrypoint-loader-fix = Compilez { $file } en statique (par exemple CGO_ENABLED=0 pour Go), ou utilisez une image de base avec la bibliothèque C contre laquelle il a été lié ({ $loader } est le chargeur de glibc ou de musl).
broken-entrypoint-loader-step-look = Regardez quel chargeur et quelles bibliothèques le programme demande.
broken-entrypoint-loader-step-rebuild = Recompilez le programme en statique ou passez à une image de base qui a sa bibliothèque C, puis reconstruisez l'image et recréez le conteneur.

broken-entrypoint-architecture-title = { $role ->
        [command] la commande
       *[other] le point d'entrée
    } { $path } est un programme { $machine } (linux/{ $arch }) mais le moteur tourne en linux/{ $engine } : il a été compilé pour un autre processeur
broken-entrypoint-architecture-fix = Construisez l'image pour linux/{ $engine } (ou pour les deux plateformes), puis reconstruisez l'image et recréez { $service }.
broken-entrypoint-architecture-step = Reconstruisez pour la plateforme du moteur (`docker build --platform linux/{ $engine }`, ou `docker buildx build --platform linux/amd64,linux/arm64` pour les deux), puis recréez le conteneur.

broken-entrypoint-no-interpreter-title = impossible d'exécuter { $role ->
        [command] la commande
       *[other] le point d'entrée
    } { $path }, qui existe pourtant : son interpréteur manque (un binaire dont le chargeur ELF n'est pas dans l'image, ou une ligne #! terminée par \r)
broken-entrypoint-no-interpreter-fix = Trouvez ce dont { $path } a besoin : un binaire glibc dans une image musl ou scratch demande une compilation statique ou une image de base glibc ; un script demande des fins de ligne LF.
broken-entrypoint-no-interpreter-step-look = Regardez ce qu'est le fichier et quel interpréteur il demande.
broken-entrypoint-no-interpreter-step-rebuild = Compilez le programme en statique (par exemple CGO_ENABLED=0 pour Go) ou utilisez une image de base avec la libc contre laquelle il a été lié, ou convertissez le script en LF ; puis reconstruisez l'image et recréez le conteneur.

broken-entrypoint-interpreter-title = { $role ->
        [command] la commande
       *[other] le point d'entrée
    } { $path } ne peut pas démarrer : sa ligne #! demande { $interpreter }, qui n'est pas installé dans l'image
broken-entrypoint-interpreter-fix = Installez { $interpreter } dans l'image, ou changez la ligne #! du script pour un interpréteur présent dans l'image (par exemple /bin/sh).
broken-entrypoint-interpreter-step = Installez { $interpreter } dans le Dockerfile (Alpine : `RUN apk add --no-cache { $interpreter }`) ou changez la ligne #!, reconstruisez l'image et recréez le conteneur.

broken-entrypoint-exec-format-script-title = impossible d'exécuter { $role ->
        [command] la commande
       *[other] le point d'entrée
    } { $path } (exec format error) : le script n'a très probablement pas de ligne #!
broken-entrypoint-exec-format-title = impossible d'exécuter { $role ->
        [command] la commande
       *[other] le point d'entrée
    } { $path } (exec format error) : il est très probablement compilé pour une autre architecture de processeur que l'hôte
broken-entrypoint-exec-format-platform-title = impossible d'exécuter { $role ->
        [command] la commande
       *[other] le point d'entrée
    } { $path } (exec format error) : il est très probablement compilé pour une autre architecture de processeur que l'hôte (l'image indique { $platform })
broken-entrypoint-exec-format-fix = Compilez { $path } pour la plateforme de l'hôte (ou donnez une ligne #! au script), puis reconstruisez l'image et recréez { $service }.
broken-entrypoint-exec-format-step-compare = Comparez l'architecture du fichier avec celle de l'hôte.
broken-entrypoint-exec-format-step-rebuild = Reconstruisez pour la plateforme de l'hôte (`docker build --platform linux/amd64` ou `linux/arm64`, ou `docker buildx build --platform linux/amd64,linux/arm64` pour les deux), et commencez un script par `#!/bin/sh` ; puis recréez le conteneur.

broken-entrypoint-shell-title = { $role ->
        [command] la commande
       *[other] le point d'entrée
    } { $path } échoue : { $why }
broken-entrypoint-shell-title-at = { $role ->
        [command] la commande
       *[other] le point d'entrée
    } { $path } échoue à la ligne { $line } : { $why }
broken-entrypoint-shell-step-look = Regardez la ligne #! et la ligne en échec du script dans l'image.
broken-entrypoint-shell-step-fix = { $fix } Reconstruisez l'image et recréez le conteneur.
broken-entrypoint-shell-why-set-option = `set { $option }` est une option de bash, mais le script tourne sous /bin/sh (dash), qui ne l'a pas
broken-entrypoint-shell-fix-set-option = Commencez le script par `#!/bin/bash` (bash doit être dans l'image) ou retirez `{ $option }` de sa ligne `set`.
broken-entrypoint-shell-why-syntax = le shell rejette sa syntaxe ({ $message }) ; c'est ainsi qu'échoue de la syntaxe bash lancée par /bin/sh (dash)
broken-entrypoint-shell-fix-syntax = Lancez le script avec bash (`#!/bin/bash`) ou réécrivez la ligne en sh POSIX.
broken-entrypoint-shell-why-cd = le répertoire { $dir } n'existe pas dans le conteneur
broken-entrypoint-shell-fix-cd = Créez { $dir } dans l'image ou corrigez le chemin dans le script (un \r en fin de ligne, dû aux fins de ligne Windows, provoque aussi cette erreur).
broken-entrypoint-shell-why-bashism = `{ $builtin }` est de la syntaxe bash, mais le script tourne sous /bin/sh (dash)
broken-entrypoint-shell-fix-bashism = Commencez le script par `#!/bin/bash` (bash doit être dans l'image) ou utilisez `.` et `[` de POSIX.
broken-entrypoint-shell-why-file = { $file } n'existe pas, ou sa ligne #! nomme un interpréteur qui n'existe pas (un \r à sa fin, dû aux fins de ligne Windows, produit cet effet)
broken-entrypoint-shell-fix-file = Vérifiez que { $file } est dans l'image et que sa première ligne est une ligne #! valide avec des fins de ligne LF.
broken-entrypoint-shell-why-command = la commande { $command } n'est pas installée dans l'image
broken-entrypoint-shell-fix-command = Installez { $command } dans l'image ou corrigez le nom ou le chemin de la commande dans le script.
broken-entrypoint-shell-why-other = le shell signale `{ $message }`
broken-entrypoint-shell-fix-other = Corrigez la ligne en échec du script.
