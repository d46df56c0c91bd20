package org.supvisors.core.fsm;

import java.util.Optional;

import org.supvisors.core.election.Stability;

/** Elects the Master: waits for a stable context where every RUNNING instance declares the same Master. */
final class ElectionState extends SynchronizedState {

    ElectionState(StateMachine fsm) {
        super(fsm);
    }

    @Override
    SupvisorsState state() {
        return SupvisorsState.ELECTION;
    }

    @Override
    void enter() {
        fsm.commander().abortAll();
    }

    @Override
    Optional<SupvisorsState> next() {
        Optional<SupvisorsState> inconsistent = checkConsistence();
        if (inconsistent.isPresent()) {
            return inconsistent;
        }
        Stability stability = fsm.stability();
        if (!stability.isStable()) {
            fsm.log().debug("election: waiting for the context to stabilize");
            return Optional.empty();
        }
        if (stability.hasUniqueMaster()) {
            if (fsm.isMaster()) {
                return Optional.of(SupvisorsState.DISTRIBUTION);
            }
            // a non-Master follows once the Master distributes, or joins a Master that already works (a late
            // joiner is integrated without a new distribution)
            if (fsm.masterState().filter(s -> s == SupvisorsState.DISTRIBUTION || s == SupvisorsState.OPERATION
                    || s == SupvisorsState.CONCILIATION).isPresent()) {
                return Optional.of(SupvisorsState.DISTRIBUTION);
            }
        }
        fsm.selectMaster();
        return Optional.empty();
    }
}
