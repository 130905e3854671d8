# rules/vault.toml, en français.

vault-mlock-failed =
    .title = { $service } n'a pas le droit de verrouiller sa mémoire avec mlock ({ $reason }) : il manque très probablement au conteneur la capability IPC_LOCK
    .remediation = Vault verrouille sa mémoire pour que les secrets n'atterrissent jamais dans le swap, ce qui nécessite la capability IPC_LOCK : ajoutez `--cap-add IPC_LOCK` à docker run, ou `cap_add: [IPC_LOCK]` au service compose, et recréez le conteneur. Là où la capability ne peut pas être accordée ou si l'ulimit memlock reste trop bas (Docker rootless, certains clusters Kubernetes), définissez plutôt `disable_mlock = true` dans la configuration du serveur (recommandé avec le stockage raft intégré ; sinon, uniquement sur des hôtes sans swap ou avec un swap chiffré).
