package org.supvisors.core.fsm;

import java.util.Optional;

/**
 * RESTARTING or SHUTTING_DOWN: every application is stopped, then every instance asks its supervisord to restart
 * or shut down when leaving for FINAL. Any inconsistency leads to FINAL.
 */
final class ClosingState extends MasterSlaveState {

    private final SupvisorsState state;

    ClosingState(StateMachine fsm, SupvisorsState state) {
        super(fsm);
        this.state = state;
    }

    @Override
    SupvisorsState state() {
        return state;
    }

    @Override
    void masterEnter() {
        fsm.commander().abortAll();
        fsm.commander().stopApplications();
    }

    @Override
    void slaveEnter() {
        fsm.commander().abortAll();
    }

    @Override
    SupvisorsState lostMasterState() {
        return SupvisorsState.FINAL;
    }

    @Override
    Optional<SupvisorsState> checkConsistence() {
        // any state suggested by the common checks becomes FINAL
        return super.checkConsistence().map(s -> SupvisorsState.FINAL);
    }

    @Override
    Optional<SupvisorsState> masterNext() {
        if (fsm.commander().hasStoppingJobs()) {
            return Optional.empty();
        }
        return Optional.of(SupvisorsState.FINAL);
    }

    @Override
    Optional<SupvisorsState> slaveNext() {
        Optional<SupvisorsState> master = fsm.masterState();
        if (master.isEmpty() || master.get() == state) {
            return Optional.empty();
        }
        if (master.get() != SupvisorsState.FINAL) {
            fsm.log().error("unexpected Master state " + master.get() + " while " + state + ": FINAL");
        }
        return Optional.of(SupvisorsState.FINAL);
    }

    @Override
    void exit() {
        fsm.onClosing(state);
    }
}
