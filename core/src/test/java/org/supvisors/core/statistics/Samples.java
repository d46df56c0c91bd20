package org.supvisors.core.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders of host samples for tests: one CPU line per core after the average, counters given as pairs. */
final class Samples {

    private double now;
    private final List<CpuTimes> cpu = new ArrayList<>();
    private double mem = 50.0;
    private final Map<String, IoCounters> net = new LinkedHashMap<>();
    private final Map<String, IoCounters> disk = new LinkedHashMap<>();
    private final Map<String, Double> usage = new LinkedHashMap<>();

    static Samples at(double now) {
        Samples samples = new Samples();
        samples.now = now;
        return samples;
    }

    /** CPU lines as (work, idle) pairs: {@code cpu(10, 90, 5, 45, 5, 45)} is the average and two cores. */
    Samples cpu(long... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            cpu.add(new CpuTimes(pairs[i], pairs[i + 1]));
        }
        return this;
    }

    Samples mem(double value) {
        this.mem = value;
        return this;
    }

    Samples net(String name, long in, long out) {
        net.put(name, new IoCounters(in, out));
        return this;
    }

    Samples disk(String name, long read, long written) {
        disk.put(name, new IoCounters(read, written));
        return this;
    }

    Samples usage(String mount, double percent) {
        usage.put(mount, percent);
        return this;
    }

    HostSample build() {
        if (cpu.isEmpty()) {
            cpu(0, 0);
        }
        return new HostSample(now, cpu, mem, net, disk, usage);
    }
}
