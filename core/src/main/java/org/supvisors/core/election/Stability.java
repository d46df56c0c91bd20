package org.supvisors.core.election;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.supvisors.core.instance.InstanceRegistry;
import org.supvisors.core.instance.InstanceState;
import org.supvisors.core.instance.StateModes;
import org.supvisors.core.instance.SupvisorsInstance;

/**
 * Whether every RUNNING instance sees the same set of RUNNING instances and none in a transitional state
 * (state-machines.md §4), and the Master choices they publish.
 *
 * @param stableIdentifiers the common set of RUNNING instances, empty when the context is not stable
 * @param masterChoices the Master choices of the instances seen RUNNING (the empty string included)
 */
public record Stability(Set<String> stableIdentifiers, Set<String> masterChoices) {

    /**
     * Evaluates the context.
     *
     * @param instances the known instances
     * @param localStateModes the state & modes the local instance would publish now
     */
    public static Stability evaluate(InstanceRegistry instances, StateModes localStateModes) {
        Set<String> common = null;
        boolean stable = true;
        Set<String> masters = new LinkedHashSet<>();
        Map<String, InstanceState> localView = localStateModes.instanceStates();
        for (SupvisorsInstance instance : instances.all()) {
            if (localView.get(instance.identifier()) != InstanceState.RUNNING) {
                continue;
            }
            StateModes published = instance.isLocal() ? localStateModes : instance.stateModes();
            masters.add(published.masterIdentifier());
            Set<String> contribution = published.stableRunningIdentifiers();
            if (common == null) {
                common = contribution;
            } else if (!common.equals(contribution)) {
                stable = false;
            }
        }
        Set<String> stableIdentifiers = stable && common != null ? common : Set.of();
        return new Stability(Set.copyOf(stableIdentifiers), masters);
    }

    public boolean isStable() {
        return !stableIdentifiers.isEmpty();
    }

    /** True when every instance of {@code identifiers} is in the stable RUNNING set (false if none is given). */
    public boolean allRunning(Set<String> identifiers) {
        return !identifiers.isEmpty() && stableIdentifiers.containsAll(identifiers);
    }

    /** True when the RUNNING instances all declare the same, non-empty Master. */
    public boolean hasUniqueMaster() {
        return masterChoices.size() == 1 && !masterChoices.contains("");
    }
}
