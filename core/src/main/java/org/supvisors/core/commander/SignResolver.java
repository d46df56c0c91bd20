package org.supvisors.core.commander;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.supvisors.core.application.ApplicationStatus;
import org.supvisors.core.instance.InstanceRegistry;
import org.supvisors.core.process.IdentifierSign;
import org.supvisors.core.process.ProcessStatus;

/**
 * Resolves the {@code #} and {@code @} signs of the programs of an application (rules.md): once, when a start of
 * the application is planned; each process keeps its instance for good.
 */
final class SignResolver {

    private SignResolver() {
    }

    static void resolve(ApplicationStatus application, InstanceRegistry registry) {
        Map<String, List<ProcessStatus>> byProgram = new LinkedHashMap<>();
        for (ProcessStatus process : application.processes()) {
            if (process.rules().sign() != IdentifierSign.NONE) {
                byProgram.computeIfAbsent(process.programName(), k -> new ArrayList<>()).add(process);
            }
        }
        for (List<ProcessStatus> processes : byProgram.values()) {
            processes.sort(Comparator.comparingInt(ProcessStatus::processIndex));
            ProcessStatus first = processes.get(0);
            List<String> reference = reference(first, registry);
            if (reference.isEmpty()) {
                continue;
            }
            Map<String, Integer> assigned = new HashMap<>();
            for (ProcessStatus process : processes) {
                process.assignedIdentifier().ifPresent(i -> assigned.merge(i, 1, Integer::sum));
            }
            for (ProcessStatus process : processes) {
                if (process.assignedIdentifier().isPresent()) {
                    continue;
                }
                String chosen = null;
                if (process.rules().sign() == IdentifierSign.AT) {
                    for (String identifier : reference) {
                        if (!assigned.containsKey(identifier)) {
                            chosen = identifier;
                            break;
                        }
                    }
                } else {
                    int fewest = Integer.MAX_VALUE;
                    for (String identifier : reference) {
                        int count = assigned.getOrDefault(identifier, 0);
                        if (count < fewest) {
                            fewest = count;
                            chosen = identifier;
                        }
                    }
                }
                if (chosen != null) {
                    process.assign(chosen);
                    assigned.merge(chosen, 1, Integer::sum);
                }
            }
        }
    }

    /** The instances a sign spreads over: the rule's names resolved in order, or all instances. */
    private static List<String> reference(ProcessStatus process, InstanceRegistry registry) {
        List<String> names = process.rules().identifiers();
        if (names.isEmpty() || names.contains("*")) {
            List<String> all = new ArrayList<>();
            registry.all().forEach(i -> all.add(i.identifier()));
            return all;
        }
        return registry.resolveInOrder(names);
    }
}
