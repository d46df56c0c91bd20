package org.supvisors.core.statistics;

import java.util.Optional;

/**
 * The integration of the samples of one process on one instance over one period (statistics.md, "Integrated
 * process statistics"): CPU in IRIX mode ({@code 100 × Δproc_work / Δnow}), memory of the latest sample. A sample of
 * another pid, or earlier than the reference (the host restarted), starts a new series.
 */
final class ProcessCompiler {

    private final String namespec;
    private final String identifier;
    private final double period;
    private final BoundedSeries history;
    private ProcessSample reference;
    private double start;
    private ProcessStatistics latest;

    ProcessCompiler(String namespec, String identifier, double period, int depth) {
        this.namespec = namespec;
        this.identifier = identifier;
        this.period = period;
        this.history = new BoundedSeries(depth, 2);
    }

    /** Feeds a sample of a running process; returns the integrated statistics when the period is complete. */
    Optional<ProcessStatistics> push(ProcessSample sample) {
        if (reference == null || sample.pid() != reference.pid() || sample.now() < reference.now()) {
            reference = sample;
            start = sample.now();
            latest = null;
            history.clear();
            return Optional.empty();
        }
        double duration = sample.now() - reference.now();
        if (duration == 0 || !Integration.isDue(duration, period)) {
            return Optional.empty();
        }
        // the CPU time of a descendant that ended leaves the sum: the tree's CPU time may go down
        double cpu = Math.max(0.0, 100.0 * (sample.procWork() - reference.procWork()) / duration);
        ProcessStatistics result = new ProcessStatistics(namespec, identifier, sample.pid(), period,
                reference.now() - start, sample.now() - start, cpu, sample.procMemory());
        history.add(result.end(), result.cpu(), result.mem());
        reference = sample;
        latest = result;
        return Optional.of(result);
    }

    double period() {
        return period;
    }

    int pid() {
        return reference == null ? 0 : reference.pid();
    }

    Optional<ProcessStatistics> latest() {
        return Optional.ofNullable(latest);
    }

    /** Columns: CPU (IRIX %), memory (%). */
    BoundedSeries history() {
        return history;
    }
}
