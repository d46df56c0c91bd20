package org.supvisors.core.election;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.supvisors.core.instance.InstanceRegistry;
import org.supvisors.core.instance.SupvisorsInstance;

/**
 * The choice of a Master (state-machines.md §4): a Master already declared by a RUNNING instance first, else any
 * RUNNING instance; core instances preferred; then the smallest nickname.
 */
public final class MasterSelection {

    private MasterSelection() {
    }

    /**
     * Selects the Master.
     *
     * @param stability the current stability evaluation (for the Master choices of the RUNNING instances)
     * @param instances the known instances
     * @param runningIdentifiers the instances the local instance sees RUNNING
     * @param coreIdentifiers the resolved core identifiers
     * @return the chosen identifier, empty when no instance can be Master
     */
    public static Optional<String> select(Stability stability, InstanceRegistry instances,
                                          Set<String> runningIdentifiers, List<String> coreIdentifiers) {
        Set<String> candidates = new LinkedHashSet<>(stability.masterChoices());
        candidates.remove("");
        if (candidates.isEmpty()) {
            candidates.addAll(runningIdentifiers);
        }
        List<String> core = new ArrayList<>();
        for (String identifier : coreIdentifiers) {
            if (candidates.contains(identifier)) {
                core.add(identifier);
            }
        }
        Set<String> finalists = core.isEmpty() ? candidates : new LinkedHashSet<>(core);
        return finalists.stream()
                .map(instances::get)
                .flatMap(Optional::stream)
                .min(Comparator.comparing(SupvisorsInstance::nickIdentifier))
                .map(SupvisorsInstance::identifier);
    }

    /**
     * The Master declared by a RUNNING instance, if any (the USER option adopts it in SYNCHRONIZATION).
     */
    public static Optional<String> declared(Stability stability) {
        return stability.masterChoices().stream().filter(m -> !m.isEmpty()).findFirst();
    }
}
