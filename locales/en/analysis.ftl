# Words the analysis puts together from the findings.

# A link of a causal chain whose title does not name its service.
analysis-chain-link = { $service }: { $title }

# Problems met reading the inputs. $detail is a parser's own message, shown
# as it is; $error an error as the system or a parser words it.
analysis-problem-detail = { $detail }
analysis-problem-unreadable-log = cannot read log: { $error }
analysis-problem-no-services = no `services:` mapping: not a compose file coroner reads
# $var is the name of an environment variable; $why the compose file's own message.
analysis-problem-env-not-set = `${"{"}{ $var }{"}"}` is not set in the project's .env: read as an empty string, as compose does (the shell that ran compose may have set it)
analysis-problem-env-required = `${"{"}{ $var }:?…{"}"}` is not set in the project's .env: { $why }
analysis-problem-env-unterminated = `${"{"}` without its closing `{"}"}`
analysis-problem-yaml-at = not valid YAML at line { $line }, column { $column }: { $error }
analysis-problem-yaml = not valid YAML: { $error }

# A field of a JSON document that does not fit, and was left out; $field is
# its path ([0].State.ExitCode), $error why it does not fit.
analysis-problem-field-ignored = { $field }: { $error }; field ignored
analysis-problem-item-ignored = { $field }: { $error }; item ignored
analysis-problem-too-many-fields = { $item }: too many fields of the wrong type; item ignored
