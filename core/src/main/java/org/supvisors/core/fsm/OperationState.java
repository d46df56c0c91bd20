package org.supvisors.core.fsm;

import java.util.Optional;

/** Normal operation; the Master watches for conflicts once no job is in progress. */
final class OperationState extends WorkingState {

    OperationState(StateMachine fsm) {
        super(fsm);
    }

    @Override
    SupvisorsState state() {
        return SupvisorsState.OPERATION;
    }

    @Override
    Optional<SupvisorsState> masterNext() {
        handleLostProcesses();
        if (fsm.commander().hasStartingJobs() || fsm.commander().hasStoppingJobs()) {
            return Optional.empty();
        }
        if (!fsm.context().conflicts().isEmpty()) {
            return Optional.of(SupvisorsState.CONCILIATION);
        }
        return Optional.empty();
    }
}
