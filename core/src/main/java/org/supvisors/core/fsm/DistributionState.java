package org.supvisors.core.fsm;

import java.util.Optional;

/** The Master starts the applications of the automatic start sequence; new instances wait for OPERATION. */
final class DistributionState extends WorkingState {

    DistributionState(StateMachine fsm) {
        super(fsm);
    }

    @Override
    SupvisorsState state() {
        return SupvisorsState.DISTRIBUTION;
    }

    @Override
    boolean activatesCheckedInstances() {
        return false;
    }

    @Override
    void masterEnter() {
        fsm.commander().startApplications();
    }

    @Override
    Optional<SupvisorsState> masterNext() {
        handleLostProcesses();
        if (fsm.commander().hasStartingJobs()) {
            return Optional.empty();
        }
        return Optional.of(SupvisorsState.OPERATION);
    }
}
