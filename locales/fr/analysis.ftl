# Les mots que l'analyse assemble à partir des constats.

# Un maillon de la chaîne causale dont le titre ne nomme pas le service.
analysis-chain-link = { $service } : { $title }

# Problèmes rencontrés à la lecture des entrées. $detail est le message
# d'un analyseur, tel quel ; $error une erreur telle que le système ou un
# analyseur la formule.
analysis-problem-detail = { $detail }
analysis-problem-unreadable-log = impossible de lire le journal : { $error }
analysis-problem-no-services = pas de section `services:` : ce n'est pas un fichier compose que coroner sait lire
analysis-problem-env-not-set = `${"{"}{ $var }{"}"}` n'est pas défini dans le .env du projet : lu comme une chaîne vide, comme le fait compose (le shell qui a lancé compose l'avait peut-être défini)
analysis-problem-env-required = `${"{"}{ $var }:?…{"}"}` n'est pas défini dans le .env du projet : { $why }
analysis-problem-env-unterminated = `${"{"}` sans son `{"}"}` fermant
analysis-problem-yaml-at = YAML invalide à la ligne { $line }, colonne { $column } : { $error }
analysis-problem-yaml = YAML invalide : { $error }

# Un champ d'un document JSON qui ne convient pas, laissé de côté ; $field
# est son chemin ([0].State.ExitCode), $error la raison.
analysis-problem-field-ignored = { $field } : { $error } ; champ ignoré
analysis-problem-item-ignored = { $field } : { $error } ; élément ignoré
analysis-problem-too-many-fields = { $item } : trop de champs du mauvais type ; élément ignoré
