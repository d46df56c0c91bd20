package org.supvisors.core.statistics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The history of the integrated host statistics of one instance for one period: one time line for the CPU lines and
 * the memory, and one per network interface, disk device and partition, since these may appear and vanish.
 */
public final class HostHistory {

    private final int depth;
    private final BoundedSeries main;
    private final Map<String, BoundedSeries> netIo = new TreeMap<>();
    private final Map<String, BoundedSeries> diskIo = new TreeMap<>();
    private final Map<String, BoundedSeries> diskUsage = new TreeMap<>();
    private final BiConsumer<String, String> vanished;

    /**
     * @param vanished told the kind and name of a series dropped because its name vanished; may be {@code null}
     */
    HostHistory(int depth, int cpuLines, BiConsumer<String, String> vanished) {
        this.depth = depth;
        this.main = new BoundedSeries(depth, cpuLines + 1);
        this.vanished = vanished;
    }

    void add(HostStatistics result) {
        double[] row = new double[main.columns()];
        for (int i = 0; i < result.cpu().size(); i++) {
            row[i] = result.cpu().get(i);
        }
        row[row.length - 1] = result.mem();
        main.add(result.end(), row);
        Map<String, double[]> net = new LinkedHashMap<>();
        result.netIo().forEach((name, rates) -> net.put(name, new double[] {rates.in(), rates.out()}));
        update("interface", netIo, net, result.end(), 2);
        Map<String, double[]> disks = new LinkedHashMap<>();
        result.diskIo().forEach((name, rates) -> disks.put(name, new double[] {rates.in(), rates.out()}));
        update("disk", diskIo, disks, result.end(), 2);
        Map<String, double[]> usage = new LinkedHashMap<>();
        result.diskUsage().forEach((name, value) -> usage.put(name, new double[] {value}));
        update("partition", diskUsage, usage, result.end(), 1);
    }

    private void update(String kind, Map<String, BoundedSeries> series, Map<String, double[]> values, double time,
                        int columns) {
        series.keySet().removeIf(name -> {
            boolean gone = !values.containsKey(name);
            if (gone && vanished != null) {
                vanished.accept(kind, name);
            }
            return gone;
        });
        values.forEach((name, row) -> series.computeIfAbsent(name, n -> new BoundedSeries(depth, columns))
                .add(time, row));
    }

    /** The time line of the CPU and memory values, seconds since the first sample of the series. */
    public List<Double> times() {
        return main.times();
    }

    /** The number of CPU lines: the average, then one per logical CPU. */
    public int cpuLines() {
        return main.columns() - 1;
    }

    /** The values of a CPU line (0 is the average). */
    public List<Double> cpu(int line) {
        return main.values(line);
    }

    public List<Double> mem() {
        return main.values(main.columns() - 1);
    }

    /** Per interface: its own time line and the columns received, sent (kilobits per second). */
    public Map<String, BoundedSeries> netIo() {
        return Collections.unmodifiableMap(netIo);
    }

    /** Per disk: its own time line and the columns read, written (kilobits per second). */
    public Map<String, BoundedSeries> diskIo() {
        return Collections.unmodifiableMap(diskIo);
    }

    /** Per partition: its own time line and the % used. */
    public Map<String, BoundedSeries> diskUsage() {
        return Collections.unmodifiableMap(diskUsage);
    }
}
