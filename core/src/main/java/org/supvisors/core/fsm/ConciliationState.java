package org.supvisors.core.fsm;

import java.util.Optional;
import java.util.stream.Collectors;

import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.strategy.ConciliationStrategy;

/**
 * Conflicts exist among managed applications; the Master applies {@code conciliation_strategy} (with the
 * commander issue) and returns to OPERATION once none remains.
 */
final class ConciliationState extends WorkingState {

    ConciliationState(StateMachine fsm) {
        super(fsm);
    }

    @Override
    SupvisorsState state() {
        return SupvisorsState.CONCILIATION;
    }

    @Override
    Optional<SupvisorsState> onActivation(boolean activated) {
        // 0.19 activates new instances here but refuses the suggested ELECTION (not in the transition table)
        return Optional.empty();
    }

    @Override
    void masterEnter() {
        ConciliationStrategy strategy = fsm.options().conciliationStrategy();
        fsm.log().warn("conflicts on " + fsm.context().conflicts().stream().map(ProcessStatus::namespec)
                .collect(Collectors.toList()) + ": " + (strategy == ConciliationStrategy.USER
                ? "left to the user (USER)" : "conciliation " + strategy));
        fsm.commander().conciliate(strategy);
    }

    @Override
    Optional<SupvisorsState> masterNext() {
        if (fsm.commander().hasStartingJobs() || fsm.commander().hasStoppingJobs()) {
            return Optional.empty();
        }
        if (fsm.context().conflicts().isEmpty()) {
            return Optional.of(SupvisorsState.OPERATION);
        }
        // conflicts remain and nothing is in progress: the strategy once more
        fsm.commander().conciliate(fsm.options().conciliationStrategy());
        return Optional.empty();
    }
}
