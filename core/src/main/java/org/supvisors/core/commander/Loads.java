package org.supvisors.core.commander;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.supvisors.core.instance.InstanceRegistry;
import org.supvisors.core.instance.NetworkInfo;
import org.supvisors.core.instance.SupvisorsInstance;
import org.supvisors.core.process.IdentifierSign;
import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.strategy.Candidate;

/**
 * The loads a starting strategy looks at: instance load (what runs there, plus the pending starts targeting it)
 * and node load (the same over the instances sharing its machine id), and where a process may be started.
 */
final class Loads {

    private Loads() {
    }

    /** The node of an instance: its machine id, or the instance itself while its network is unknown. */
    static String node(SupvisorsInstance instance) {
        return instance.network().map(NetworkInfo::machineId).orElse(instance.identifier());
    }

    /**
     * The RUNNING instances among {@code identifiers}, in order, with their loads.
     *
     * @param pending the load of the planned or in-progress starts that already have a target, per target
     */
    static List<Candidate> candidates(InstanceRegistry registry, List<String> identifiers,
                                      Map<String, Integer> pending) {
        Map<String, Integer> nodeLoads = new HashMap<>();
        for (SupvisorsInstance instance : registry.all()) {
            if (instance.isRunning()) {
                nodeLoads.merge(node(instance), instance.loading() + pending.getOrDefault(instance.identifier(), 0),
                        Integer::sum);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (String identifier : identifiers) {
            registry.get(identifier).filter(SupvisorsInstance::isRunning).ifPresent(instance ->
                    candidates.add(new Candidate(identifier,
                            instance.loading() + pending.getOrDefault(identifier, 0),
                            nodeLoads.getOrDefault(node(instance), 0))));
        }
        return candidates;
    }

    /**
     * Where a process may be started (state-machines.md §5.4): its rule's instances ({@code *}: all, in order),
     * or the one a sign assigned, restricted to the instances where it is configured and not disabled.
     */
    static List<String> possibleIdentifiers(ProcessStatus process, InstanceRegistry registry) {
        List<String> allowed;
        if (process.rules().sign() != IdentifierSign.NONE) {
            allowed = process.assignedIdentifier().map(List::of).orElse(List.of());
        } else if (process.rules().identifiers().contains("*")) {
            allowed = new ArrayList<>();
            registry.all().forEach(i -> allowed.add(i.identifier()));
        } else {
            allowed = registry.resolveInOrder(process.rules().identifiers());
        }
        return configuredIn(process, allowed);
    }

    /**
     * The instances among {@code identifiers}, in order, where the process is configured and not disabled: where a
     * process of a SINGLE_INSTANCE or SINGLE_NODE application may go among those chosen for the application (its
     * program's own {@code identifiers} do not apply then).
     */
    static List<String> configuredIn(ProcessStatus process, List<String> identifiers) {
        List<String> possible = new ArrayList<>();
        for (String identifier : identifiers) {
            process.info(identifier).filter(info -> !info.disabled()).ifPresent(info -> possible.add(identifier));
        }
        return possible;
    }
}
