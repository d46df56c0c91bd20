package org.supvisors.core.fsm;

import java.util.Optional;


/**
 * DISTRIBUTION, OPERATION, CONCILIATION: new instances send Supvisors back to ELECTION; the Master repairs the
 * processes lost with an instance.
 */
abstract class WorkingState extends MasterSlaveState {

    WorkingState(StateMachine fsm) {
        super(fsm);
    }

    /**
     * New instances joined. 0.19 goes back to ELECTION and distributes again; here, while a Master is
     * established, they are simply integrated: they adopt the Master in their own ELECTION (deviation: no
     * platform-wide re-distribution, one-shot programs are not started again).
     */
    @Override
    Optional<SupvisorsState> onActivation(boolean activated) {
        if (activated && fsm.masterIdentifier().isEmpty()) {
            fsm.log().info("new instances are RUNNING and no Master is known: ELECTION required");
            return Optional.of(SupvisorsState.ELECTION);
        }
        return Optional.empty();
    }

    /** Hands the lost processes to the failure handling (the Master only). */
    void handleLostProcesses() {
        if (!fsm.lostProcesses().isEmpty()) {
            fsm.commander().onLostProcesses(fsm.lostProcesses());
        }
    }
}
