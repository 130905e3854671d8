log-ends-in-error-title = { $service }'s log ends on an error that no rule explains
log-ends-in-error-fix = Read the end of { $log } for what failed.
