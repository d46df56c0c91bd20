package org.supvisors.core.fsm;

import java.util.Optional;

/**
 * Every state past ELECTION: exactly one Master must be declared by all RUNNING instances, otherwise back to
 * ELECTION. The Master decides; the others follow the state the Master publishes.
 */
abstract class MasterSlaveState extends SynchronizedState {

    MasterSlaveState(StateMachine fsm) {
        super(fsm);
    }

    @Override
    final void enter() {
        if (fsm.isMaster()) {
            masterEnter();
        } else {
            slaveEnter();
        }
    }

    void masterEnter() {
    }

    void slaveEnter() {
    }

    @Override
    Optional<SupvisorsState> checkConsistence() {
        Optional<SupvisorsState> inconsistent = super.checkConsistence();
        if (inconsistent.isPresent()) {
            return inconsistent;
        }
        if (!fsm.stability().hasEstablishedMaster()) {
            fsm.log().warn("no single Master declared by the RUNNING instances "
                    + fsm.stability().workingMasterChoices() + ": back to " + lostMasterState());
            return Optional.of(lostMasterState());
        }
        return Optional.empty();
    }

    /** Where to go when the Master is not agreed any more. */
    SupvisorsState lostMasterState() {
        return SupvisorsState.ELECTION;
    }

    @Override
    Optional<SupvisorsState> next() {
        Optional<SupvisorsState> inconsistent = checkConsistence();
        if (inconsistent.isPresent()) {
            return inconsistent;
        }
        if (!fsm.lostInstances().isEmpty()) {
            fsm.onStartsLost(fsm.commander().onInstancesLost(fsm.lostInstances()));
        }
        return fsm.isMaster() ? masterNext() : slaveNext();
    }

    abstract Optional<SupvisorsState> masterNext();

    /** A non-Master follows the state the Master publishes. */
    Optional<SupvisorsState> slaveNext() {
        return fsm.masterState();
    }
}
