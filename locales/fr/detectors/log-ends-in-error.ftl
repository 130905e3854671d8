log-ends-in-error-title = le journal de { $service } se termine sur une erreur qu'aucune règle n'explique
log-ends-in-error-fix = Lisez la fin de { $log } pour voir ce qui a échoué.
