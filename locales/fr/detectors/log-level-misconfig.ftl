# log-level-misconfig : un programme refuse le niveau de journalisation configuré.

log-level-misconfig-python-logging = le module logging de Python
log-level-misconfig-option = l'option { $option }
log-level-misconfig-accepts-spelling = il accepte { $right }, pas { $value }
log-level-misconfig-accepts-only = il n'accepte que { $accepted }

log-level-misconfig-title-variable = { $service } s'arrête au démarrage : { $checker } refuse { $variable }={ $value } ({ $spelling })
log-level-misconfig-title-unset = { $service } s'arrête au démarrage : { $variable } n'est pas définie, donc { $checker } ne reçoit aucun niveau de journalisation
log-level-misconfig-title = { $service } s'arrête au démarrage : { $checker } refuse le niveau de journalisation { $value } ({ $spelling })

log-level-misconfig-summary = Définissez { $variable }={ $level } : { $checker } accepte { $accepted }.
log-level-misconfig-summary-no-variable = Passez le niveau de journalisation sous la forme { $level } : { $checker } accepte { $accepted }.
log-level-misconfig-step-set = { $place }, puis recréez le conteneur.
log-level-misconfig-place-compose = Dans { $files }, service { $service }, définissez `{ $variable }: { $level }` sous `environment:` (ou dans le fichier env qu'il utilise)
log-level-misconfig-place-unknown = Là où le conteneur est défini, définissez `{ $variable }={ $level }` (l'option `-e` ou le fichier env)
log-level-misconfig-step-change = Passez le niveau de journalisation à { $level } là où la ligne de commande ou la configuration le fixe, puis recréez le conteneur.
log-level-misconfig-step-normalise-upper = Normalisez la valeur dans le code avant de l'utiliser (`logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO").strip().upper())`), pour que toute casse fonctionne ; si la même variable alimente aussi une option en minuscules (--log-level d'uvicorn), passez-la en minuscules à cet endroit.
log-level-misconfig-step-normalise-lower = Normalisez la valeur avant de la passer (mettez-la en minuscules, ou rendez l'option insensible à la casse, par exemple click.Choice(case_sensitive=False) ou argparse `type=str.lower`) ; si la même variable alimente aussi le module logging de Python, passez-la en majuscules à cet endroit.
