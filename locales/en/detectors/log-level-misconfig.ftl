# log-level-misconfig: a program rejects its configured log level.
# $checker is what rejects it: one of the two messages below.

log-level-misconfig-python-logging = Python's logging
log-level-misconfig-option = the { $option } option
# $right is the spelling accepted, $value the one rejected, quoted as Python shows it.
log-level-misconfig-accepts-spelling = it accepts { $right }, not { $value }
# $accepted lists the levels accepted.
log-level-misconfig-accepts-only = it accepts only { $accepted }

# $spelling is one of the two messages above.
log-level-misconfig-title-variable = { $service } exits at startup: { $checker } rejects { $variable }={ $value } ({ $spelling })
log-level-misconfig-title-unset = { $service } exits at startup: { $variable } is not set, so { $checker } gets no log level
log-level-misconfig-title = { $service } exits at startup: { $checker } rejects the log level { $value } ({ $spelling })

log-level-misconfig-summary = Set { $variable }={ $level }: { $checker } accepts { $accepted }.
log-level-misconfig-summary-no-variable = Pass the log level as { $level }: { $checker } accepts { $accepted }.
# $place is one of the log-level-misconfig-place messages.
log-level-misconfig-step-set = { $place }, then recreate the container.
log-level-misconfig-place-compose = in { $files }, service { $service }, set `{ $variable }: { $level }` under `environment:` (or in the env file it uses)
log-level-misconfig-place-unknown = where the container is defined, set `{ $variable }={ $level }` (the `-e` option or the env file)
log-level-misconfig-step-change = Change the log level where the command line or configuration sets it to { $level }, then recreate the container.
log-level-misconfig-step-normalise-upper = Normalise the value in code before using it (`logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO").strip().upper())`), so any spelling works; if the same variable also feeds a lower-case option (uvicorn's --log-level), lower-case it there.
log-level-misconfig-step-normalise-lower = Normalise the value before passing it (lower-case it, or make the option case-insensitive, e.g. click.Choice(case_sensitive=False) or argparse `type=str.lower`); if the same variable also feeds Python's logging, upper-case it there.
