package org.supvisors.core.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The host statistics of one instance integrated over one period (statistics.md), as published on {@code hstats}.
 *
 * @param identifier the instance whose host was measured
 * @param targetPeriod the configured integration period, in seconds
 * @param start start of the integration interval, seconds since the first sample of this period's series
 * @param end end of the interval, same origin
 * @param cpu % CPU: the average of all logical CPUs first, then one per logical CPU
 * @param mem % of memory not available
 * @param netIo receive / send rates per interface, kilobits per second
 * @param diskIo read / write rates per device, kilobits per second
 * @param diskUsage % used per partition
 */
public record HostStatistics(String identifier, double targetPeriod, double start, double end, List<Double> cpu,
                             double mem, Map<String, IoRates> netIo, Map<String, IoRates> diskIo,
                             Map<String, Double> diskUsage) {

    public HostStatistics {
        Objects.requireNonNull(identifier, "identifier");
        cpu = List.copyOf(cpu);
        netIo = Map.copyOf(netIo);
        diskIo = Map.copyOf(diskIo);
        diskUsage = Map.copyOf(diskUsage);
    }

    /** The body of an {@code hstats} message (event-interface.md §6). */
    public Map<String, Object> toMap(double nowMonotonic) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("identifier", identifier);
        map.put("now_monotonic", nowMonotonic);
        map.put("target_period", targetPeriod);
        map.put("period", List.of(start, end));
        map.put("cpu", new ArrayList<>(cpu));
        map.put("mem", mem);
        map.put("net_io", rates(netIo));
        map.put("disk_io", rates(diskIo));
        map.put("disk_usage", new java.util.TreeMap<>(diskUsage));
        return map;
    }

    static Map<String, Object> rates(Map<String, IoRates> rates) {
        Map<String, Object> map = new java.util.TreeMap<>();
        rates.forEach((name, rate) -> map.put(name, rate.toList()));
        return map;
    }
}
