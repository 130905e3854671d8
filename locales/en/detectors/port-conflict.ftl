# port-conflict: a port could not be bound because something else holds it.
# $engine is yes when Docker could not publish the port, no when the program
# could not listen on it.

port-conflict-title = { $service } could not { $engine ->
        [yes] publish
       *[no] listen on
    } { $address }: { $holder }
port-conflict-title-own-port = { $service } could not { $engine ->
        [yes] publish
       *[no] listen on
    } its port: { $holder }
port-conflict-held-by-container = container { $container } already publishes it ({ $binding })
port-conflict-held-by-host-socket = a host process already listens there ({ $listener })
port-conflict-held-by-host = host process { $process } already listens there
port-conflict-held-in-namespace = another process in the same container (network namespace) already listens there
port-conflict-held-unknown-uncollected = another process holds it (the host's listening sockets were not collected)
port-conflict-held-unknown = another process holds it

port-conflict-no-port-summary = Find the second listener in { $service } and stop it.
port-conflict-no-port-step = List the processes of the container: two of them want the same port.
port-conflict-summary = Free port { $port } for { $service }, or give { $service } another port.
port-conflict-step-confirm = Confirm who holds the port.
port-conflict-step-systemd = See whether pid { $pid } belongs to a systemd unit, or is a stray process.
port-conflict-step-stop-host = If the host's { $process } is a service that should no longer serve this port, stop and disable it.
port-conflict-step-kill = If it is a stray process (a leftover { $process }), stop it.
port-conflict-step-start = Once the port is free, start { $service }.
port-conflict-step-stop-container = If { $holder } and { $service } should not run side by side, stop { $holder } and start { $service }.
port-conflict-step-namespace = List the processes of the container: a second one (a duplicate worker, a stale process, a sidecar) already listens on the port.
# $edit is one of the port-conflict-edit messages below.
port-conflict-step-republish = Or publish { $service } on a free host port: { $edit }, check that port is free and re-create the container.
# $line and $file say where the compose file publishes the port; $spec is
# the entry as written, $edited the entry to write instead.
port-conflict-edit = on line { $line } of { $file }, change `"{ $spec }"` to `"{ $edited }"`
# The same, when the line ($text) takes the host port from a variable.
port-conflict-edit-variable = on line { $line } of { $file }, change `"{ $spec }"` to `"{ $edited }"` (the line reads `{ $text }`: the host port comes from a variable, set it where the project's variables are, e.g. its .env)
port-conflict-edit-mapping = change its port mapping to "{ $mapping }" (compose `ports:`, or `-p` of docker run)
