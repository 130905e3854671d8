# rules/python.toml, en français.

python-module-not-found =
    .title = { $service } ne peut pas importer le module Python { $module }
    .remediation = Si { $module } est un paquet tiers, ajoutez-le à requirements.txt (ou pyproject) et reconstruisez l'image ; si c'est le paquet du projet lui-même, le code n'est pas dans le chemin d'import : vérifiez WORKDIR, PYTHONPATH, l'invocation python -m et les volumes montés par-dessus le code, puis recréez le conteneur.

python-cannot-import-name =
    .title = { $service } ne peut pas importer { $name } depuis le module Python { $module }
    .remediation = Le module { $module } est installé mais ne contient pas { $name } : deux paquets sont à des versions incompatibles (une nouvelle version majeure a supprimé ce nom) ou le code du projet n'est plus en phase. Figez dans requirements.txt la version pour laquelle le code a été écrit (ou mettez à jour le paquet qui fait l'import), reconstruisez l'image et recréez le conteneur.

python-circular-import =
    .title = { $service } ne peut pas importer { $name } : import circulaire via le module Python { $module }
    .remediation = Deux modules s'importent mutuellement au chargement ({ $module } n'est qu'à moitié initialisé quand { $name } est demandé). Déplacez l'import dans la fonction qui en a besoin ou dans un troisième module, ou cherchez un fichier du projet qui porte le nom d'un paquet installé et le masque ; si le problème est arrivé avec une mise à jour de l'image, revenez au tag précédent en attendant un correctif.

python-shared-object-missing =
    .title = { $service } ne peut pas charger la bibliothèque native { $library } dont une extension Python a besoin
    .remediation = Le paquet Python est installé, mais le paquet système qui fournit { $library } n'est pas dans l'image (classique avec les bases -slim et Alpine : libGL.so.1 vient de libgl1, libgthread de libglib2.0-0). Installez-le avec apt-get ou apk dans le Dockerfile, ou utilisez la variante headless/wheel du paquet, puis reconstruisez l'image.

python-dll-load-failed =
    .title = { $service } ne peut pas charger la DLL derrière l'extension Python { $module }
    .remediation = Windows ne parvient pas à charger une DLL à laquelle l'extension { $module } est liée : installez dans l'image le runtime Visual C++ correspondant ou les dépendances natives du paquet, et assurez-vous que la wheel correspond à la version de Python et à l'architecture.

python-memory-error =
    .title = { $service } a manqué de mémoire dans Python (MemoryError)
    .remediation = Une allocation a échoué dans le processus (le conteneur lui-même n'a pas été tué). Vérifiez si la taille demandée vient d'un bug (une forme de tableau erronée, une lecture non bornée) ; sinon, augmentez la limite mémoire du conteneur (deploy.resources.limits.memory ou --memory) ou traitez les données par morceaux.

python-numpy-array-memory-error =
    .title = { $service } n'a pas pu allouer { $size } pour un tableau NumPy de forme { $shape }
    .remediation = NumPy a demandé { $size } et l'allocation a échoué. Si la forme { $shape } est plus grande que prévu, corrigez le code (un broadcast ou un mauvais axe) ; sinon, utilisez un dtype plus petit ou un traitement par morceaux, ou augmentez la limite mémoire du conteneur.

python-gunicorn-worker-sigkill =
    .title = un worker gunicorn de { $service } (pid { $pid }) a été tué par SIGKILL, très probablement par l'OOM killer
    .remediation = Le noyau a tué un worker : la limite mémoire du conteneur est inférieure à ce dont les workers ont besoin. Réduisez --workers (chaque worker garde sa propre copie de l'application), utilisez --preload pour partager la mémoire en lecture seule, limitez --max-requests pour recycler les workers qui fuient, ou augmentez la limite mémoire.

python-gunicorn-worker-signal-9 =
    .title = un worker gunicorn de { $service } (pid { $pid }) a été tué par le signal 9, très probablement par l'OOM killer
    .remediation = gunicorn 20.1 signale ainsi un worker tué par SIGKILL ; en l'absence de docker kill, c'est l'OOM killer du noyau. Réduisez --workers ou la mémoire utilisée par chaque requête, ou augmentez la limite mémoire du conteneur.

python-celery-worker-lost-sigkill =
    .title = un processus du pool Celery de { $service } a été tué par SIGKILL pendant l'exécution d'une tâche, très probablement par l'OOM killer
    .remediation = La tâche exécutée dans ce processus a utilisé plus de mémoire que le conteneur n'a le droit d'en avoir. Augmentez la limite mémoire, réduisez --concurrency, ou définissez worker_max_memory_per_child pour qu'un processus trop gros soit remplacé avant que le noyau ne le tue.

python-celery-pool-process-sigkill =
    .title = le processus { $process } du pool Celery de { $service } (pid { $pid }) a été tué par SIGKILL, très probablement par l'OOM killer
    .remediation = Augmentez la limite mémoire du conteneur ou réduisez --concurrency ; worker_max_memory_per_child recycle un processus avant qu'il ne dépasse la limite.

python-traceback =
    .title = { $service } a affiché une trace d'appels Python (traceback)
    .remediation = Lisez la dernière ligne de la trace d'appels (l'exception) et la dernière frame située dans le code du projet ; si la trace clôt le journal ou revient à chaque démarrage, c'est cette exception qui fait s'arrêter le processus.

python-fatal-error =
    .title = l'interpréteur Python de { $service } s'est arrêté brutalement : { $reason }
    .remediation = L'interpréteur lui-même est mort ({ $reason }). Une Segmentation fault désigne une extension C (figez ou mettez à jour le paquet natif ; lancez avec PYTHONFAULTHANDLER=1 pour obtenir la pile) ; un échec init_* signifie que le runtime n'a pas pu démarrer : un PYTHONHOME ou un PYTHONPATH cassé, ou, pour can't initialize time avec Operation not permitted sur les hôtes ARM 32 bits, un Docker et une libseccomp trop anciens pour l'image (mettez-les à jour).

python-gunicorn-worker-failed-to-boot =
    .title = gunicorn dans { $service } s'est arrêté parce qu'un worker n'a pas pu démarrer
    .remediation = gunicorn s'arrête quand un worker meurt pendant le chargement de l'application ; la vraie cause est l'exception affichée juste au-dessus (après Exception in worker process) : corrigez cette erreur d'import ou de configuration et recréez le conteneur.

python-gunicorn-app-failed-to-load =
    .title = gunicorn dans { $service } s'est arrêté parce qu'il n'a pas pu charger l'objet application
    .remediation = L'application WSGI désignée sur la ligne de commande de gunicorn est introuvable ou n'a pas pu être construite ; la ligne au-dessus dit pourquoi (Failed to find attribute, une erreur d'import). Corrigez l'argument module:variable ou la factory de l'application et recréez le conteneur.

python-gunicorn-app-attribute-missing =
    .title = gunicorn dans { $service } ne trouve pas { $attribute } dans le module { $module }
    .remediation = L'argument d'application { $module }:{ $attribute } désigne une variable que le module ne définit pas : pointez gunicorn sur le bon module:variable (ou module:factory() pour une factory d'application), ou corrigez le module qui doit créer { $attribute }.

python-gunicorn-exception-in-worker =
    .title = un worker gunicorn de { $service } a levé une exception au démarrage
    .remediation = La trace d'appels qui suit nomme l'exception levée par l'application au chargement ; corrigez-la à la source (module manquant, paramètre manquant, dépendance injoignable au moment de l'import).

python-gunicorn-connection-in-use =
    .title = gunicorn dans { $service } ne peut pas écouter sur { $host }:{ $port } : l'adresse est déjà utilisée
    .remediation = Un autre processus du même espace de noms réseau écoute déjà sur le port { $port } : un second gunicorn lancé par supervisord ou par l'entrypoint, un processus résiduel, ou un autre service qui partage network_mode: host. Arrêtez le doublon ou écoutez sur un autre port.

python-gunicorn-cant-connect =
    .title = gunicorn dans { $service } a renoncé à écouter sur { $host }:{ $port } et s'est arrêté
    .remediation = gunicorn a retenté le bind cinq fois puis a abandonné. Si l'adresse est déjà utilisée, arrêtez l'autre processus à l'écoute sur le port { $port } ; si l'hôte est :: sur une machine où IPv6 est désactivé, écoutez plutôt sur 0.0.0.0 (--bind 0.0.0.0:{ $port } ou le paramètre d'adresse d'écoute de l'image).

python-gunicorn-worker-timeout =
    .title = gunicorn dans { $service } a tué le worker { $pid } : il n'a pas répondu dans le délai imparti
    .remediation = Le processus maître tue un worker resté muet pendant --timeout secondes (30 par défaut) et en démarre un nouveau ; la requête qu'il traitait échoue (une 502 au niveau du proxy). Trouvez ce que la requête attend (une base de données ou une API lente ou injoignable, un long calcul, un modèle chargé à la première requête) ; n'augmentez --timeout que pour un travail légitimement long, ou utilisez --worker-class gthread avec --threads, et donnez au conteneur assez de CPU.

python-gunicorn-worker-sigterm =
    .title = un worker gunicorn de { $service } a été arrêté par SIGTERM lors d'un arrêt propre ou d'un rechargement
    .remediation = Rien à faire : gunicorn 21 et les versions suivantes journalisent ainsi chaque worker qu'elles arrêtent quand le conteneur est arrêté ou rechargé.

python-gunicorn-worker-signal-15 =
    .title = un worker gunicorn de { $service } a été arrêté par SIGTERM
    .remediation = Rien à faire : gunicorn 20.1 journalise cet avertissement pour chaque worker qu'il termine quand le conteneur s'arrête ou que les workers sont recyclés.

python-gunicorn-invalid-request =
    .title = gunicorn dans { $service } a rejeté une requête malformée venant de { $client }
    .remediation = Rien à faire côté service : un client (souvent un scanner, ou du TLS envoyé sur le port HTTP en clair) a envoyé quelque chose qui n'est pas du HTTP et a reçu une 400.

python-uvicorn-app-module-not-found =
    .title = uvicorn dans { $service } ne peut pas importer le module de l'application { $module }
    .remediation = uvicorn ne dit cela que lorsque le module de l'application lui-même n'est pas importable (une dépendance manquante à l'intérieur apparaît plutôt sous la forme d'une traceback ModuleNotFoundError) : lancez uvicorn depuis le répertoire qui contient { $module }, ou définissez --app-dir / PYTHONPATH, et vérifiez qu'aucun volume n'est monté par-dessus le code de l'image.

python-uvicorn-app-attribute-not-found =
    .title = uvicorn dans { $service } ne trouve pas { $attribute } dans le module { $module }
    .remediation = Le module { $module } s'importe mais ne définit pas { $attribute } : corrigez l'argument module:attribute (pour une factory, ajoutez --factory), ou le code qui doit créer l'application ASGI.

python-uvicorn-import-string-format =
    .title = uvicorn dans { $service } a reçu l'application { $app }, qui n'a pas la forme module:attribute
    .remediation = uvicorn attend module:attribute, par exemple main:app ; corrigez la commande ou la variable qui la construit (une valeur vide signifie que la variable n'était pas définie).

python-asyncio-bind-in-use =
    .title = { $service } ne peut pas écouter sur { $host }:{ $port } : l'adresse est déjà utilisée
    .remediation = Un autre processus du même espace de noms réseau occupe le port { $port } : un second serveur lancé par l'entrypoint ou par --reload/--workers sans la garde if __name__ == '__main__', un processus résiduel, ou un autre service en network_mode: host. Arrêtez-le ou choisissez un autre port.

python-asyncio-bind-cannot-assign =
    .title = { $service } ne peut pas écouter sur { $host }:{ $port } : cette adresse n'existe pas dans le conteneur
    .remediation = L'hôte d'écoute ({ $host }) n'est pas une adresse de ce conteneur (une adresse IPv6 alors qu'IPv6 est désactivé, ou une IP de la machine hôte). Écoutez sur 0.0.0.0 (ou ::) avec --host, ou avec le paramètre d'hôte de l'application.

python-uvicorn-log-level-invalid =
    .title = uvicorn dans { $service } rejette le niveau de journalisation { $level }
    .remediation = --log-level (et UVICORN_LOG_LEVEL) d'uvicorn n'acceptent que critical, error, warning, info, debug ou trace, en minuscules ; { $level } n'en fait pas partie. Mettez la valeur en minuscules (LOG_LEVEL est souvent partagé avec le logging de Python, qui veut des majuscules), puis recréez le conteneur.

python-argparse-log-level-invalid =
    .title = { $service } rejette le niveau de journalisation { $level } passé à { $option }
    .remediation = Le programme n'accepte pour { $option } que les choix listés (voir la ligne usage, souvent en minuscules) ; { $level } n'en fait pas partie. Corrigez la valeur, le plus souvent une variable d'environnement développée dans la commande, et recréez le conteneur.

python-logging-unknown-level =
    .title = le logging Python de { $service } rejette le niveau { $level }
    .remediation = Le module standard logging n'accepte que des noms en majuscules (CRITICAL, ERROR, WARNING, INFO, DEBUG) ou des entiers ; { $level } n'est ni l'un ni l'autre (un LOG_LEVEL en minuscules, un nombre passé sous forme de chaîne, des espaces parasites, ou un niveau que le code n'a jamais enregistré). Corrigez la valeur ou mettez-la en majuscules dans le code, puis recréez le conteneur.

python-logging-level-not-string =
    .title = le logging Python de { $service } a reçu le niveau { $level }
    .remediation = Un niveau None signifie que le code a passé au logging une variable d'environnement non définie (os.getenv('LOG_LEVEL')) : définissez la variable, ou donnez à la lecture une valeur par défaut comme INFO.

python-uvicorn-startup-failed =
    .title = l'application ASGI de { $service } a échoué dans son handler de démarrage et uvicorn s'est arrêté
    .remediation = Le code de démarrage lifespan (configuration, connexion à la base de données, chargement de modèle) a levé une exception ; l'exception affichée juste au-dessus en est la cause. Corrigez-la et recréez le conteneur.

python-uvicorn-exception-in-asgi-app =
    .title = une requête vers { $service } a échoué sur une exception non gérée dans l'application ASGI
    .remediation = Une requête a levé une exception (une 500 pour le client) ; la trace d'appels qui suit nomme l'exception. Le serveur continue de tourner : corrigez le handler, ou la dépendance qu'il appelait.

python-uvicorn-invalid-http-request =
    .title = uvicorn dans { $service } a abandonné une requête qui n'était pas du HTTP valide
    .remediation = Rien à faire côté service : un client a envoyé des octets qu'uvicorn n'a pas pu analyser (un scanner, du TLS vers un port HTTP en clair, un proxy exotique). Le serveur continue de servir.

python-celery-cannot-connect-broker =
    .title = le worker Celery de { $service } ne peut pas joindre son broker { $url }
    .remediation = L'URL du broker désigne un hôte que le worker ne peut pas joindre ({ $reason }). Dans un conteneur, localhost est le conteneur lui-même : utilisez le nom de service compose du broker ; sinon, vérifiez que le conteneur du broker tourne et est sur le même réseau, ainsi que le port.

python-celery-broker-connection-lost =
    .title = le worker Celery de { $service } a perdu sa connexion au broker
    .remediation = Le broker (Redis ou RabbitMQ) a fermé la connexion ou a disparu ; vérifiez si le conteneur du broker a redémarré ou a été tué par l'OOM killer à ce moment-là. Le worker se reconnecte tout seul dès que le broker est de retour.

python-celery-unregistered-task =
    .title = le worker Celery de { $service } ne connaît pas la tâche { $task } et l'a écartée
    .remediation = Le producteur a envoyé { $task } mais le worker n'a jamais importé le module qui la définit : ajoutez le module à include= ou faites en sorte qu'autodiscover_tasks le trouve, alignez le nom de la tâche (name= explicite ou même chemin d'import des deux côtés), et redémarrez le worker depuis la même version d'image que le producteur.

python-celery-superuser-warning =
    .title = le worker Celery de { $service } tourne en root
    .remediation = Ce n'est pas une panne : Celery avertit à chaque démarrage quand le worker tourne avec l'uid 0. Lancez-le avec un utilisateur non privilégié (USER dans le Dockerfile ou --uid) pour faire taire l'avertissement.

python-django-secret-key-empty =
    .title = Django dans { $service } n'a pas de SECRET_KEY
    .remediation = settings.py lit SECRET_KEY dans l'environnement (souvent DJANGO_SECRET_KEY ou SECRET_KEY) et n'a rien obtenu : définissez-la dans l'environnement ou l'env_file du service (vérifiez que le fichier .env est là où compose le cherche), puis recréez le conteneur.

python-django-environ-variable-missing =
    .title = Django dans { $service } a besoin de la variable d'environnement { $variable }
    .remediation = django-environ n'a trouvé ni { $variable } ni valeur par défaut : définissez-la dans l'environnement ou l'env_file du service ; si l'application lit un fichier .env, regardez l'UserWarning émis juste avant à propos de sa lecture.

python-django-settings-not-configured =
    .title = Django dans { $service } n'a pas de module de configuration : { $variable } n'est pas définie
    .remediation = Donnez à { $variable } le chemin pointé du module de configuration (par exemple project.settings) dans l'environnement du service, ou définissez-la dans manage.py/wsgi.py avant l'import de Django.

python-django-disallowed-host =
    .title = Django dans { $service } refuse les requêtes pour l'hôte { $name } (absent d'ALLOWED_HOSTS)
    .remediation = Les requêtes arrivent avec l'en-tête Host { $host } et reçoivent une 400. Ajoutez { $name } à ALLOWED_HOSTS (généralement via une variable d'environnement comme DJANGO_ALLOWED_HOSTS, valeurs séparées par des virgules, sans guillemets ni crochets) et recréez le conteneur ; derrière un proxy, faites-lui transmettre le nom d'hôte public.

python-psycopg-connection-refused =
    .title = { $service } ne peut pas se connecter à PostgreSQL sur { $host }:{ $port } : connexion refusée
    .remediation = Rien n'écoute sur { $host }:{ $port }. Si { $host } vaut localhost ou 127.0.0.1, c'est le conteneur de l'application lui-même : utilisez le nom de service compose de la base de données. Sinon, la base est arrêtée, encore en cours de démarrage (attendez-la avec un healthcheck et depends_on condition: service_healthy) ou écoute sur un autre port.

python-psycopg-could-not-connect =
    .title = { $service } ne peut pas se connecter à PostgreSQL : connexion refusée
    .remediation = La ligne suivante (Is the server running on host ...) nomme l'hôte et le port. S'il s'agit de localhost ou 127.0.0.1, c'est le conteneur de l'application lui-même : utilisez le nom de service compose de la base de données ; sinon, la base est arrêtée ou pas encore prête (depends_on avec condition: service_healthy).

python-psycopg-host-not-resolved =
    .title = { $service } ne peut pas résoudre le nom d'hôte PostgreSQL { $host }
    .remediation = Aucun conteneur ne répond au nom { $host } sur ce réseau ({ $reason }) : comparez le nom de service dans l'URL de la base au fichier compose, vérifiez que les deux services partagent un réseau et que le service de base de données existe et tourne ; un simple docker run n'est pas sur le réseau compose.

python-psycopg-password-failed =
    .title = PostgreSQL rejette le mot de passe de l'utilisateur { $user } pour { $service }
    .remediation = Le mot de passe que l'application envoie pour { $user } n'est pas celui que connaît la base. POSTGRES_PASSWORD ne s'applique qu'à la première initialisation du répertoire de données : si le volume existe déjà, changez le mot de passe dans la base (ALTER USER) ou recréez le volume, et alignez DATABASE_URL / DB_PASSWORD de l'application (encodez les caractères spéciaux pour l'URL).

python-psycopg-database-starting-up =
    .title = { $service } s'est connecté à PostgreSQL avant la fin de son démarrage
    .remediation = L'application a abandonné sa première connexion alors que la base était encore en récupération ou en initialisation. Ne la démarrez qu'une fois la base en bonne santé (un healthcheck pg_isready et depends_on avec condition: service_healthy) ou réessayez la connexion au démarrage.

python-connection-refused =
    .title = { $service } s'est vu refuser une connexion à une dépendance
    .remediation = Rien n'écoutait là où le programme s'est connecté : la dépendance est arrêtée ou encore en cours de démarrage, elle écoute sur un autre port, ou l'adresse est localhost à l'intérieur du conteneur (c'est-à-dire le conteneur lui-même). La frame au-dessus de l'erreur, ou la ligne de journal du programme qui la précède, nomme l'hôte et le port.

python-name-resolution-failed =
    .title = { $service } ne peut pas résoudre un nom d'hôte ({ $reason })
    .remediation = Le nom auquel le programme se connecte ne se résout pas sur le réseau du conteneur : comparez l'hôte de son URL aux noms de service compose, vérifiez que les deux conteneurs partagent un réseau et que le service cible existe. Name or service not known signifie que ce nom n'existe pas ; Temporary failure, que le résolveur n'a pas pu répondre.

python-redis-connection-error =
    .title = { $service } ne peut pas se connecter à Redis sur { $host }:{ $port } : { $reason }
    .remediation = Si { $host } vaut localhost, c'est le conteneur de l'application lui-même : utilisez le nom du service Redis du fichier compose. Sinon, vérifiez que le conteneur Redis tourne, qu'il est sur le même réseau et qu'il écoute sur { $port }.

python-redis-auth-failed =
    .title = Redis rejette les identifiants envoyés par { $service } : { $reason }
    .remediation = Le mot de passe de l'URL Redis de l'application ne correspond pas au requirepass du serveur (ou le serveur n'en a pas et le client en envoie un). Mettez REDIS_PASSWORD (ou l'URL) d'accord des deux côtés, encodez les caractères spéciaux pour l'URL, et recréez les deux conteneurs.

python-pydantic-field-required =
    .title = un paramètre obligatoire de { $service } est absent (pydantic : Field required)
    .remediation = La ligne au-dessus de celle-ci nomme le champ manquant ; pydantic-settings le lit dans la variable d'environnement du même nom (en majuscules, avec l'env_prefix du modèle, les champs imbriqués joints par l'env_nested_delimiter). Définissez-la dans l'environnement ou l'env_file du service et recréez le conteneur.

python-pydantic-settings-validation-error =
    .title = la configuration de { $service } ne passe pas la validation ({ $count } erreur(s) dans { $model })
    .remediation = Les lignes qui suivent cet en-tête nomment chaque champ et ce qui ne va pas : Field required signifie une variable d'environnement manquante, Input should be ... une valeur de type ou de format incorrect. Corrigez les variables ou le fichier de configuration et recréez le conteneur.

python-pydantic-input-invalid =
    .title = un paramètre de { $service } a une valeur que pydantic rejette : { $value } ({ $message })
    .remediation = La ligne au-dessus nomme le champ ; sa variable d'environnement ou sa valeur de configuration { $value } ne peut pas être interprétée ({ $error }). Une chaîne vide signifie généralement que la variable est déclarée mais sans valeur dans .env ou compose : donnez-lui une valeur valide ou supprimez-la pour que la valeur par défaut s'applique, puis recréez le conteneur.

python-sqlalchemy-dialect-not-found =
    .title = SQLAlchemy dans { $service } ne connaît aucun dialecte de base de données { $dialect }
    .remediation = Le schéma de l'URL de la base ne désigne aucun dialecte installé. postgres:// a été supprimé dans SQLAlchemy 1.4 : utilisez postgresql:// (ou postgresql+psycopg2://), corrigez les fautes de frappe et installez le pilote que réclame un suffixe +driver ; puis recréez le conteneur.

python-sqlalchemy-url-empty =
    .title = SQLAlchemy dans { $service } a reçu une URL de base de données vide
    .remediation = L'URL de la base est une chaîne vide, presque toujours une variable d'environnement non définie (DATABASE_URL, SQLALCHEMY_DATABASE_URI) : définissez-la dans l'environnement ou l'env_file du service et recréez le conteneur.

python-sqlalchemy-url-invalid =
    .title = SQLAlchemy dans { $service } ne parvient pas à analyser son URL de base de données
    .remediation = L'URL doit avoir la forme dialect+driver://user:password@host:port/database ; échappez ou encodez pour l'URL les caractères spéciaux du mot de passe (@ : / #), et vérifiez que le fichier env n'entoure pas la variable de guillemets superflus.

python-flask-app-not-located =
    .title = flask dans { $service } ne trouve pas l'application : FLASK_APP n'est pas définie
    .remediation = flask run n'a trouvé ni FLASK_APP (ou --app) ni wsgi.py ou app.py dans le répertoire de travail. Donnez à FLASK_APP le module (par exemple app:create_app()) dans l'environnement ou l'env_file du service, ou corrigez WORKDIR, et recréez le conteneur.

python-flask-could-not-import =
    .title = flask dans { $service } ne peut pas importer le module de l'application { $module }
    .remediation = FLASK_APP (ou --app) désigne { $module }, qui n'est pas importable depuis le répertoire de travail : corrigez la valeur ou le WORKDIR, et vérifiez qu'aucun volume ne masque le code.

python-werkzeug-port-in-use =
    .title = le serveur de développement Flask de { $service } ne peut pas écouter sur le port { $port } : il est déjà utilisé
    .remediation = Un autre processus de l'espace de noms réseau du conteneur occupe déjà le port { $port } (souvent un second serveur lancé par l'entrypoint, ou le reloader lancé deux fois) ; arrêtez-le ou utilisez un autre port.

python-werkzeug-development-server =
    .title = { $service } fait tourner le serveur de développement Werkzeug
    .remediation = Ce n'est pas une panne : Flask affiche ce message à chaque démarrage de flask run. En production, servez l'application avec gunicorn ou un autre serveur WSGI.

python-ssl-certificate-verify-failed =
    .title = { $service } ne fait pas confiance au certificat TLS d'un serveur qu'il appelle : { $reason }
    .remediation = unable to get local issuer certificate signifie que le bundle de CA de l'image ne contient pas l'émetteur (installez ca-certificates, mettez à jour certifi, ou ajoutez la CA d'entreprise ou celle d'un proxy d'interception et faites pointer SSL_CERT_FILE et REQUESTS_CA_BUNDLE dessus) ; Hostname mismatch signifie que l'hôte de l'URL ne figure pas dans le certificat ; certificate has expired signifie que le serveur doit renouveler son certificat.

python-ssl-wrong-version-number =
    .title = { $service } a parlé TLS à un port qui ne parle pas TLS
    .remediation = Le client a utilisé https:// (ou SMTP_SSL, rediss://, sslmode) vers un port en clair, ou l'inverse : utilisez http:// pour ce port, ou faites pointer le client sur le port TLS.

python-disk-full =
    .title = { $service } ne peut pas écrire : plus d'espace disponible sur le périphérique
    .remediation = Le système de fichiers visé par l'écriture est plein (ou à court d'inodes). Libérez de l'espace sur l'hôte ou le volume (docker system df, docker system prune, rotation des journaux) ; une écriture sous /dev/shm échoue au-delà des 64 Mo que Docker alloue par défaut : augmentez --shm-size (shm_size dans compose).

python-permission-denied =
    .title = { $service } n'a pas le droit d'ouvrir { $path } : permission refusée
    .remediation = L'utilisateur du processus ne peut pas écrire ou lire { $path }, en général un montage bind ou un volume nommé appartenant à un autre uid. Attribuez le répertoire à l'uid du conteneur (chown sur l'hôte, ou création avec le bon propriétaire dans le Dockerfile avant USER), ou lancez le service avec un user: correspondant, puis recréez le conteneur.

python-operation-not-permitted =
    .title = { $service } s'est vu refuser une opération (EPERM)
    .remediation = Le noyau a refusé l'appel d'emblée : chown/chmod sur un système de fichiers qui ne le permet pas (NFS, SMB, certains montages bind), une capability retirée, ou un profil seccomp qui bloque l'appel système (ancien Docker/libseccomp sur ARM 32 bits avec des images récentes). Vérifiez le système de fichiers du chemin, ou mettez à jour Docker et libseccomp.

python-file-not-found =
    .title = { $service } ne trouve pas { $path }
    .remediation = Le fichier { $path } n'est pas dans le conteneur : montez-le (vérifiez que le côté hôte du volume existe et est bien un fichier, pas un répertoire créé par Docker), copiez-le dans l'image, ou corrigez le chemin dans la commande ou la configuration ; les chemins relatifs dépendent de WORKDIR. Puis recréez le conteneur.

python-address-in-use =
    .title = { $service } ne peut pas écouter : l'adresse est déjà utilisée
    .remediation = Un autre processus du même espace de noms réseau occupe le port (une deuxième copie lancée par l'entrypoint, un reloader, ou un autre service en network_mode: host). Trouvez-le, arrêtez-le ou déplacez l'un des deux sur un autre port.

python-deprecation-warning =
    .title = { $service } a affiché un avertissement de dépréciation Python
    .remediation = Ce n'est pas une panne : une bibliothèque annonce un changement à venir. Traitez-le lors de la mise à jour de cette bibliothèque.

python-pip-root-warning =
    .title = pip dans { $service } avertit qu'il tourne en root
    .remediation = Ce n'est pas une panne : pip affiche ce message chaque fois qu'il installe en root, ce qui est normal dans un Dockerfile ou un entrypoint. Définissez PIP_ROOT_USER_ACTION=ignore pour le faire taire.

python-pip-new-release-notice =
    .title = pip dans { $service } annonce une version plus récente de pip
    .remediation = Ce n'est pas une panne. Définissez PIP_DISABLE_PIP_VERSION_CHECK=1 pour faire taire ce message.
