# swarm-task-unschedulable: a Swarm service's tasks cannot be placed, or the node rejects them.
# $error is the engine's reason, quoted.

swarm-task-unschedulable-title-rejected = { $service }'s tasks are rejected by the node: { $error }
swarm-task-unschedulable-title-pending = { $service } cannot be scheduled: its task is pending: { $error }

# $constraints lists the service's placement constraints as written.
swarm-task-unschedulable-constraints-summary = No node satisfies { $service }'s placement constraints ({ $constraints }): give a node what they ask for, or correct them.
swarm-task-unschedulable-step-labels = See which labels and roles the nodes have.
swarm-task-unschedulable-step-add-label = If a node should run it, give that node the label the constraint asks for.
swarm-task-unschedulable-step-remove-constraint = If the constraint is wrong, remove or correct it.

# $cpus and $memory (in bytes) are what the service reserves.
swarm-task-unschedulable-resources-summary = No node has the CPU and memory { $service } reserves (CPUs { $cpus }, memory { $memory } bytes) free: lower the reservations or add capacity.
swarm-task-unschedulable-step-capacity = See what the nodes have and what other services reserve.
swarm-task-unschedulable-step-lower = Lower the reservations to what a node can give, or add a node.

swarm-task-unschedulable-image-summary = The node cannot find or pull { $image }: push it to a registry every node can pull from, or correct the reference.
swarm-task-unschedulable-step-image-exists = Check that the image exists where the nodes pull from.
swarm-task-unschedulable-step-push = Push the image, or point the service at one that exists; pass the registry credentials to the nodes for a private registry.

swarm-task-unschedulable-nodes-summary = No node accepts { $service }'s tasks: make a node available for it, as the reason says.
swarm-task-unschedulable-step-nodes = See the nodes' status and availability.
swarm-task-unschedulable-step-activate = Make a drained or paused node active again if it should take tasks.
