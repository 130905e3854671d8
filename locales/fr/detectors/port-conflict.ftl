# port-conflict : un port n'a pas pu être pris, quelqu'un d'autre le détient.
# $engine vaut yes quand Docker n'a pas pu publier le port, no quand le
# programme n'a pas pu écouter dessus.

port-conflict-title = { $service } n'a pas pu { $engine ->
        [yes] publier
       *[no] écouter sur
    } { $address } : { $holder }
port-conflict-title-own-port = { $service } n'a pas pu { $engine ->
        [yes] publier
       *[no] écouter sur
    } son port : { $holder }
port-conflict-held-by-container = le conteneur { $container } le publie déjà ({ $binding })
port-conflict-held-by-host-socket = un processus de l'hôte y écoute déjà ({ $listener })
port-conflict-held-by-host = le processus de l'hôte { $process } y écoute déjà
port-conflict-held-in-namespace = un autre processus du même conteneur (même espace de noms réseau) y écoute déjà
port-conflict-held-unknown-uncollected = un autre processus le détient (les sockets en écoute de l'hôte n'ont pas été collectés)
port-conflict-held-unknown = un autre processus le détient

port-conflict-no-port-summary = Trouvez le second processus en écoute dans { $service } et arrêtez-le.
port-conflict-no-port-step = Listez les processus du conteneur : deux d'entre eux veulent le même port.
port-conflict-summary = Libérez le port { $port } pour { $service }, ou donnez un autre port à { $service }.
port-conflict-step-confirm = Vérifiez qui détient le port.
port-conflict-step-systemd = Regardez si le pid { $pid } appartient à une unité systemd ou s'il s'agit d'un processus égaré.
port-conflict-step-stop-host = Si { $process } sur l'hôte est un service qui ne doit plus servir ce port, arrêtez-le et désactivez-le.
port-conflict-step-kill = S'il s'agit d'un processus égaré (un { $process } resté en place), arrêtez-le.
port-conflict-step-start = Une fois le port libéré, démarrez { $service }.
port-conflict-step-stop-container = Si { $holder } et { $service } ne doivent pas tourner côte à côte, arrêtez { $holder } et démarrez { $service }.
port-conflict-step-namespace = Listez les processus du conteneur : un second processus (un worker en double, un processus resté en place, un sidecar) écoute déjà sur le port.
port-conflict-step-republish = Ou bien publiez { $service } sur un port libre de l'hôte : { $edit }, vérifiez que ce port est libre et recréez le conteneur.
port-conflict-edit = à la ligne { $line } de { $file }, remplacez `"{ $spec }"` par `"{ $edited }"`
port-conflict-edit-variable = à la ligne { $line } de { $file }, remplacez `"{ $spec }"` par `"{ $edited }"` (la ligne contient `{ $text }` : le port de l'hôte vient d'une variable, définissez-la là où sont les variables du projet, par exemple son .env)
port-conflict-edit-mapping = changez sa publication de port en "{ $mapping }" (`ports:` de compose, ou `-p` de docker run)
