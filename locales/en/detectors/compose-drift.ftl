# compose-drift: a container started from an older version of its compose file.

# $kinds lists compose-drift-kind messages.
compose-drift-title = { $container } was started from an older compose file: its { $kinds } differ from { $file }
compose-drift-kind = { $kind ->
        [image] image
        [ports] ports
        [environment] environment
       *[healthcheck] healthcheck
    }
compose-drift-kinds = { $first }, { $rest }

# What differs, the file's side first.
compose-drift-image = the file says image { $declared }, the container runs { $running }
# $declared and $running are compose-drift-port-list or compose-drift-no-ports.
compose-drift-ports = the file publishes host ports { $declared }, the container { $running }
compose-drift-port-list = { $ports }
compose-drift-no-ports = none
# $missing and $removed list variable names.
compose-drift-environment-missing = the file sets { $missing } that the container does not have
compose-drift-environment-removed = the container has { $removed } that the file no longer sets
compose-drift-environment-both = the file sets { $missing } that the container does not have, and the container has { $removed } that the file no longer sets
compose-drift-healthcheck = the file's healthcheck test is `{ $declared }`, the container's `{ $running }`
# One of the above and the line of the file that declares it.
compose-drift-difference = { $difference } (line { $line } of { $file })
compose-drift-differences = { $first }; { $rest }

compose-drift-summary = Create { $container } again from its compose file, or revert the file if what runs is what is wanted.
compose-drift-step-check = Check that the file is what should run: { $differences }.
compose-drift-step-recreate = Then create the service again from the file.
