package org.supvisors.core.commander;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.supvisors.core.InstanceLog;
import org.supvisors.core.context.Context;
import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.strategy.ConciliationStrategy;

/** Resolves processes running on several instances (state-machines.md §8). */
final class Conciliator {

    private final Context context;
    private final Commander commander;
    private final FailureHandler failureHandler;
    private final InstanceLog log;

    Conciliator(Context context, Commander commander, FailureHandler failureHandler, InstanceLog log) {
        this.context = context;
        this.commander = commander;
        this.failureHandler = failureHandler;
        this.log = log.forClass(Conciliator.class);
    }

    /**
     * Applies a strategy to the conflicts given; USER does nothing, silently (the state machine calls it at every
     * evaluation while conflicts remain).
     */
    void conciliate(ConciliationStrategy strategy, List<ProcessStatus> conflicts) {
        if (strategy == ConciliationStrategy.USER) {
            return;
        }
        double now = context.clock().monotonic();
        for (ProcessStatus process : conflicts) {
            List<String> running = new ArrayList<>(process.runningIdentifiers());
            if (running.size() < 2) {
                continue;
            }
            log.warn("conflict on " + process.namespec() + " running on " + running + ": " + strategy);
            switch (strategy) {
                case SENICIDE:
                    keep(process, running, Comparator.comparingDouble(id -> uptime(process, id, now)));
                    break;
                case INFANTICIDE:
                    keep(process, running,
                            Comparator.<String>comparingDouble(id -> uptime(process, id, now)).reversed());
                    break;
                case STOP:
                    commander.stopProcess(process, running);
                    break;
                case RESTART:
                    commander.restartProcess(commander.defaultStrategy(process), process, process.extraArgs());
                    break;
                case RUNNING_FAILURE:
                    commander.stopProcess(process, running);
                    failureHandler.add(process);
                    break;
                default:
                    break;
            }
        }
        failureHandler.trigger();
    }

    /** Keeps the first instance in {@code order}, stops the process on the others. */
    private void keep(ProcessStatus process, List<String> running, Comparator<String> order) {
        List<String> sorted = new ArrayList<>(running);
        sorted.sort(order);
        List<String> others = sorted.subList(1, sorted.size());
        commander.stopProcess(process, new ArrayList<>(others));
    }

    /** The uptime of the process on an instance now ({@code now}: the local monotonic time). */
    private static double uptime(ProcessStatus process, String identifier, double now) {
        return process.info(identifier).map(info -> info.uptimeAt(now)).orElse(0.0);
    }
}
