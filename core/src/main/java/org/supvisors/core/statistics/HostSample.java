package org.supvisors.core.statistics;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A raw measure of a host (statistics.md, "Raw host sample").
 *
 * @param now monotonic time of the sample, in seconds, on the measured host's clock
 * @param cpu the average over all logical CPUs first, then one entry per logical CPU
 * @param mem % of memory used and not available: {@code (total − available) / total × 100}
 * @param netIo per network interface that is up (loopback included): bytes received, sent
 * @param diskIo per disk device: bytes read, written
 * @param diskUsage per mount point of a physical partition: % used
 */
public record HostSample(double now, List<CpuTimes> cpu, double mem, Map<String, IoCounters> netIo,
                         Map<String, IoCounters> diskIo, Map<String, Double> diskUsage) {

    public HostSample {
        cpu = List.copyOf(Objects.requireNonNull(cpu, "cpu"));
        netIo = Map.copyOf(Objects.requireNonNull(netIo, "netIo"));
        diskIo = Map.copyOf(Objects.requireNonNull(diskIo, "diskIo"));
        diskUsage = Map.copyOf(Objects.requireNonNull(diskUsage, "diskUsage"));
        if (cpu.isEmpty()) {
            throw new IllegalArgumentException("cpu: [] (expected: at least the average line)");
        }
    }

    /** The number of logical CPUs: the number of CPU lines, less the average when there are several. */
    public int nbCores() {
        return cpu.size() > 1 ? cpu.size() - 1 : 1;
    }
}
