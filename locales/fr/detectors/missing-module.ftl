missing-module-python-package-title = le paquet Python « { $module } » n'est pas installé dans l'image de { $service }
missing-module-python-package-fix = Installez { $pip } dans l'image : ajoutez-le à requirements.txt et reconstruisez l'image.
missing-module-python-package-step-add = Ajoutez `{ $pip }` (figé à la version pour laquelle le code a été écrit) à requirements.txt, vérifiez que le Dockerfile l'installe (`RUN pip install --no-cache-dir -r requirements.txt`, dans l'étape livrée), puis reconstruisez l'image et recréez le conteneur.
missing-module-python-package-step-ci = Importez l'application pendant la construction de l'image ou en CI (`python -c 'import main'`), pour qu'une dépendance manquante fasse échouer le build plutôt que le déploiement.

missing-module-transitive-title = le paquet Python « { $module } », requis par le paquet installé { $needed_by }, n'est pas installé dans l'image de { $service }
missing-module-transitive-fix = Installez { $pip }, qu'importe { $needed_by } : figez-le dans requirements.txt et reconstruisez l'image.
missing-module-transitive-step = Ajoutez `{ $pip }` à requirements.txt (ou installez { $needed_by } avec l'extra qui l'apporte), reconstruisez l'image et recréez le conteneur ; `pip check` dans l'image liste les autres dépendances cassées.

missing-module-submodule-title = le module « { $module } » n'existe pas dans le « { $parent } » installé dans { $service } : la version installée n'est pas celle qu'attend le code
missing-module-submodule-fix = Figez « { $parent } » à la version pour laquelle le code a été écrit, ou importez-le depuis l'endroit où cette version le range.
missing-module-submodule-step = Figez la version de { $pip } dans requirements.txt, reconstruisez l'image et recréez le conteneur.

missing-module-project-title = le paquet du projet lui-même, « { $module } » ({ $root }/{ $module }), est dans l'image de { $service } mais pas dans le chemin d'import de Python (ce n'est pas un paquet pip manquant)
missing-module-project-title-likely = le paquet du projet lui-même, « { $module } », n'est très probablement pas dans le chemin d'import de Python dans { $service } : le script qui l'importe tourne depuis un sous-répertoire de { $root } (ce n'est pas un paquet pip manquant)
missing-module-project-fix = Mettez la racine du projet { $root } dans le chemin d'import (PYTHONPATH={ $root }), ou lancez le programme comme module depuis { $root }.
missing-module-project-step-pythonpath = Recréez le conteneur avec PYTHONPATH={ $root } ; Python trouve alors { $root }/{ $module } quel que soit le répertoire d'où tourne le script.
missing-module-project-step-image = Corrigez-le dans l'image : `ENV PYTHONPATH={ $root }` et `WORKDIR { $root }` dans le Dockerfile, ou lancez les scripts comme modules (`python -m package.script` depuis { $root }) plutôt que par leur chemin ; vérifiez qu'aucun volume n'est monté par-dessus { $root }.

missing-module-name-title = « { $name } » ne peut pas être importé depuis « { $module } » dans { $service } : { $why }
missing-module-name-why-circular = un import circulaire
missing-module-name-why-version = le { $package } installé n'est pas la version qu'attend le code
missing-module-name-why-undefined = « { $module } » ne le définit pas
missing-module-name-why-undefined-at = « { $module } » ({ $location }) ne le définit pas
missing-module-name-fix-circular = Cassez le cycle d'import qui passe par « { $module } » : déplacez le code partagé dans un troisième module, ou faites l'import dans la fonction qui en a besoin.
missing-module-name-fix-version = Figez dans requirements.txt la version de { $pip } qui fournit « { $name } », puis reconstruisez l'image.
missing-module-name-fix-undefined = Corrigez l'import ou définissez « { $name } » dans « { $module } » : le code de l'image n'est pas cohérent avec lui-même.
missing-module-name-step = { $fix } Reconstruisez ensuite l'image et recréez le conteneur.

missing-module-app-title-mount = le module d'application ASGI « { $module } » ne peut pas être importé dans { $service } : un volume monté sur { $mount } masque le code que l'image y contient
missing-module-app-title = le module d'application ASGI « { $module } » ne peut pas être importé dans { $service } : il n'est ni dans le répertoire de travail ({ $workdir }) ni dans PYTHONPATH
missing-module-app-fix = Indiquez le module au serveur : lancez-le depuis le répertoire qui contient { $module }.py, passez --app-dir, ou définissez PYTHONPATH.
missing-module-app-step = Vérifiez où se trouve { $module }.py dans l'image, puis réglez WORKDIR (ou `--app-dir`) sur ce répertoire, ou retirez le volume qui le masque, et recréez le conteneur.

missing-module-npm-title = le paquet npm « { $package } » n'est pas installé dans { $service }
missing-module-npm-fix = Ajoutez { $package } aux dépendances de package.json et installez-le dans l'image (npm ci), puis reconstruisez l'image.
missing-module-npm-step = Lancez `npm install { $package } --save` dans le projet, vérifiez que le Dockerfile lance `npm ci --omit=dev` après avoir copié package*.json, et qu'aucun volume n'est monté par-dessus node_modules ; reconstruisez l'image et recréez le conteneur.

missing-module-node-entry-title = le fichier d'entrée de { $service }, { $module }, n'est pas dans l'image (sortie du build non copiée, ou masquée par un volume)
missing-module-node-file-title = { $service } ne trouve pas le fichier du projet { $module } (pas copié dans l'image, ou une différence de casse dans son nom)
missing-module-node-file-fix = Faites en sorte que { $module } existe dans l'image : copiez la sortie du build (ou le fichier) dans le Dockerfile, et vérifiez l'orthographe et la casse du chemin.
missing-module-node-file-step = Corrigez l'étape COPY ou de build qui doit produire le fichier, reconstruisez l'image et recréez le conteneur.
