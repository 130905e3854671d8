# rules/docker-registry.toml, en français.

docker-registry-invalid-loglevel =
    .title = le registre distribution ({ $service }) rejette le niveau de journalisation { $level }
    .remediation = Le registre distribution n'accepte comme niveau de journalisation que error, warn, info ou debug (log.level ou loglevel dans config.yml, ou REGISTRY_LOG_LEVEL) ; { $level } n'en fait pas partie. Sur un registre seul, utilisez warn au lieu de warning. Sous Harbor, dont les autres composants acceptent warning et fatal mais pas warn, choisissez un niveau accepté par tous (info ou error) dans harbor.yml, relancez ./prepare et recréez les conteneurs.
