package org.supvisors.core.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The statistics of one process on one instance integrated over one period (statistics.md), as published on
 * {@code pstats}.
 *
 * @param namespec the process, or {@value ProcessSample#SUPERVISORD}
 * @param identifier the instance where it runs
 * @param pid the pid measured
 * @param targetPeriod the configured integration period, in seconds
 * @param start start of the integration interval, seconds since the first sample of this series
 * @param end end of the interval, same origin
 * @param cpu % CPU in IRIX mode (100 = one full core), process and all descendants
 * @param mem % of physical memory, process and all descendants
 */
public record ProcessStatistics(String namespec, String identifier, int pid, double targetPeriod, double start,
                                double end, double cpu, double mem) {

    public ProcessStatistics {
        Objects.requireNonNull(namespec, "namespec");
        Objects.requireNonNull(identifier, "identifier");
    }

    /** The body of a {@code pstats} message (event-interface.md §7). */
    public Map<String, Object> toMap(double nowMonotonic) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("namespec", namespec);
        map.put("identifier", identifier);
        map.put("pid", pid);
        map.put("now_monotonic", nowMonotonic);
        map.put("target_period", targetPeriod);
        map.put("period", List.of(start, end));
        map.put("cpu", cpu);
        map.put("mem", mem);
        return map;
    }
}
