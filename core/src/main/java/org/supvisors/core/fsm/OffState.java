package org.supvisors.core.fsm;

import java.util.Optional;

/** Entry state: waits for the local instance to be RUNNING (its own handshake). */
final class OffState extends FsmState {

    private boolean alerted;

    OffState(StateMachine fsm) {
        super(fsm);
    }

    @Override
    SupvisorsState state() {
        return SupvisorsState.OFF;
    }

    @Override
    Optional<SupvisorsState> next() {
        if (fsm.localInstance().isRunning()) {
            return Optional.of(SupvisorsState.SYNCHRONIZATION);
        }
        double uptime = fsm.uptime();
        if (uptime >= StateMachine.SYNCHRO_TIMEOUT_MIN && !alerted) {
            alerted = true;
            fsm.log().error("the local instance is still not RUNNING after " + (int) uptime
                    + " seconds: is its supervisord answering XML-RPC?");
        }
        return Optional.empty();
    }
}
