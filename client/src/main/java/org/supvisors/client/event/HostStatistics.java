package org.supvisors.client.event;

import java.util.List;
import java.util.Map;

/**
 * Topic {@code hstats}: the host statistics of one instance, integrated over one period.
 *
 * @param targetPeriod the configured integration period, in seconds
 * @param period start and end of the interval, seconds since the first sample of this period's series
 * @param cpu % CPU: the average of all cores first, then one per logical core
 * @param mem % of memory not available
 * @param netIo receive and send rates per network interface, kilobits per second
 * @param diskIo read and write rates per physical device, kilobits per second
 * @param diskUsage % used per physical partition
 */
public record HostStatistics(String identifier, double nowMonotonic, double targetPeriod, List<Double> period,
                             List<Double> cpu, double mem, Map<String, List<Double>> netIo,
                             Map<String, List<Double>> diskIo, Map<String, Double> diskUsage,
                             Map<String, Object> body) implements SupvisorsEvent {

    static HostStatistics of(Map<String, Object> body) {
        return new HostStatistics(Body.string(body, "identifier"), Body.number(body, "now_monotonic"),
                Body.number(body, "target_period"), Body.numbers(body, "period"), Body.numbers(body, "cpu"),
                Body.number(body, "mem"), Body.numbersMap(body, "net_io"), Body.numbersMap(body, "disk_io"),
                Body.numberMap(body, "disk_usage"), body);
    }

    @Override
    public Topic topic() {
        return Topic.HSTATS;
    }
}
