package org.supvisors.core.fsm;

import java.util.Optional;

import org.supvisors.core.config.SynchronizationOption;
import org.supvisors.core.election.MasterSelection;

/** Waits for the synchronization conditions of {@code synchro_options}. */
final class SynchronizationState extends FsmState {

    SynchronizationState(StateMachine fsm) {
        super(fsm);
    }

    @Override
    SupvisorsState state() {
        return SupvisorsState.SYNCHRONIZATION;
    }

    @Override
    void enter() {
        fsm.commander().abortAll();
    }

    @Override
    Optional<SupvisorsState> next() {
        Optional<SupvisorsState> inconsistent = fsm.checkLocalRunning();
        if (inconsistent.isPresent()) {
            return inconsistent;
        }
        SyncConditions conditions = fsm.syncConditions();
        Boolean strict = negate(conditions.strictFailure());
        Boolean list = negate(conditions.listFailure());
        Boolean core = negate(conditions.coreFailure());
        if (Boolean.TRUE.equals(core) && fsm.uptime() < StateMachine.SYNCHRO_TIMEOUT_MIN) {
            // a late start keeps a margin of 15 s to give the other instances a chance
            core = Boolean.FALSE;
        }
        Boolean timeout = null;
        if (fsm.options().hasSynchroOption(SynchronizationOption.TIMEOUT)) {
            timeout = fsm.uptime() >= fsm.options().synchroTimeout();
        }
        Boolean user = null;
        if (fsm.options().hasSynchroOption(SynchronizationOption.USER)) {
            MasterSelection.declared(fsm.stability()).ifPresent(fsm::setMaster);
            user = !fsm.masterIdentifier().isEmpty() && fsm.instances().get(fsm.masterIdentifier())
                    .map(i -> i.isRunning()).orElse(false);
        }
        fsm.setDegradedMode(Boolean.FALSE.equals(strict) || Boolean.FALSE.equals(list)
                || Boolean.FALSE.equals(core));
        if (isTrue(strict) || isTrue(list) || isTrue(timeout) || isTrue(core) || isTrue(user)) {
            fsm.log().info("synchronization ends: strict=" + strict + " list=" + list + " timeout=" + timeout
                    + " core=" + core + " user=" + user);
            return Optional.of(SupvisorsState.ELECTION);
        }
        return Optional.empty();
    }

    private static Boolean negate(Boolean failure) {
        return failure == null ? null : !failure;
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
