package org.supvisors.core.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.supvisors.core.InstanceLog;

/**
 * The integration of the host samples of one instance over one period (statistics.md, "Integrated host
 * statistics"): the first sample is the reference; a sample at least {@code period} seconds after it is
 * integrated against it, the result is kept in the history and returned, and that sample becomes the reference.
 *
 * <p>A series starts again (new reference, empty history) when time goes backwards (the host restarted) or when
 * the CPU lines change (count, or a counter that went backwards). A network interface or disk whose counter went
 * backwards is left out of that result.
 */
final class HostCompiler {

    private final String identifier;
    private final double period;
    private final int depth;
    private final InstanceLog log;
    private HostSample reference;
    private double start;
    private HostHistory history;
    private HostStatistics latest;

    /**
     * @param log where vanished interfaces and restarted series are reported; {@code null} to stay silent (one
     *     compiler per instance reports, not one per period)
     */
    HostCompiler(String identifier, double period, int depth, InstanceLog log) {
        this.identifier = identifier;
        this.period = period;
        this.depth = depth;
        this.log = log;
    }

    /** Feeds a sample; returns the integrated statistics when the period is complete. */
    Optional<HostStatistics> push(HostSample sample) {
        if (reference == null) {
            restart(sample, null);
            return Optional.empty();
        }
        double duration = sample.now() - reference.now();
        if (duration < 0) {
            restart(sample, "time went backwards by " + String.format("%.3f", -duration) + " s");
            return Optional.empty();
        }
        if (duration == 0 || !Integration.isDue(duration, period)) {
            return Optional.empty();
        }
        Optional<List<Double>> cpu = cpu(reference.cpu(), sample.cpu());
        if (cpu.isEmpty()) {
            restart(sample, "the CPU lines changed (" + reference.cpu().size() + " then " + sample.cpu().size()
                    + " lines, or a counter went backwards)");
            return Optional.empty();
        }
        HostStatistics result = new HostStatistics(identifier, period, reference.now() - start, sample.now() - start,
                cpu.get(), sample.mem(), rates(reference.netIo(), sample.netIo(), duration),
                rates(reference.diskIo(), sample.diskIo(), duration), sample.diskUsage());
        if (history == null) {
            history = new HostHistory(depth, result.cpu().size(), log == null ? null : this::vanished);
        }
        history.add(result);
        reference = sample;
        latest = result;
        return Optional.of(result);
    }

    private void restart(HostSample sample, String reason) {
        if (reason != null && log != null) {
            log.warn("host statistics of " + identifier + ": new series, " + reason);
        }
        reference = sample;
        start = sample.now();
        history = null;
        latest = null;
    }

    private void vanished(String kind, String name) {
        log.warn("host statistics of " + identifier + ": " + kind + " " + name + " vanished (or its counters were"
                + " reset): its series is dropped");
    }

    /** 100 × Δwork / (Δwork + Δidle) per line, or empty when the lines are not comparable. */
    static Optional<List<Double>> cpu(List<CpuTimes> before, List<CpuTimes> after) {
        if (before.size() != after.size()) {
            return Optional.empty();
        }
        List<Double> result = new ArrayList<>(after.size());
        for (int i = 0; i < after.size(); i++) {
            long work = after.get(i).work() - before.get(i).work();
            long idle = after.get(i).idle() - before.get(i).idle();
            if (work < 0 || idle < 0) {
                return Optional.empty();
            }
            long total = work + idle;
            result.add(total == 0 ? 0.0 : 100.0 * work / total);
        }
        return Optional.of(result);
    }

    /** Kilobits per second per name present in both samples, unless a counter went backwards. */
    static Map<String, IoRates> rates(Map<String, IoCounters> before, Map<String, IoCounters> after,
                                      double duration) {
        Map<String, IoRates> result = new TreeMap<>();
        after.forEach((name, counters) -> {
            IoCounters previous = before.get(name);
            if (previous != null) {
                long in = counters.in() - previous.in();
                long out = counters.out() - previous.out();
                if (in >= 0 && out >= 0) {
                    result.put(name, new IoRates(in / duration / 128, out / duration / 128));
                }
            }
        });
        return result;
    }

    double period() {
        return period;
    }

    Optional<HostStatistics> latest() {
        return Optional.ofNullable(latest);
    }

    Optional<HostHistory> history() {
        return Optional.ofNullable(history);
    }
}
