package org.supvisors.core.fsm;

import java.util.Optional;

/**
 * Every state past SYNCHRONIZATION: checks at each evaluation that the synchronization conditions still hold and
 * applies {@code supvisors_failure_strategy} otherwise.
 */
abstract class SynchronizedState extends FsmState {

    SynchronizedState(StateMachine fsm) {
        super(fsm);
    }

    /** The local instance is RUNNING and the synchronization conditions hold (or the strategy says continue). */
    Optional<SupvisorsState> checkConsistence() {
        Optional<SupvisorsState> inconsistent = fsm.checkLocalRunning();
        if (inconsistent.isPresent()) {
            return inconsistent;
        }
        SyncConditions conditions = fsm.syncConditions();
        fsm.setDegradedMode(conditions.degraded());
        if (conditions.failed()) {
            switch (fsm.options().supvisorsFailureStrategy()) {
                case RESYNC:
                    fsm.log().warn("synchronization conditions lost: back to SYNCHRONIZATION (RESYNC)");
                    return Optional.of(SupvisorsState.SYNCHRONIZATION);
                case SHUTDOWN:
                    fsm.log().warn("synchronization conditions lost: SHUTTING_DOWN (SHUTDOWN)");
                    return Optional.of(SupvisorsState.SHUTTING_DOWN);
                case CONTINUE:
                default:
                    break;
            }
        }
        return Optional.empty();
    }
}
