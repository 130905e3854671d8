# missing-env-var: a program exits because an environment variable it needs
# is not set. $reader says what read it: environ (Python's os.environ),
# settings (a settings class) or script (a shell entrypoint).

missing-env-var-title-empty = { $service } exits at startup: environment variable { $variable } is set but empty, and { $reader ->
        [environ] os.environ
        [settings] its settings
       *[script] its entrypoint script
    } requires a value
missing-env-var-title-other-name = { $service } exits at startup: its settings require { $variable }; the container sets it, so the settings class reads another name (env_prefix or alias)
missing-env-var-title-not-inherited = { $service } exits at startup: { $reader ->
        [environ] os.environ
        [settings] its settings
       *[script] its entrypoint script
    } finds no { $variable }, although the container's environment sets it (the process does not inherit it)
missing-env-var-title-similar = { $service } exits at startup: environment variable { $variable } is not set (the container sets { $other } instead)
missing-env-var-title = { $service } exits at startup: environment variable { $variable } is not set

# $place is one of the missing-env-var-place messages.
missing-env-var-summary = Set { $variable } for { $service } { $place } and recreate the container.
# $how is one of the missing-env-var-how messages.
missing-env-var-step-set = { $how }, then recreate the container.
missing-env-var-step-check = Check the required settings at deploy time (a compose `${"{"}VAR:?{"}"}` reference, or a settings class that lists every variable) and document them next to the image.

missing-env-var-place-compose = in { $files }, service { $service }, under `environment:` (or in its env file)
missing-env-var-place-unknown = where the container is defined (`docker run -e`, an env file)
# $line and $file: where the compose file declares it.
missing-env-var-place-misspelt = on line { $line } of { $file } (service { $service }: `{ $other }` there is a misspelling)
missing-env-var-place-environment = under `environment:` (line { $line } of { $file }, service { $service })
missing-env-var-place-service = in service { $service } (line { $line } of { $file }), which has no `environment:`

missing-env-var-how-copy-known = Set { $variable } to the value { $other } has (or rename { $other } to { $variable })
missing-env-var-how-copy = Set { $variable } to the value of { $other } (export it in the shell first: the command passes it with `-e { $variable }`), or rename { $other } to { $variable }
missing-env-var-how-export = Set { $variable } (export it in the shell first: the command passes it with `-e { $variable }`)
# $text is the line as written.
missing-env-var-how-rename = On line { $line } of { $file }, rename `{ $other }` to `{ $variable }` (the line reads `{ $text }`)
# $entry is the YAML line to add, $indent the spaces before it.
missing-env-var-how-add-entry = Under `environment:` (line { $line } of { $file }), add the line `{ $entry }` indented by { $indent } spaces, with the value the service needs
# $key is the service's line (`api:`); $entry the YAML line to add.
missing-env-var-how-add-environment = Under `{ $key }` (line { $line } of { $file }), add `environment:` indented by { $indent } spaces and below it the line `{ $entry }` indented by { $entry_indent } spaces, with the value the service needs
