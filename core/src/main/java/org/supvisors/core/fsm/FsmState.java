package org.supvisors.core.fsm;

import java.util.Optional;

/**
 * The behaviour of one state of the global state machine: what happens on entry, what each evaluation decides,
 * and what happens on exit. {@link StateMachine} runs the common steps (invalidation, activation, stability)
 * before calling {@link #next()}.
 */
abstract class FsmState {

    protected final StateMachine fsm;

    FsmState(StateMachine fsm) {
        this.fsm = fsm;
    }

    /** The state this object implements. */
    abstract SupvisorsState state();

    void enter() {
    }

    /**
     * Whether CHECKED instances are activated in this state (not in DISTRIBUTION: a start plan must not be
     * disturbed), and what their activation suggests.
     *
     * @param activated whether any instance was activated now
     */
    Optional<SupvisorsState> onActivation(boolean activated) {
        return Optional.empty();
    }

    boolean activatesCheckedInstances() {
        return true;
    }

    /** The decision of this evaluation; empty or the same state means staying. */
    abstract Optional<SupvisorsState> next();

    void exit() {
    }
}
