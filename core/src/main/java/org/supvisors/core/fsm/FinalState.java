package org.supvisors.core.fsm;

import java.util.Optional;

/** Nothing more happens: supervisord is about to restart or stop. */
final class FinalState extends FsmState {

    FinalState(StateMachine fsm) {
        super(fsm);
    }

    @Override
    SupvisorsState state() {
        return SupvisorsState.FINAL;
    }

    @Override
    boolean activatesCheckedInstances() {
        return false;
    }

    @Override
    Optional<SupvisorsState> next() {
        return Optional.empty();
    }
}
