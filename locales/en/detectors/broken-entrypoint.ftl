# $role is `entrypoint` or `command`: which of the two names the file ($path).
broken-entrypoint-missing-title = { $role ->
        [command] command
       *[other] entrypoint
    } { $path } does not exist in the image, so { $service } was never started
broken-entrypoint-missing-fix = Put { $path } in the image (COPY it there) or point the { $role ->
        [command] command
       *[other] entrypoint
    } at where the script really is, then rebuild and recreate { $service }.
broken-entrypoint-missing-step-look = See what the image has where the { $role ->
        [command] command
       *[other] entrypoint
    } points.
broken-entrypoint-missing-step-fix = Fix the COPY destination or the ENTRYPOINT/CMD path in the Dockerfile, rebuild and recreate the container.

broken-entrypoint-not-in-path-title = { $role ->
        [command] command
       *[other] entrypoint
    } '{ $path }' is not installed in the image (executable file not found in $PATH), so { $service } was never started
broken-entrypoint-not-in-path-fix = Install { $path } in the image (a Python tool: add it to requirements.txt; an OS tool: apt-get/apk), or call it by its full path.
broken-entrypoint-not-in-path-step-look = Check whether the program exists anywhere in the image, and what PATH is.
broken-entrypoint-not-in-path-step-install = Install { $path } in the Dockerfile (in the stage that is shipped), rebuild and recreate the container.

# $file is the file name without its directory.
broken-entrypoint-not-executable-title = { $role ->
        [command] command
       *[other] entrypoint
    } { $path } cannot be executed: it lacks the execute permission
broken-entrypoint-not-executable-fix = Make { $file } executable: `chmod +x` in the repository and `RUN chmod +x { $path }` (or `COPY --chmod=755`) in the Dockerfile, then rebuild.
broken-entrypoint-not-executable-step = Set the execute bit in the source tree (and in git), add `RUN chmod +x { $path }` after the COPY in the Dockerfile, rebuild and recreate the container.

broken-entrypoint-directory-title = { $role ->
        [command] command
       *[other] entrypoint
    } { $path } is a directory, not a program, so { $service } was never started
broken-entrypoint-directory-fix = Point the { $role ->
        [command] command
       *[other] entrypoint
    } at the script or program inside { $path }, not at the directory.
broken-entrypoint-directory-step = Fix ENTRYPOINT/CMD in the Dockerfile (or the compose file), rebuild and recreate the container.

broken-entrypoint-crlf-title = { $role ->
        [command] command
       *[other] entrypoint
    } { $path } cannot be executed: its shebang line ends with \r (Windows line endings)
broken-entrypoint-crlf-title-likely = { $role ->
        [command] command
       *[other] entrypoint
    } { $path } cannot be executed although it exists: most likely its shebang line ends with \r (Windows line endings)
broken-entrypoint-crlf-first-line-title = line 1 of { $path } ends with \r: the script has Windows line endings; convert it (dos2unix, or .gitattributes eol=lf) and rebuild
broken-entrypoint-crlf-fix = Convert { $file } to Unix line endings (LF), rebuild the image and recreate { $service }.
broken-entrypoint-crlf-step-confirm = Confirm it: a \r before the \n of the first line is the culprit.
broken-entrypoint-crlf-step-convert = Convert { $file } in the build context, rebuild and recreate the container.
broken-entrypoint-crlf-step-prevent = Stop it coming back: a `.gitattributes` line `*.sh text eol=lf` (then `git add --renormalize .`), and optionally `RUN sed -i 's/\r$//' { $path }` in the Dockerfile.

broken-entrypoint-loader-title = { $role ->
        [command] command
       *[other] entrypoint
    } { $path } cannot be executed although it exists: it is dynamically linked and its loader { $loader } is not in the image
broken-entrypoint-loader-fix = Build { $file } statically (e.g. CGO_ENABLED=0 for Go), or use a base image with the C library it was linked against ({ $loader } is glibc's or musl's loader).
broken-entrypoint-loader-step-look = See which loader and libraries the program asks for.
broken-entrypoint-loader-step-rebuild = Rebuild the program statically or switch the base image to one with its C library, then rebuild and recreate the container.

# $machine is the ELF machine (x86-64, AArch64); $arch and $engine are Docker architectures (amd64, arm64).
broken-entrypoint-architecture-title = { $role ->
        [command] command
       *[other] entrypoint
    } { $path } is a { $machine } program (linux/{ $arch }) but the engine runs linux/{ $engine }: it was built for another CPU
broken-entrypoint-architecture-fix = Build the image for linux/{ $engine } (or for both platforms), then rebuild and recreate { $service }.
broken-entrypoint-architecture-step = Rebuild for the engine's platform (`docker build --platform linux/{ $engine }`, or `docker buildx build --platform linux/amd64,linux/arm64` for both), then recreate the container.

broken-entrypoint-no-interpreter-title = { $role ->
        [command] command
       *[other] entrypoint
    } { $path } cannot be executed although it exists: its interpreter is missing (a binary whose ELF loader is not in the image, or a #! line ending with \r)
broken-entrypoint-no-interpreter-fix = Find out what { $path } needs: a glibc binary in a musl or scratch image needs a static build or a glibc base image; a script needs LF line endings.
broken-entrypoint-no-interpreter-step-look = See what the file is and which interpreter it asks for.
broken-entrypoint-no-interpreter-step-rebuild = Build the program statically (e.g. CGO_ENABLED=0 for Go) or use a base image with the libc it was linked against, or convert the script to LF; then rebuild and recreate the container.

broken-entrypoint-interpreter-title = { $role ->
        [command] command
       *[other] entrypoint
    } { $path } cannot start: its #! line asks for { $interpreter }, which is not installed in the image
broken-entrypoint-interpreter-fix = Install { $interpreter } in the image, or change the script's #! line to an interpreter the image has (e.g. /bin/sh).
broken-entrypoint-interpreter-step = Install { $interpreter } in the Dockerfile (Alpine: `RUN apk add --no-cache { $interpreter }`) or change the #! line, rebuild and recreate the container.

broken-entrypoint-exec-format-script-title = { $role ->
        [command] command
       *[other] entrypoint
    } { $path } cannot be executed (exec format error): most likely the script has no #! line
broken-entrypoint-exec-format-title = { $role ->
        [command] command
       *[other] entrypoint
    } { $path } cannot be executed (exec format error): most likely it is built for another CPU architecture than the host
# $platform is the image's os/architecture (linux/arm64).
broken-entrypoint-exec-format-platform-title = { $role ->
        [command] command
       *[other] entrypoint
    } { $path } cannot be executed (exec format error): most likely it is built for another CPU architecture than the host (the image says { $platform })
broken-entrypoint-exec-format-fix = Build { $path } for the host's platform (or give a script a #! line), then rebuild and recreate { $service }.
broken-entrypoint-exec-format-step-compare = Compare the file's architecture with the host's.
broken-entrypoint-exec-format-step-rebuild = Rebuild for the host's platform (`docker build --platform linux/amd64` or `linux/arm64`, or `docker buildx build --platform linux/amd64,linux/arm64` for both), and start a script with `#!/bin/sh`; then recreate the container.

# $why is a broken-entrypoint-shell-why-* message.
broken-entrypoint-shell-title = { $role ->
        [command] command
       *[other] entrypoint
    } { $path } fails: { $why }
broken-entrypoint-shell-title-at = { $role ->
        [command] command
       *[other] entrypoint
    } { $path } fails at line { $line }: { $why }
broken-entrypoint-shell-step-look = Look at the #! line and the failing line of the script in the image.
# $fix is a broken-entrypoint-shell-fix-* message.
broken-entrypoint-shell-step-fix = { $fix } Rebuild and recreate the container.
broken-entrypoint-shell-why-set-option = `set { $option }` is a bash option, but the script runs under /bin/sh (dash), which does not have it
broken-entrypoint-shell-fix-set-option = Start the script with `#!/bin/bash` (bash must be in the image) or drop `{ $option }` from its `set` line.
# $message is the shell's message.
broken-entrypoint-shell-why-syntax = the shell rejects its syntax ({ $message }); bash syntax run by /bin/sh (dash) fails this way
broken-entrypoint-shell-fix-syntax = Run the script with bash (`#!/bin/bash`) or rewrite the line in POSIX sh.
broken-entrypoint-shell-why-cd = the directory { $dir } does not exist in the container
broken-entrypoint-shell-fix-cd = Create { $dir } in the image or fix the path in the script (a \r at the end of the line, from Windows line endings, also causes this).
broken-entrypoint-shell-why-bashism = `{ $builtin }` is bash syntax, but the script runs under /bin/sh (dash)
broken-entrypoint-shell-fix-bashism = Start the script with `#!/bin/bash` (bash must be in the image) or use POSIX `.` and `[`.
broken-entrypoint-shell-why-file = { $file } does not exist, or its #! line names an interpreter that does not (a \r at its end, from Windows line endings, does this)
broken-entrypoint-shell-fix-file = Check that { $file } is in the image and that its first line is a valid #! line with LF line endings.
broken-entrypoint-shell-why-command = the command { $command } is not installed in the image
broken-entrypoint-shell-fix-command = Install { $command } in the image or fix the command's name or path in the script.
broken-entrypoint-shell-why-other = the shell reports `{ $message }`
broken-entrypoint-shell-fix-other = Fix the failing line of the script.
