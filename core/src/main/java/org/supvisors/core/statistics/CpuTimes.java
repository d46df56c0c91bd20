package org.supvisors.core.statistics;

/**
 * The cumulative times of one CPU line of a host sample, in any unit of time as long as it is the same for every
 * sample of a host (jiffies in 0.19, milliseconds with OSHI).
 *
 * @param work {@code user + nice + system + irq + softirq + steal}
 * @param idle {@code idle + iowait}
 */
public record CpuTimes(long work, long idle) {

    public CpuTimes {
        if (work < 0 || idle < 0) {
            throw new IllegalArgumentException("cpu times: (" + work + ", " + idle + ") (expected: non-negative)");
        }
    }
}
