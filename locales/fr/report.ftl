# Les mots du rapport d'incident (templates/report.md.tera,
# report.html.tera), de son graphique de disponibilité et des lignes de fin
# d'exécution. Espaces : U+00A0 (insécable) devant « : », U+202F (fine
# insécable) devant ; ! ? %.

report-colon = { "\u00A0" }:
report-semicolon = { "\u202F" };

report-title = Rapport d'incident : { $headline }
report-page-title = Rapport d'incident du { $date } : { $headline }

## La ligne sous le titre
report-meta-window = Fenêtre :
report-meta-date = Date :
report-meta-host = Hôte :
report-meta-times = Heures :
report-meta-times-zone = UTC ; les horodatages sans fuseau ont été lus en { $zone }.
report-meta-times-in-utc = Heures en UTC ; les horodatages sans fuseau ont été lus en { $zone }
report-window-until = jusqu'au { $until }
report-window-not-stated = non précisée

report-no-redact-warning = Attention : les secrets n'ont pas été masqués ({ $flag }).
report-no-redact-warning-detail = Ce rapport contient les mots de passe et les jetons trouvés dans les preuves. Ne le diffusez pas.
report-seen-before = Déjà vu.
report-seen-before-item = { $fingerprint } le { $date }
report-status = Statut : { $label }

## Navigation de la page HTML
report-nav-summary = Résumé
report-nav-technical = Technique
report-nav-gaps = Non collecté

## Titres
report-heading-summary = Résumé exécutif
report-heading-before-after = Avant / après
report-heading-root-causes = Causes racines
report-heading-symptoms = Symptômes
report-heading-dismissed = Vus mais mis hors de cause
report-heading-chronology = Chronologie
report-heading-services = Services
report-heading-monitoring = Surveillance
report-heading-probes = Ce que répondent les points d'accès maintenant
report-heading-solutions = Solutions recommandées
report-heading-solutions-anchor = solutions-recommandées
report-heading-next-steps = Prochaines étapes
report-heading-lessons = Leçons apprises
report-heading-technical = Informations techniques
report-heading-engines = Moteurs
report-heading-ports = Ports utilisés
report-heading-images = Images
report-heading-networks = Réseaux
report-heading-gaps = Ce qui n'a pas pu être collecté
report-heading-inputs = Entrées
report-heading-problems = Problèmes

## Résumé exécutif
report-summary-root-cause = Cause racine.
report-summary-root-cause-unknown = Non identifiée à partir des preuves.
report-summary-trigger = Déclencheur.
report-summary-onset = Début.
report-summary-impact-window = Fenêtre d'impact.
report-summary-impact-ongoing = toujours en échec au moment de la collecte des preuves
report-summary-what-happened = Ce qui s'est passé :
report-summary-affected = Services touchés :

## Avant / après
report-before-after-against = Comparé à l'investigation précédente { $source }.

## Causes racines
report-fact-service = Service { $service }
report-fact-detector = détecteur { $kind }
report-fact-confidence = confiance { $confidence }
report-fact-first-seen = première apparition le { $when }
report-fact-last-seen = dernière apparition le { $when }
report-fact-occurrences = { $count ->
    [one] { $count } occurrence
   *[other] { $count } occurrences
}
report-related = Autres causes trouvées dans le même service :
report-chain = Chaîne causale
report-chain-root-first = , de la racine aux effets :
report-fix = Correctif :
report-fix-see-solutions = Les étapes et les commandes sont détaillées dans
report-no-root-cause = Aucune cause racine n'a été trouvée.
report-fixes = corrige
report-because = Raison :

## Symptômes
report-explained-by-cause = cause racine nº { $rank }
report-via = via
report-explained-by-nothing = aucune explication trouvée
report-symptom-evidence = Preuves du symptôme { $n } ({ $kind })
report-no-symptoms = Aucun symptôme n'a été trouvé.
report-dismissed-intro = Relevés dans des conteneurs restés en marche, sains et jamais redémarrés, qui n'ont donc pas causé l'incident :

## Chronologie et services
report-engine = moteur { $engine }
report-no-timeline = Les preuves ne contiennent aucun événement daté.
report-service-failing = en échec
report-no-services = Aucun état de conteneur n'a été collecté.

## Surveillance
report-availability-target = Objectif de disponibilité : { $target } %.
report-row-target = Cible
report-row-checks = Vérifications
report-checks-value = { $samples }, dont { $failures } en échec, { $span } UTC, intervalle médian { $interval }
report-row-availability = Disponibilité
report-availability-against = { $availability } % pour un objectif de { $target } % :
report-target-met = atteint
report-target-missed = manqué
report-row-longest-streak = Plus longue série d'échecs
report-streak-value = { $checks ->
    [one] { $checks } vérification
   *[other] { $checks } vérifications
}, { $span } UTC ({ $duration })
report-streak-recovered = rétabli le { $when }
report-streak-still-failing = toujours en échec à la dernière vérification
report-row-first-failure = Premier échec
report-row-recoveries = Rétablissements
report-recoveries-first = le premier le { $when }
report-failing-last-check = en échec à la dernière vérification
report-row-latency = Latence
report-latency-value = p50 { $p50 } ms, p90 { $p90 } ms, p99 { $p99 } ms, max { $max } ms ({ $checks ->
    [one] { $checks } vérification
   *[other] { $checks } vérifications
})
report-daily-summary = Disponibilité par jour ({ $days } jours)
report-holes = Trous dans l'historique (aucune vérification enregistrée) :
report-tries = { $failed } sur { $tries }
report-latency-ms = { $ms } ms

## Solutions et prochaines étapes
report-horizon-immediate = Immédiat
report-horizon-short-term = Court terme
report-horizon-medium-term = Moyen terme
report-no-solutions = Rien à corriger : aucune cause n'a été trouvée.
report-when-today = Immédiat (aujourd'hui)
report-when-this-week = Court terme (cette semaine)
report-when-this-month = Moyen terme (ce mois)
report-no-next-steps = Aucune : les preuves ne montrent rien sur quoi agir.

## Leçons apprises
report-lessons-fill-in = À compléter par l'équipe
report-lessons-fill-in-rest = lors de la revue. coroner laisse volontairement cette section vide.
report-lessons-went-well = Qu'est-ce qui a bien fonctionné ?
report-lessons-went-wrong = Qu'est-ce qui a mal tourné, et qu'est-ce qui l'a rendu plus difficile à voir ?
report-lessons-lucky = Où avons-nous eu de la chance ?
report-lessons-caught = Qu'est-ce qui l'aurait détecté avant les utilisateurs ?
report-lessons-commit = À quelles prochaines étapes nous engageons-nous, et qui porte chacune ?

## Informations techniques
report-not-recorded = non enregistré
report-not-known = inconnue
report-row-host = Hôte
report-row-docker-engine = Moteur Docker
report-row-api-version = Version de l'API
report-row-os = Système
report-row-kernel = Noyau
report-row-collected-at = Collecté le
report-row-collected-by = Collecté par
report-size-mb = { $size } Mo
report-ip-none = aucune (arrêté)
report-configuration-of = Configuration de { $container }
report-configuration-from = D'après { $source } ; les valeurs des variables qui ressemblent à des secrets sont masquées.
report-row-entrypoint = Point d'entrée
report-row-command = Commande
report-row-working-directory = Répertoire de travail
report-row-user = Utilisateur
report-user-root = root (non défini)
report-row-restart-policy = Politique de redémarrage
report-row-environment = Environnement
report-no-gaps = Rien : toutes les sources attendues étaient dans le bundle.

## Entrées
report-inputs-counts = { $read ->
    [one] { $read } fichier lu
   *[other] { $read } fichiers lus
}, { $ignored ->
    [one] { $ignored } ignoré
   *[other] { $ignored } ignorés
}, { $problems ->
    [one] { $problems } problème
   *[other] { $problems } problèmes
}.
report-inputs-no-redact = Les secrets n'ont pas été masqués
report-inputs-no-redact-detail = ({ $flag }) : ce rapport contient les mots de passe et les jetons des preuves tels quels.
report-inputs-masked = { $count ->
    [one] { $count } valeur secrète masquée
   *[other] { $count } valeurs secrètes masquées
} sous la forme { $placeholder } (un numéro par valeur : une valeur répétée garde son numéro ; les valeurs ne sont jamais écrites).
report-inputs-ignored = Ignorés :
report-inputs-problems-note = (le reste de chaque fichier a quand même été lu) :
report-inputs-problems-rest = Le reste de chaque fichier a quand même été lu.
report-files-read = Fichiers lus ({ $count })
report-files-ignored = Fichiers ignorés ({ $count })

## En-têtes de colonnes et de lignes
report-col-source = Source
report-col-time = Heure
report-col-count = Nombre
report-col-quoted-evidence = Preuve citée
report-col-service = Service
report-col-affected-service = Service touché
report-col-state = État
report-col-part = Rôle dans l'incident
report-col-symptom = Symptôme
report-col-seen-utc = Vu (UTC)
report-col-explained-by = Expliqué par
report-col-time-utc = Heure (UTC)
report-col-event = Événement
report-col-container = Conteneur
report-col-image = Image
report-col-health = Santé
report-col-restarts = Redémarrages
report-col-exit-code = Code de sortie
report-col-ports = Ports
report-col-figure = Indicateur
report-col-value = Valeur
report-col-error-class = Classe d'erreur
report-col-share-of-failures = Part des échecs
report-col-first-message = Premier message
report-col-day-utc = Jour (UTC)
report-col-checks = Vérifications
report-col-failed = En échec
report-col-availability = Disponibilité
report-col-target = Objectif
report-col-endpoint = Point d'accès
report-col-checked-at = Vérifié le
report-col-answer = Réponse
report-col-failed-tries = Essais en échec
report-col-median-latency = Latence médiane
report-col-engine = Moteur
report-col-host = Hôte
report-col-docker = Docker
report-col-address = Adresse
report-col-clock = Horloge
report-col-owner = Propriétaire
report-col-detail = Détail
report-col-also-bound-by = Également lié par
report-col-id = ID
report-col-created = Créée
report-col-created-utc = Créée (UTC)
report-col-used-by = Utilisée par
report-col-size = Taille
report-col-network = Réseau
report-col-ip = IP
report-col-aliases = Alias
report-col-setting = Paramètre
report-col-kind-of-secret = Type de secret
report-col-values = Valeurs
report-col-masked-in = Masquées dans
report-col-file = Fichier
report-col-read-as = Lu comme
report-col-why = Pourquoi
report-col-where = Où
report-col-problem = Problème


## Le graphique de disponibilité (un SVG dans le rapport HTML)
report-chart-title = Disponibilité au fil du temps face à l'objectif de { $target } %
report-chart-source = { $name } ({ $target }) : { $availability } % de disponibilité, objectif { $goal } %
report-chart-streak = plus longue série d'échecs : { $checks ->
    [one] { $checks } vérification
   *[other] { $checks } vérifications
}, de { $start } à { $end }
report-chart-slice = { $start } : { $failed } sur { $checks ->
    [one] { $checks } vérification en échec
   *[other] { $checks } vérifications en échec
}
report-chart-target = objectif
report-chart-restart = { $label } à { $when }

## Les lignes de fin d'exécution sur la sortie d'erreur
report-terminal-verdict = verdict : { $verdict }
report-terminal-root-cause = cause racine : { $kind } { $service } : { $title }
