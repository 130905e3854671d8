missing-shared-library-title = { $service } cannot start: the shared library { $library } is missing from the image (an OS package, not a pip or npm package)
# $programs: the programs that need it, as the loader names them.
missing-shared-library-title-needed-by = { $service } cannot start: the shared library { $library }, needed by { $programs }, is missing from the image (an OS package, not a pip or npm package)
missing-shared-library-fix = Install the OS package that ships { $library } in the image's final stage, then rebuild.
missing-shared-library-fix-package = Install the OS package that ships { $library } ({ $package } on Debian 12) in the image's final stage, then rebuild.
missing-shared-library-step-find = Find the package: check the image's distribution, then ask apt-file (Debian/Ubuntu; on Alpine `apk add so:{ $library }` installs whatever provides it) and list every library the program lacks.
# $install: a Dockerfile line (a RUN apt-get install), or the one below.
missing-shared-library-step-install = Add `{ $install }` to the Dockerfile's final stage (a multi-stage build must install runtime libraries where the program runs), rebuild and recreate the container.
missing-shared-library-install-unknown = RUN apt-get update && apt-get install -y --no-install-recommends <the package apt-file names> && rm -rf /var/lib/apt/lists/*
missing-shared-library-version-title = { $service } cannot start: a program was built against { $version }, newer than the { $library } in the image
missing-shared-library-version-title-programs = { $service } cannot start: { $programs } was built against { $version }, newer than the { $library } in the image
missing-shared-library-version-fix = Build the program on the same base image (or an older one) than it runs on, or run it on a base image whose C library provides { $version }.
missing-shared-library-version-step-compare = Compare the image's C library with the one the program was built on.
missing-shared-library-version-step-rebuild = Use the same base image (and release) for the build stage and the final stage, rebuild and recreate the container.
