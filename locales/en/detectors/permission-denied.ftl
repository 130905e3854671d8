# permission-denied: the filesystem refuses a program access to a path.

# What a mount is; $destination is where the container sees it.
permission-denied-mount-volume = { $destination } is the volume { $volume }
permission-denied-mount-bind = { $destination } is the host directory { $source } (bind mount)
permission-denied-mount-other = { $destination } is a { $kind } mount
permission-denied-in-image = { $path } in the image

# Writes refused by a read-only mount or root filesystem.
permission-denied-read-only-rootfs = the container's filesystem is read-only (--read-only)
# $mount is a permission-denied-mount message.
permission-denied-read-only-mount = { $mount }, mounted read-only
# $where is one of the two messages above.
permission-denied-read-only-title = { $service } cannot write { $path }: { $where }
permission-denied-read-only-summary = Mount { $destination } read-write (drop `:ro`), or point the program's writes elsewhere.
permission-denied-read-only-summary-rootfs = Mount the path read-write (drop `:ro`), or point the program's writes elsewhere.
permission-denied-read-only-step = Recreate the container with the mount read-write.

# chown or chmod refused (EPERM). $where is a permission-denied-mount
# message or permission-denied-in-image.
permission-denied-not-permitted-title = { $service } may not change the owner or mode of { $path } (Operation not permitted): { $where }, whose filesystem or owner refuses it for user { $user }
permission-denied-not-permitted-summary = Let the owner be set outside the container: pre-set the ownership of { $path } on the host, or use a named volume instead of a filesystem that refuses chown/chmod.
permission-denied-not-permitted-step-owner = See who owns the directory and what the container's user is.
permission-denied-not-permitted-step-volume = On NFS, CIFS or WSL-mounted Windows drives the container cannot chown; keep data in a named volume (`docker volume create`) or on a local Linux filesystem.

# Access refused to root on a mount ($mount: a permission-denied-mount message).
permission-denied-root-mount-title = { $service } is denied access to { $path } although it runs as root: { $mount }; SELinux labels or user-namespace remapping refuse it
permission-denied-root-mount-summary = Relabel the mount for the container (`:z` shared, `:Z` private) on SELinux hosts, or give the remapped root user the directory.
permission-denied-root-mount-step = Check the host directory's owner and SELinux label, then recreate the container with the mount relabelled (append :z to its -v option).

# Access refused to a user on a mount.
permission-denied-user-mount-title = { $service } is denied access to { $path }: it runs as user { $user }, and { $mount }, which that user may not write
permission-denied-user-mount-summary = Give { $destination } to user { $user }: chown it once, or run the container as the directory's owner.
permission-denied-user-mount-step-chown = Hand the directory to { $user } (run as root in the same image, so the user name resolves), then start the container again.
permission-denied-user-mount-step-dockerfile = Make a new volume right from the start: in the Dockerfile, create { $destination } owned by the user before `USER` (`RUN mkdir -p { $destination } && chown { $user } { $destination }`); a fresh named volume copies that ownership. For a bind mount, chown the host directory to the user's uid (`docker run --rm --entrypoint id { $image }` prints it).

# Access refused to root outside any mount.
permission-denied-root-title = { $service } is denied access to { $path } although it runs as root: a read-only root filesystem, dropped capabilities or a security profile (AppArmor, SELinux, seccomp) refuse it
permission-denied-root-summary = Find what restricts root in { $service }: --read-only, --cap-drop, --security-opt; give the program a writable volume for { $path }, or lift the restriction it needs.
permission-denied-root-step = Show the container's restrictions.

# Access refused to a user on a path of the image.
permission-denied-user-image-title = { $service } is denied access to { $path }: it runs as user { $user }, and the image's own { $path } does not let that user write it
permission-denied-user-image-summary = Create { $path } owned by { $user } in the Dockerfile (`RUN mkdir -p … && chown { $user } …` before `USER`, or `COPY --chown={ $user }`), or write to a volume the user owns.
permission-denied-user-image-step-owner = See who owns the path in the image and who the container runs as.
permission-denied-user-image-step-rebuild = Fix the ownership in the Dockerfile, rebuild and recreate the container.
