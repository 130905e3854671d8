# rules/dotnet.toml, en français.

dotnet-framework-missing =
    .title = le runtime .NET de l'image ne peut pas exécuter cette application : le framework qu'elle cible n'est pas installé
    .remediation = L'application a été compilée pour une version de .NET (ou un framework comme ASP.NET Core) que l'image ne contient pas : utilisez l'image runtime qui correspond au TargetFramework (mcr.microsoft.com/dotnet/aspnet:<version> pour les applications web, runtime:<version> sinon), ou changez la cible et recompilez l'application ; les lignes qui suivent celle-ci indiquent le framework manquant et ceux qui sont installés.

dotnet-framework-version-not-found =
    .title = il manque à l'image le framework .NET { $framework } { $version } dont l'application a besoin
    .remediation = Faites tourner l'application sur une image de base qui fournit { $framework } { $version } (pour Microsoft.AspNetCore.App, utilisez l'image aspnet, pas runtime), ou recompilez l'application pour la version présente dans l'image. Microsoft.WindowsDesktop.App n'existe pas sous Linux : une telle application ne peut pas tourner dans un conteneur Linux.

dotnet-assembly-not-found =
    .title = le runtime .NET ne trouve pas l'assembly { $assembly } { $version }
    .remediation = La DLL n'est pas dans la sortie publiée : vérifiez que le projet référence { $assembly } (PackageReference ou ProjectReference) et que l'image copie toute la sortie de dotnet publish ; les plugins chargés à l'exécution doivent être copiés à côté de l'application. Si c'est l'assembly d'entrée qui manque, l'ENTRYPOINT désigne la mauvaise DLL.

dotnet-assembly-version-mismatch =
    .title = le runtime .NET trouve { $assembly } mais pas la version { $version } avec laquelle l'application a été compilée
    .remediation = La sortie publiée mélange des versions : un { $assembly }.dll plus récent ou plus ancien que celui référencé au build (souvent une version du framework partagé différente de celle pour laquelle l'application a été compilée). Recompilez et publiez avec la version du framework de l'image runtime, et ne copiez pas par-dessus la sortie des DLL issues d'autres builds.

dotnet-native-library-not-found =
    .title = le runtime .NET ne peut pas charger la bibliothèque native { $library }
    .remediation = Un paquet fait un P/Invoke vers { $library }, qui n'est pas dans l'image (ou l'une de ses propres dépendances manque) : installez-la dans l'étape runtime (pour libgdiplus : apt-get install -y libgdiplus, et libc6-dev sur les images Debian), ou passez à une bibliothèque qui fournit ses binaires natifs pour linux-x64/linux-musl-x64. Lancez avec LD_DEBUG=libs pour voir quel fichier le chargeur a cherché.

dotnet-kestrel-address-in-use =
    .title = Kestrel ne peut pas écouter sur { $url } : l'adresse est déjà utilisée
    .remediation = Un autre processus de l'espace de noms réseau du conteneur occupe le port { $port } : avec network_mode: host, c'est un service de l'hôte (le mappage -p est alors ignoré), sinon un second serveur dans le même conteneur. Libérez le port ou déplacez Kestrel avec ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS (et vérifiez que du code comme UseKestrel, ou appsettings, ne le surcharge pas).

dotnet-socket-address-in-use =
    .title = un serveur .NET ne peut pas se lier à son port : adresse déjà utilisée (EADDRINUSE)
    .remediation = Un autre processus en écoute occupe le port dans cet espace de noms réseau ; la ligne Failed to bind au-dessus indique l'adresse. Libérez-le ou configurez un autre port.

dotnet-out-of-memory =
    .title = le runtime .NET a manqué de mémoire (OutOfMemoryException)
    .remediation = Le GC n'a pas pu satisfaire une allocation dans la mémoire que le conteneur a le droit d'utiliser : augmentez la limite mémoire du conteneur, plafonnez le heap en dessous de cette limite (DOTNET_GCHeapHardLimit ou DOTNET_GCHeapHardLimitPercent), envisagez le GC workstation pour les petits conteneurs (DOTNET_gcServer=0), et cherchez ce qui ne cesse de grossir.

dotnet-unhandled-exception =
    .title = le processus .NET est mort sur une exception non gérée ({ $exception })
    .remediation = Une exception est sortie de Main (ou d'un thread d'arrière-plan) et le runtime a terminé le processus ; son message et sa pile d'appels suivent sur les lignes d'après. Corrigez la cause indiquée ; au démarrage, c'est en général la configuration, un fichier manquant ou une dépendance injoignable.

dotnet-dataprotection-ephemeral-keys =
    .title = ASP.NET Core garde ses clés de data protection dans { $path }, à l'intérieur du conteneur
    .remediation = Un avertissement, pas une panne : l'application tourne. Les clés (cookies, jetons antiforgery) sont perdues quand le conteneur est recréé, ce qui déconnecte les utilisateurs ; montez un volume sur { $path } ou configurez un stockage de clés pour les conserver.

dotnet-dataprotection-no-xml-encryptor =
    .title = ASP.NET Core stocke la clé de data protection { $key } sans la chiffrer
    .remediation = Un avertissement de configuration par défaut, affiché au démarrage ; l'application fonctionne. Configurez ProtectKeysWith* si les clés doivent être chiffrées au repos.

dotnet-kestrel-overriding-addresses =
    .title = Kestrel ignore ASPNETCORE_URLS ({ $urls }) au profit des endpoints configurés dans le code ou dans appsettings
    .remediation = Un avertissement : le serveur écoute sur les endpoints de la configuration ou de UseKestrel(), pas sur { $urls }. Sans conséquence, sauf s'ils diffèrent du port que publie le conteneur.
