package org.supvisors.client.event;

import java.util.List;
import java.util.Map;

/**
 * Topic {@code pstats}: the statistics of one process on one instance, integrated over one period.
 *
 * @param namespec the process, or {@code supervisord} for supervisord and its collector
 * @param cpu % CPU in IRIX mode (100 = one full core), process and descendants
 * @param mem % of physical memory (RSS), process and descendants
 */
public record ProcessStatistics(String namespec, String identifier, int pid, double nowMonotonic,
                                double targetPeriod, List<Double> period, double cpu, double mem,
                                Map<String, Object> body) implements SupvisorsEvent {

    static ProcessStatistics of(Map<String, Object> body) {
        return new ProcessStatistics(Body.string(body, "namespec"), Body.string(body, "identifier"),
                Body.integer(body, "pid"), Body.number(body, "now_monotonic"), Body.number(body, "target_period"),
                Body.numbers(body, "period"), Body.number(body, "cpu"), Body.number(body, "mem"), body);
    }

    @Override
    public Topic topic() {
        return Topic.PSTATS;
    }
}
