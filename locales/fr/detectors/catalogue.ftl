# Le titre d'une règle ($title), quand le journal montre le processus mort dessus $runs fois.
catalogue-printed-again = { $title } (écrit { $runs } fois : le processus a redémarré et en est mort à nouveau, comme le montre le journal ; l'état du conteneur n'a pas été collecté)
