package org.supvisors.core.fsm;

import java.util.Optional;

import org.supvisors.core.process.ProcessStatus;

/**
 * DISTRIBUTION, OPERATION, CONCILIATION: new instances send Supvisors back to ELECTION; the Master repairs the
 * processes lost with an instance.
 */
abstract class WorkingState extends MasterSlaveState {

    WorkingState(StateMachine fsm) {
        super(fsm);
    }

    @Override
    Optional<SupvisorsState> onActivation(boolean activated) {
        if (activated) {
            fsm.log().info("new instances are RUNNING: ELECTION required");
            return Optional.of(SupvisorsState.ELECTION);
        }
        return Optional.empty();
    }

    /** Hands the lost processes to the failure handling (the Master only). */
    void handleLostProcesses() {
        for (ProcessStatus process : fsm.lostProcesses()) {
            fsm.log().warn("process " + process.namespec() + " lost with its instance (running failure strategy "
                    + process.rules().runningFailureStrategy() + ")");
        }
    }
}
