# rules/jvm.toml, en français.

jvm-main-class-not-found =
    .title = la JVM ne trouve pas la classe principale { $class }
    .remediation = La classe { $class } n'est pas dans le classpath avec lequel le conteneur démarre : le jar a été construit sans les classes de l'application (un COPY du mauvais répertoire avant le build), le Main-Class du manifeste ou la liste -cp est erroné, ou un volume masque le jar. Un nom qui se termine par .jar signifie qu'il manque `-jar` dans la commande. Vérifiez avec `jar tf` sur le jar présent dans l'image et corrigez le build ou le CMD du Dockerfile.

jvm-class-not-found =
    .title = la JVM ne peut pas charger la classe { $class } : elle n'est pas dans le classpath
    .remediation = Mettez le jar qui fournit { $class } dans le classpath d'exécution : déclarez la dépendance avec la portée runtime (pas provided/test) et reconstruisez un fat jar, ou copiez le répertoire des dépendances à côté du jar dans l'image. Un pilote JDBC ou un plugin chargé par son nom a lui aussi besoin de son jar dans l'image.

jvm-no-class-def-found =
    .title = la classe { $class } était présente à la compilation mais manque à l'exécution
    .remediation = Le classpath de l'image n'a pas le jar qui fournit { $class } (en général une dépendance non empaquetée dans le jar : construisez un fat jar avec le plugin Spring Boot, Shade ou Assembly, ou copiez les jars des dépendances dans l'image et listez-les dans -cp).

jvm-unsupported-class-version =
    .title = le runtime Java de l'image (fichiers de classe jusqu'à { $runtime }) est plus ancien que le Java pour lequel la classe { $class } a été compilée (fichier de classe { $compiled })
    .remediation = Les versions de fichier de classe correspondent aux versions de Java : 52 = Java 8, 55 = 11, 61 = 17, 65 = 21 (version majeure moins 44). Basez l'image d'exécution sur un JRE au moins aussi récent que le fichier de classe { $compiled } (pour 61.0, eclipse-temurin:17-jre ou plus récent), ou compilez avec un --release qui correspond au runtime. Une étape de build avec un JDK plus récent que l'étape d'exécution en est la cause habituelle.

jvm-unable-to-access-jarfile =
    .title = la commande du conteneur lance java -jar { $jar }, mais ce jar n'est pas dans le conteneur
    .remediation = Faites correspondre le chemin de CMD/ENTRYPOINT à l'endroit où le Dockerfile copie le jar (un { $jar } relatif est résolu par rapport à WORKDIR), vérifiez que le build a produit le jar sous ce nom (les noms versionnés changent à chaque release) et qu'aucun volume n'est monté sur son répertoire.

jvm-out-of-memory =
    .title = la JVM a manqué de mémoire ({ $what })
    .remediation = Donnez à la JVM davantage de la ressource qui a manqué, ou trouvez ce qui la remplit. Pour le tas, augmentez -Xmx (ou -XX:MaxRAMPercentage=75 pour que le tas suive la limite mémoire du conteneur) et augmentez la limite du conteneur en conséquence ; pour le Metaspace, augmentez -XX:MaxMetaspaceSize ou cherchez une fuite de class loader. Ajoutez -XX:+HeapDumpOnOutOfMemoryError -XX:+ExitOnOutOfMemoryError pour que le conteneur redémarre au lieu de continuer en mode dégradé.

jvm-invalid-heap-size =
    .title = la JVM refuse l'option de taille de tas { $which } { $value }
    .remediation = Corrigez la valeur -Xmx/-Xms que passe le conteneur (souvent construite à partir d'une variable d'environnement) : elle prend un nombre suivi d'une seule lettre d'unité, comme -Xmx1024m ou -Xmx1g. Une unité doublée (1024MM) vient d'une variable qui contient déjà l'unité ; une valeur vide, d'une variable non définie.

jvm-cannot-reserve-heap =
    .title = la JVM ne peut pas réserver le tas demandé
    .remediation = Le -Xmx que passe le conteneur dépasse l'espace d'adressage ou la mémoire que la JVM peut réserver : sur une JVM 32 bits (images armhf), le tas ne peut pas dépasser environ 1,5 Go, et une limite mémoire ou un ulimit -v inférieurs au tas provoquent aussi l'échec. Baissez -Xmx (vérifiez que l'image lit bien la variable que vous définissez : les noms sont sensibles à la casse), ou utilisez une image 64 bits.

jvm-unrecognized-vm-option =
    .title = la JVM refuse l'option { $option }
    .remediation = Supprimez ou corrigez { $option } dans JAVA_OPTS / la commande. Les options supprimées des JDK récents en sont la cause habituelle (UseCGroupMemoryLimitForHeap n'existe plus depuis le JDK 11, où les limites du conteneur sont détectées par défaut : utilisez -XX:MaxRAMPercentage ; MaxPermSize n'a plus d'effet depuis le JDK 8) ; une option collée à sa voisine (une espace manquante, ou -jar et le nom du fichier dans un seul argument en forme exec) échoue de la même façon.

jvm-unsatisfied-link =
    .title = la JVM ne peut pas charger une bibliothèque native : { $detail }
    .remediation = Un jar avec du code natif (JNI/JNA : Netty, RocksDB, Snappy, udev, ...) ne peut pas charger son .so dans cette image. Sur les images Alpine (musl), les bibliothèques compilées pour la glibc échouent avec 'Error loading shared library ld-linux-x86-64.so.2' : installez gcompat ou utilisez une image JRE basée sur Debian/Ubuntu ; sinon, installez le paquet système qui fournit la bibliothèque manquante nommée ci-dessus.

jvm-bind-address-in-use =
    .title = la JVM ne peut pas écouter : { $why }
    .remediation = Un autre processus de l'espace de noms réseau du conteneur occupe déjà le port (un second serveur dans le même conteneur, un sidecar qui partage le réseau avec network_mode: service:/container:, ou l'hôte avec network_mode: host), ou deux listeners de l'application sont configurés sur le même port. Trouvez-le avec `ss -ltnp` dans le conteneur et déplacez l'un des deux.

spring-web-server-port-in-use =
    .title = Spring Boot ne peut pas démarrer son serveur web : le port { $port } est déjà utilisé
    .remediation = Dans un conteneur, il s'agit d'un autre processus du même espace de noms réseau sur le port { $port } (une seconde application dans l'image, un conteneur qui partage le réseau, ou l'hôte avec network_mode: host), et non d'un conflit de port publié. Arrêtez-le, ou réglez server.port (SERVER_PORT) sur un port libre et publiez celui-là.

jvm-connection-refused =
    .title = une connexion depuis la JVM a été refusée : rien n'écoute à l'adresse qu'elle appelle
    .remediation = La dépendance est arrêtée ou n'écoute pas là où l'application la cherche. Dans un conteneur, localhost est le conteneur lui-même : faites pointer l'URL sur le nom du service (jdbc:postgresql://db:5432/...), assurez-vous d'abord que ce service est démarré et en bonne santé (depends_on avec condition: service_healthy), et vérifiez le port.

jvm-pgjdbc-connection-refused =
    .title = le pilote JDBC PostgreSQL ne peut pas se connecter à { $target } : connexion refusée
    .remediation = Rien n'accepte de connexions sur { $target }. Depuis un conteneur, localhost/127.0.0.1 est le conteneur lui-même : réglez l'URL JDBC (SPRING_DATASOURCE_URL) sur le nom de service de la base, par exemple jdbc:postgresql://db:5432/NAME, et ne démarrez l'application qu'une fois la base en bonne santé.

jvm-unknown-host =
    .title = la JVM ne peut pas résoudre le nom d'hôte { $host }
    .remediation = { $host } ne se résout pas depuis l'intérieur du conteneur. Utilisez le nom de service compose et mettez les deux services sur le même réseau ; le hostname propre d'un conteneur ou le nom d'une machine hôte n'est pas dans le DNS de Docker. Si { $host } est un service, vérifiez qu'il tourne (le nom d'un conteneur arrêté ne se résout plus).

jvm-pkix-path-building-failed =
    .title = Java ne fait pas confiance au certificat TLS du serveur auquel il se connecte (PKIX path building failed)
    .remediation = La chaîne de certificats du serveur ne remonte pas à une CA du truststore de la JVM : une CA privée ou d'entreprise, un proxy qui intercepte le TLS, ou une image ancienne avec un cacerts périmé. Importez la CA dans le truststore de l'image (keytool -importcert -cacerts, ou le mécanisme de l'image de base pour les CA supplémentaires), ou mettez à jour l'image de base ; ne désactivez pas la vérification.

spring-datasource-url-missing =
    .title = Spring Boot n'a pas d'URL de base de données : spring.datasource.url n'est pas défini
    .remediation = Fournissez l'URL au conteneur (SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/NAME, avec SPRING_DATASOURCE_USERNAME et _PASSWORD), ou activez le profil qui la contient (SPRING_PROFILES_ACTIVE). Si le service n'a besoin d'aucune base, excluez DataSourceAutoConfiguration ou retirez le starter JDBC.

spring-placeholder-unresolved =
    .title = Spring ne peut pas résoudre le placeholder { $placeholder } : aucune propriété ni variable d'environnement ne le fournit
    .remediation = Définissez { $placeholder } dans l'environnement du conteneur (environment: ou env_file: dans compose ; une propriété a.b est lue depuis la variable A_B), ou donnez au placeholder une valeur par défaut, placée après un deux-points à l'intérieur du placeholder, dans le fichier de configuration. Vérifiez que l'env_file est bien celui que compose charge réellement.

spring-bound-value-is-placeholder =
    .title = Spring Boot a reçu le placeholder non résolu de { $placeholder } : aucune variable d'environnement ni propriété nommée { $placeholder } n'est définie
    .remediation = Définissez { $placeholder } dans l'environnement du conteneur (vérifiez environment:/env_file: dans compose et que le nom de la variable correspond exactement), ou donnez au placeholder une valeur par défaut dans application.properties.

spring-bind-properties-failed =
    .title = Spring Boot rejette la valeur de { $property } : elle ne peut pas être convertie en { $type }
    .remediation = Corrigez la valeur donnée pour { $property } (le rapport d'échec montre la valeur et son origine : une variable d'environnement comme SERVER_PORT, un argument de ligne de commande ou un fichier de propriétés). Causes typiques : une URL là où un hôte est attendu, une unité ou du texte parasite dans un nombre, ou des guillemets que compose a transmis tels quels.

hikari-connection-not-available =
    .title = le pool de connexions { $pool } n'a pas pu obtenir de connexion à la base de données en { $ms } ms
    .remediation = Avec total=0 dans les statistiques du pool, la base est totalement injoignable (vérifiez l'URL, les identifiants et que la base est démarrée ; la première erreur de connexion du journal indique laquelle de ces causes). Avec active égal à la taille du pool, toutes les connexions sont occupées : cherchez des requêtes lentes ou des connexions jamais rendues, ou augmentez maximumPoolSize dans la limite du max_connections de la base.

jvm-pgjdbc-password-auth-failed =
    .title = PostgreSQL rejette le mot de passe que le pilote JDBC envoie pour l'utilisateur { $user }
    .remediation = Le mot de passe des paramètres de datasource de l'application (SPRING_DATASOURCE_PASSWORD ou l'URL JDBC) ne correspond pas à celui du rôle { $user }. POSTGRES_PASSWORD ne prend effet qu'à l'initialisation du volume de données : avec un volume existant, changez le mot de passe du rôle avec ALTER ROLE, ou recréez le volume si ses données sont jetables.

flyway-validate-failed =
    .title = Flyway refuse de migrer : l'historique de schéma de la base ne correspond pas aux migrations de cette image
    .remediation = Une migration déjà appliquée a été modifiée (checksum différent), ou une exécution précédente a échoué à mi-chemin. Annulez la modification et ajoutez plutôt une nouvelle migration, ou, si le changement est voulu et sans danger, lancez `flyway repair` sur la base pour réaligner l'historique ; pour une migration échouée, défaites d'abord ses changements partiels, puis lancez la réparation.

liquibase-validation-failed =
    .title = Liquibase refuse de migrer : des changesets déjà appliqués à la base ont changé
    .remediation = Les changesets listés après cette ligne ('was: ... but is now: ...') ont été modifiés après leur application. Annulez la modification et ajoutez un nouveau changeset ; si le changement est voulu, ajoutez un validCheckSum à ces changesets ou lancez `liquibase clear-checksums` pour que les checksums soient recalculés. Une mise à jour de Liquibase qui change les checksums se corrige de la même façon.

jvm-slf4j-no-binding =
    .title = SLF4J n'a trouvé aucun backend de journalisation et jette la sortie des journaux (un avertissement, pas une panne)
    .remediation = Rien n'est cassé : le programme tourne, seule sa sortie de journaux SLF4J est perdue. Ajoutez un binding (logback-classic, slf4j-simple) au classpath si vous voulez ces journaux.

spring-jpa-open-in-view-warning =
    .title = le rappel de Spring Boot qu'open-in-view est activé par défaut (un avertissement au démarrage, pas une panne)
    .remediation = Rien à corriger pour l'incident. Définissez spring.jpa.open-in-view explicitement (false est le choix habituel) pour faire taire ce message.

hikari-thread-starvation-warning =
    .title = HikariCP a constaté que son thread de maintenance a tourné avec { $delta } de retard (une pause, pas une panne)
    .remediation = En général un portable ou une VM mis en veille, une longue pause du GC ou un conteneur bridé en CPU. Cela ne vaut la peine d'agir que si cela se répète alors que l'hôte est éveillé : donnez alors plus de CPU au conteneur ou examinez les pauses du GC.

hikari-failed-to-validate-connection =
    .title = HikariCP a écarté une connexion périmée du pool et en a ouvert une autre (un avertissement, pas une panne)
    .remediation = La base de données ou un proxy a fermé une connexion inactive avant que le pool ne la retire ; le pool la remplace de façon transparente. Réglez maxLifetime un peu en dessous du délai d'inactivité du serveur ou du proxy pour faire disparaître l'avertissement.

jvm-deprecated-option-warning =
    .title = la JVM avertit que l'option { $option } est dépréciée depuis Java { $version } (elle fonctionne encore)
    .remediation = Rien à corriger pour l'incident : l'option est encore acceptée. Remplacez-la avant qu'elle ne soit supprimée (les options *RAMFraction par -XX:InitialRAMPercentage/-XX:MaxRAMPercentage), sinon la JVM refusera de démarrer avec une version ultérieure de Java.
