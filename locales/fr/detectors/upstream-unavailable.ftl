# upstream-unavailable : un reverse proxy n'a pas pu joindre son amont (upstream).

upstream-unavailable-refused = a refusé les connexions
upstream-unavailable-unreachable = était injoignable
upstream-unavailable-connect-timeout = n'a pas accepté les connexions dans le délai d'attente (timeout)
upstream-unavailable-read-timeout = n'a pas répondu dans le délai d'attente (timeout)
upstream-unavailable-reset = a réinitialisé les connexions
upstream-unavailable-closed-early = a fermé les connexions avant de répondre
upstream-unavailable-no-live-upstreams = n'avait plus aucun serveur disponible
upstream-unavailable-not-resolved = ne se résout pas (DNS)
upstream-unavailable-failed = a échoué
upstream-unavailable-reason-count = { $reason } ({ $count })
upstream-unavailable-and = { $first } et { $rest }

upstream-unavailable-the-upstream = l'amont (upstream)
upstream-unavailable-upstream-of = l'amont { $upstream } ({ $owner })
upstream-unavailable-upstream = l'amont { $upstream }
upstream-unavailable-cause = { $upstream } { $reasons }
upstream-unavailable-answered-status = { $status } { $count } fois

upstream-unavailable-title-answered-cause = { $service } a répondu { $answered } : { $cause }
upstream-unavailable-title-answered = { $service } a répondu { $answered }
upstream-unavailable-title-cause = { $service } n'a pas pu joindre son amont (upstream) ({ $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }) : { $cause }
upstream-unavailable-title = { $service } n'a pas pu joindre son amont (upstream)

upstream-unavailable-fix-owner = Réparez { $owner }, l'amont que { $service } ne parvient pas à joindre (voir sa cause racine).
upstream-unavailable-fix-upstream = Faites de nouveau répondre l'amont { $upstream }, ou faites pointer { $service } vers la bonne adresse.
upstream-unavailable-find-upstream = Trouvez quel amont { $service } ne parvient pas à joindre, et faites-le de nouveau répondre.
upstream-unavailable-step-owner = Regardez l'état et la dernière sortie de { $owner }.
upstream-unavailable-step-ask = Interrogez l'amont directement, comme le fait { $service }, sans passer par le proxy.
upstream-unavailable-step-config = Vérifiez que { $service } pointe vers l'adresse où le service écoute réellement.
