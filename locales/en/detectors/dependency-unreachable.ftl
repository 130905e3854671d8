# $failure is a dependency-unreachable-failure-* message, $why a -why-* one.
dependency-unreachable-title = { $caller } cannot connect to { $address } ({ $failure }, { $attempts } times): { $why }
dependency-unreachable-title-unnamed = { $caller } cannot connect to a dependency ({ $failure }, { $attempts } times): { $why }
dependency-unreachable-failure-refused = connection refused
dependency-unreachable-failure-not-resolved = name not found
dependency-unreachable-failure-dns-unavailable = temporary failure in name resolution
dependency-unreachable-failure-unreachable = no route to host

# When the caller's container is not in the evidence.
dependency-unreachable-the-caller = the caller
# A container on no network at all.
dependency-unreachable-no-network = no network

# $configured lists addresses with the variable that sets each.
dependency-unreachable-why-unnamed = the log does not say which address it tried
dependency-unreachable-why-unnamed-configured = the log does not say which; it is configured for { $configured }
dependency-unreachable-fix-unnamed = Find which dependency { $caller } cannot reach, and why.
dependency-unreachable-step-unnamed = Read the lines around the error for the address it tried, and list its connection settings.

dependency-unreachable-why-nothing-answers = nothing the evidence knows answers at { $target }
dependency-unreachable-fix-nothing-answers = Make { $target } answer, or point { $caller } at the right address.
dependency-unreachable-step-nothing-answers = Check what listens there and what the caller is configured for.

# $instead is the service that serves the port, or the message below.
dependency-unreachable-service-name = the dependency's service name
dependency-unreachable-why-loopback = inside its container, { $host } is { $caller } itself, where nothing listens; use { $instead } instead
dependency-unreachable-why-loopback-set = inside its container, { $host } is { $caller } itself, where nothing listens; use { $instead } instead (set in { $variable })
dependency-unreachable-fix-loopback = Point { $caller } at { $instead } instead of { $host }.
dependency-unreachable-step-loopback = Change the setting that holds { $host } to use { $instead } (the name other containers on the network reach it by), then re-create the container.

dependency-unreachable-why-no-shared-network = { $caller } and { $dep } share no network ({ $caller } is on { $caller_networks }, { $dep } on { $dep_networks })
dependency-unreachable-fix-no-shared-network = Put { $caller } and { $dep } on one network.
dependency-unreachable-step-no-shared-network = Connect { $caller } to { $dep }'s network (and list both under the same `networks:` in compose).

# $state is one of the dependency-unreachable-state-* messages.
dependency-unreachable-why-down = { $dep } is { $state }
dependency-unreachable-state-restarting = restarting
dependency-unreachable-state-never-started = never started
# $status and $health as the engine writes them (running, unhealthy).
dependency-unreachable-state-running = { $status } and { $health }
dependency-unreachable-state-running-failing = { $status } and failing
dependency-unreachable-state-exited = { $status } (exit code { $code })
dependency-unreachable-fix-down = Fix { $dep } (see its root cause); { $caller } connects once it is back.
dependency-unreachable-step-down = See why { $dep } is down.

# $entry is the environment entry that sets the port.
dependency-unreachable-why-port = { $dep } runs, but is configured to listen on port { $listening } ({ $entry }), not { $port }
dependency-unreachable-fix-port = Make { $caller } and { $dep } agree on the port: dial { $host }:{ $listening }, or have { $dep } listen on { $port }.
dependency-unreachable-step-port = Set the port in { $caller }'s connection setting to { $listening } (or { $dep } back to { $port }) and re-create the container you changed.

dependency-unreachable-why-starting = { $dep } had started only { $seconds } s before the last attempt and was not listening yet
dependency-unreachable-fix-starting = Make { $caller } wait until { $dep } is ready.
dependency-unreachable-step-starting = Give { $dep } a healthcheck and start { $caller } after it (compose `depends_on: {"{"} { $dep_service }: {"{"} condition: service_healthy {"}"} {"}"}`), or retry with backoff.

dependency-unreachable-why-dns-shared = { $dep } runs on a network { $caller } shares, yet its name did not resolve: check { $caller }'s DNS settings
dependency-unreachable-why-not-listening = { $dep } runs, but nothing in it accepts connections on { $target }
dependency-unreachable-fix-which-port = Find which port { $dep } really listens on, and dial that.
dependency-unreachable-step-which-port = See what { $dep } logged about listening, and its port settings.

# $line is where the compose file says it (compose.yaml line 12); $entry the line as written.
dependency-unreachable-edit-list = On { $line }, write `depends_on:` as a mapping: replace `{ $entry }` with `{ $dep_service }: {"{"} condition: service_healthy {"}"}`
# $others: the dependency-unreachable-edit-other edits of the other entries.
dependency-unreachable-edit-list-and = On { $line }, write `depends_on:` as a mapping: replace `{ $entry }` with `{ $dep_service }: {"{"} condition: service_healthy {"}"}` (and { $others })
dependency-unreachable-edit-other = `- { $service }` with `{ $service }: {"{"} condition: service_started {"}"}`
dependency-unreachable-edit-others = { $first }, { $rest }
dependency-unreachable-edit-mapping = Under `{ $entry }` ({ $line }), set `condition: service_healthy`
dependency-unreachable-why-start-order = { $dep } was still starting (healthy { $waited } s after it started, after { $caller } gave up): compose starts { $caller_service } without waiting for it (`depends_on` without `condition: service_healthy`)
dependency-unreachable-fix-start-order = Start { $caller_service } only once { $dep_service } is healthy: `condition: service_healthy` under its `depends_on:`.
# $edit is one of the dependency-unreachable-edit-* messages.
dependency-unreachable-step-start-order = { $edit }, then bring the project up again.
dependency-unreachable-step-start-order-retry = Let { $caller_service } retry its connection with backoff too: a dependency can restart at any time, not only at startup.

# $port is `:5432`, or nothing when the port is unknown; $said a dependency-unreachable-said-* message.
dependency-unreachable-why-bound-to-loopback = { $dep } listens only on 127.0.0.1{ $port } inside its own container ({ $said }), so connections from { $caller } to its network address are refused
dependency-unreachable-said-setting = set by { $entry }
dependency-unreachable-said-logged = it logged `{ $line }`
dependency-unreachable-fix-bound-to-loopback = Make { $dep } listen on all interfaces (0.0.0.0{ $port }) instead of 127.0.0.1.
dependency-unreachable-step-bound-to-loopback = Set the bind address of { $dep } to 0.0.0.0 (the setting quoted above, or the server's --bind/--host option), re-create it and check it announces 0.0.0.0.

dependency-unreachable-why-unresolved = { $host } does not resolve, and no container is named { $host }
dependency-unreachable-fix-unresolved = Make { $host } resolvable for { $caller }, or use an address that is.
dependency-unreachable-step-unresolved = Check how the host resolves the name.

dependency-unreachable-why-default-bridge = { $caller } is on the default bridge network, where containers cannot resolve each other by name
dependency-unreachable-why-alone = no container named { $host } or with alias { $host } is on { $networks }; { $caller } is alone there
# $peers: the containers that are on those networks.
dependency-unreachable-why-peers = no container named { $host } or with alias { $host } is on { $networks } (there: { $peers })
dependency-unreachable-fix-unknown-name = Run { $host } on { $caller }'s network under that name, or point { $caller } at a name that exists there.
dependency-unreachable-step-list-network = List who is on { $network } and under which names.
dependency-unreachable-step-alias = If { $host } runs under another name or on another network, attach it to { $network } with the alias { $host } (`docker network connect --alias { $host } { $network } <container>`); if it does not exist, create it (compose: add the service and `depends_on` it).
