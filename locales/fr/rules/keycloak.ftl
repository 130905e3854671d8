# rules/keycloak.toml, en français.

keycloak-unknown-option =
    .title = { $service } n'accepte pas l'argument de ligne de commande '{ $option }'
    .remediation = La commande du conteneur contient un argument que le programme ne connaît pas, et celui-ci s'arrête (kc.sh avec le code 2). Un élément de liste `command:` de compose qui contient plusieurs arguments ("start-dev --import-realm") arrive au programme comme un seul argument, qu'il rejette même s'il commence par une commande valide : donnez à chaque argument son propre élément (`command: ["start-dev", "--import-realm"]`) ou écrivez la commande sous forme d'une seule chaîne. Sinon, '{ $option }' est mal orthographié ou n'est pas pris en charge par cette version (Keycloak 17+ a abandonné les options WildFly comme -b) : consultez `kc.sh --help` et recréez le conteneur.
