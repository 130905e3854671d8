# rules/mongodb.toml, en français.

mongodb-cpu-without-avx =
    .title = le CPU n'a pas AVX, qu'exigent MongoDB 5.0 et les versions suivantes
    .remediation = mongod 5.0+ est compilé pour des CPU avec AVX et meurt sur une instruction illégale sans lui. Utilisez mongo:4.4 (la dernière série sans cette exigence) ou faites tourner sur un CPU qui expose AVX ; dans une VM (Proxmox, VirtualBox, anciens modèles de CPU QEMU), réglez le type de CPU sur host pour que AVX soit transmis.

mongodb-arm-too-old =
    .title = le CPU ARM est antérieur à ARMv8.2-A, qu'exigent les builds actuels de MongoDB
    .remediation = MongoDB 5.0+ (et 4.4.19+) pour arm64 exige ARMv8.2-A, que n'ont pas le Raspberry Pi 4 et les autres cartes Cortex-A72. Utilisez mongo:4.4.18 ou antérieur sur ce matériel, ou faites tourner MongoDB sur une autre machine.

mongodb-feature-compatibility-version =
    .title = les fichiers de données ont le featureCompatibilityVersion { $fcv }, que ce mongod ne peut pas ouvrir
    .remediation = MongoDB se met à jour une version majeure à la fois. Si l'image est plus récente que les données : lancez sur le volume la version majeure qui suit { $fcv }, relevez la version avec db.adminCommand({"{"}setFeatureCompatibilityVersion: "<cette version majeure>"{"}"}) et répétez jusqu'à la cible. Si les données sont plus récentes que l'image, un tag non épinglé a bougé : épinglez l'image sur la version qui a écrit les données.

mongodb-dbpath-missing =
    .title = mongod ne trouve pas son répertoire de données { $path }
    .remediation = L'image officielle crée /data/db ; cela arrive quand la commande ou un fichier de configuration définit un autre dbPath ({ $path }) qui n'est ni monté ni créé. Montez un volume sur { $path }, ou faites pointer --dbpath / storage.dbPath vers le répertoire monté.

mongodb-no-space-left =
    .title = mongod n'a plus d'espace disque dans { $path }
    .remediation = Le système de fichiers qui contient le répertoire de données est plein. Libérez-le ou agrandissez-le (sous Docker Desktop, le disque de la VM : docker system prune, ou une image disque plus grande), puis relancez mongod.

mongodb-address-in-use =
    .title = mongod ne peut pas écouter : son adresse est déjà utilisée
    .remediation = Un autre processus dans l'espace de noms réseau du conteneur occupe le port : avec network_mode: host, un autre mongod sur l'hôte ou plusieurs conteneurs mongo dont les entrypoints lancent tous en même temps un serveur temporaire sur 127.0.0.1:27017 ; ou un mongod précédent (le serveur temporaire de l'entrypoint) qui n'avait pas encore libéré le port. Donnez à chaque serveur son propre port et évitez le réseau de l'hôte pour l'initialisation.

mongodb-authentication-failed =
    .title = MongoDB refuse l'authentification de { $user } sur la base { $db } ({ $error })
    .remediation = UserNotFound : l'utilisateur n'existe pas dans { $db } ; l'utilisateur root créé à partir de MONGO_INITDB_ROOT_USERNAME vit dans admin, le client a donc besoin de authSource=admin. AuthenticationFailed : mauvais mot de passe. MONGO_INITDB_ROOT_* ne s'appliquent que lorsque /data/db est vide : après les avoir changées sur un volume existant, modifiez l'utilisateur avec db.changeUserPassword ou recréez le volume.

mongodb-authentication-failed-legacy =
    .title = MongoDB refuse l'authentification de { $user } sur la base { $db } depuis { $client } ({ $error })
    .remediation = UserNotFound : l'utilisateur n'existe pas dans { $db } (l'utilisateur root de MONGO_INITDB_ROOT_USERNAME vit dans admin : utilisez authSource=admin). AuthenticationFailed : mauvais mot de passe. MONGO_INITDB_ROOT_* ne s'appliquent que lorsque /data/db est vide.

mongodb-client-authentication-failed =
    .title = un client MongoDB n'arrive pas à s'authentifier
    .remediation = La chaîne de connexion du client contient un mauvais utilisateur, mot de passe ou authSource. Un utilisateur créé via MONGO_INITDB_ROOT_USERNAME vit dans la base admin : ajoutez {"?authSource=admin"}. Ces variables ne prennent effet que sur un /data/db vide.

mongodb-initdb-credentials-incomplete =
    .title = l'entrypoint mongo n'a reçu qu'une seule des variables MONGO_INITDB_ROOT_USERNAME et MONGO_INITDB_ROOT_PASSWORD
    .remediation = Définissez à la fois MONGO_INITDB_ROOT_USERNAME et MONGO_INITDB_ROOT_PASSWORD pour { $service } (ou aucune des deux, pour un serveur sans authentification) ; vérifiez le .env ou l'env_file d'où elles viennent.

mongodb-init-server-died =
    .title = le { $program } temporaire que l'entrypoint mongo lance pour l'initialisation est mort
    .remediation = Regardez les lignes mongod juste au-dessus (un répertoire de données inutilisable, un port déjà utilisé, un CPU sans AVX, une mauvaise option dans la commande). L'initialisation ne s'exécute que tant que /data/db est vide ; corrigez la cause et supprimez le volume à moitié initialisé avant de réessayer.
