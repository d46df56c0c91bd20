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
 * @param workingMasterChoices the same, leaving out the instances that are joining (no Master, still
 *     synchronizing or electing)
 */
public record Stability(Set<String> stableIdentifiers, Set<String> masterChoices, Set<String> workingMasterChoices) {

    /**
     * Evaluates the context.
     *
     * @param instances the known instances
     * @param localStateModes the state & modes the local instance would publish now
     */
    public static Stability evaluate(InstanceRegistry instances, StateModes localStateModes) {
        StateModes.StableView common = null;
        boolean stable = true;
        Set<String> masters = new LinkedHashSet<>();
        Set<String> workingMasters = new LinkedHashSet<>();
        Map<String, InstanceState> localView = localStateModes.instanceStates();
        for (SupvisorsInstance instance : instances.all()) {
            if (localView.get(instance.identifier()) != InstanceState.RUNNING) {
                continue;
            }
            StateModes published = instance.isLocal() ? localStateModes : instance.stateModes();
            masters.add(published.masterIdentifier());
            if (!published.masterIdentifier().isEmpty() || !isJoining(published)) {
                workingMasters.add(published.masterIdentifier());
            }
            StateModes.StableView contribution = published.stableView();
            if (common == null) {
                common = contribution;
            } else if (stable && !common.sameAs(contribution)) {
                stable = false;
            }
        }
        Set<String> stableIdentifiers = stable && common != null ? common.identifiers() : Set.of();
        return new Stability(stableIdentifiers, masters, workingMasters);
    }

    /**
     * An instance that has no Master yet and is still synchronizing or electing is joining: its empty choice does
     * not contest the established Master (it will adopt it). 0.19 counts it, which sends everybody back to ELECTION.
     */
    private static boolean isJoining(StateModes published) {
        switch (published.state()) {
            case OFF:
            case SYNCHRONIZATION:
            case ELECTION:
                return true;
            default:
                return false;
        }
    }

    public boolean isStable() {
        return !stableIdentifiers.isEmpty();
    }

    /** True when every instance of {@code identifiers} is in the stable RUNNING set (false if none is given). */
    public boolean allRunning(Set<String> identifiers) {
        return !identifiers.isEmpty() && stableIdentifiers.containsAll(identifiers);
    }

    /** True when the RUNNING instances all declare the same, non-empty Master (the ELECTION condition). */
    public boolean hasUniqueMaster() {
        return masterChoices.size() == 1 && !masterChoices.contains("");
    }

    /**
     * True when the RUNNING instances that are not joining all declare the same, non-empty Master: the condition
     * that keeps the states past ELECTION. 0.19 also counts joining instances, which sends everybody back to
     * ELECTION whenever an instance joins.
     */
    public boolean hasEstablishedMaster() {
        return workingMasterChoices.size() == 1 && !workingMasterChoices.contains("");
    }
}
