# swarm-task-unschedulable : les tâches Swarm d'un service ne trouvent aucun nœud, ou le nœud les rejette.

swarm-task-unschedulable-title-rejected = Les tâches Swarm de { $service } sont rejetées par le nœud : { $error }
swarm-task-unschedulable-title-pending = { $service } ne peut pas être planifié, sa tâche Swarm reste en attente : { $error }

swarm-task-unschedulable-constraints-summary = Aucun nœud ne satisfait les contraintes de placement de { $service } ({ $constraints }) : donnez à un nœud ce qu'elles demandent, ou corrigez-les.
swarm-task-unschedulable-step-labels = Regardez quels labels et quels rôles ont les nœuds.
swarm-task-unschedulable-step-add-label = Si un nœud doit l'exécuter, donnez à ce nœud le label que demande la contrainte.
swarm-task-unschedulable-step-remove-constraint = Si la contrainte est fausse, retirez-la ou corrigez-la.

swarm-task-unschedulable-resources-summary = Aucun nœud n'a de libre le CPU et la mémoire que réserve { $service } ({ $cpus } CPU, { $memory } octets de mémoire) : baissez les réservations ou ajoutez de la capacité.
swarm-task-unschedulable-step-capacity = Regardez ce dont disposent les nœuds et ce que réservent les autres services.
swarm-task-unschedulable-step-lower = Ramenez les réservations à ce qu'un nœud peut donner, ou ajoutez un nœud.

swarm-task-unschedulable-image-summary = Le nœud ne trouve pas ou ne peut pas tirer { $image } : poussez-la dans un registre accessible à tous les nœuds, ou corrigez la référence.
swarm-task-unschedulable-step-image-exists = Vérifiez que l'image existe là où les nœuds la tirent.
swarm-task-unschedulable-step-push = Poussez l'image, ou faites pointer le service vers une image qui existe ; pour un registre privé, transmettez ses identifiants aux nœuds.

swarm-task-unschedulable-nodes-summary = Aucun nœud n'accepte les tâches Swarm de { $service } : rendez un nœud disponible pour elles, comme l'indique la raison.
swarm-task-unschedulable-step-nodes = Regardez l'état et la disponibilité des nœuds.
swarm-task-unschedulable-step-activate = Réactivez un nœud drainé ou en pause s'il doit prendre des tâches.
