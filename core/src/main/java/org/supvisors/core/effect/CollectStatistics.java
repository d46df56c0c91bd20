package org.supvisors.core.effect;

/**
 * What the local statistics collector must do: host samples, process samples (the processes of the last
 * {@link MonitorProcesses} and the {@code supervisord} pseudo-process), each at most once per
 * {@code collectingPeriod}. Emitted at start and whenever the settings change; with both kinds off, the collector
 * takes nothing (and may have no thread at all).
 *
 * @param host collect host samples
 * @param process collect process samples
 * @param collectingPeriod the minimum interval, in seconds, between two samples of one entity
 */
public record CollectStatistics(boolean host, boolean process, double collectingPeriod) implements Effect {

    public CollectStatistics {
        if (!(collectingPeriod > 0)) {
            throw new IllegalArgumentException("collecting period: " + collectingPeriod + " (expected: > 0)");
        }
    }

    public boolean any() {
        return host || process;
    }
}
