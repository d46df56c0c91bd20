package org.supvisors.core.statistics;

import java.util.Objects;

/**
 * A raw measure of a process and all its descendants (statistics.md, "Raw process sample").
 *
 * @param namespec the process, or {@value #SUPERVISORD} for supervisord and the agent
 * @param pid the pid measured; 0 means that the process stopped, which ends its series on every instance
 * @param now monotonic time of the sample, in seconds, on the measured host's clock
 * @param procWork CPU seconds (user + system) of the process and all its descendants
 * @param procMemory % of physical memory (resident set) of the process and all its descendants
 * @param nbCores the number of logical CPUs of the host in a {@value #SUPERVISORD} sample, 0 otherwise
 */
public record ProcessSample(String namespec, int pid, double now, double procWork, double procMemory,
                            int nbCores) {

    /** The name of the pseudo-process made of supervisord and its agent (0.19: supervisord and its collector). */
    public static final String SUPERVISORD = "supervisord";

    public ProcessSample {
        Objects.requireNonNull(namespec, "namespec");
        if (pid < 0) {
            throw new IllegalArgumentException("pid: " + pid + " (expected: 0 or more)");
        }
    }

    /** The sample that ends the series of a process that stopped. */
    public static ProcessSample stopped(String namespec, double now) {
        return new ProcessSample(namespec, 0, now, 0.0, 0.0, 0);
    }

    public boolean isStopped() {
        return pid == 0;
    }
}
