package org.supvisors.core.statistics;

/** How a process CPU value is displayed, after {@code stats_irix_mode} (statistics.md, "Solaris mode"). */
public final class CpuDisplay {

    private CpuDisplay() {
    }

    /**
     * @param irix the value stored and published: 100 = one full core, may exceed 100 on several cores
     * @param nbCores logical CPUs of the host where the process runs
     * @param irixMode {@code stats_irix_mode}
     * @return the IRIX value in IRIX mode; in Solaris mode (the default) divided by the number of cores, so that 100
     *     means every core fully used
     */
    public static double cpu(double irix, int nbCores, boolean irixMode) {
        if (nbCores < 1) {
            throw new IllegalArgumentException("nbCores: " + nbCores + " (expected: 1 or more)");
        }
        return irixMode ? irix : irix / nbCores;
    }
}
