package org.supvisors.core.peer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.supvisors.core.statistics.CpuTimes;
import org.supvisors.core.statistics.HostSample;
import org.supvisors.core.statistics.IoCounters;
import org.supvisors.core.statistics.ProcessSample;

/**
 * The statistics message to wire values and back, bounded: at most {@value #MAX_HOSTS} host samples and
 * {@value #MAX_SAMPLES} process samples; a host sample has at most {@value #MAX_CPU_LINES} CPU lines and
 * {@value #MAX_NAMES} names per map, names of {@value #MAX_NAME_LENGTH} characters at most. Counters are
 * non-negative integers, percentages in [0;100] (memory of a process tree: non-negative), times finite.
 * <pre>
 * STATISTICS  {"hosts": [host, ...], "processes": [process, ...]}
 * host        {"now": float, "cpu": [[work, idle], ...], "mem": float, "net_io": {nic: [recv, sent]},
 *              "disk_io": {device: [read, written]}, "disk_usage": {mount point: float}}
 * process     {"namespec": str, "pid": int, "now": float, "proc_work": float, "proc_memory": float, "nb_cores": int}
 * </pre>
 */
final class StatisticsWire {

    static final int MAX_CPU_LINES = 8193;
    static final int MAX_NAMES = 4096;
    static final int MAX_NAME_LENGTH = 1024;
    static final int MAX_SAMPLES = 100_000;
    static final int MAX_HOSTS = 3600;

    private StatisticsWire() {
    }

    static Map<String, Object> encode(StatisticsMessage message) {
        List<Object> hosts = new ArrayList<>();
        message.hosts().forEach(host -> hosts.add(encode(host)));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("hosts", hosts);
        map.put("processes", encode(message.processes()));
        return map;
    }

    private static Map<String, Object> encode(HostSample sample) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("now", sample.now());
        List<Object> cpu = new ArrayList<>();
        sample.cpu().forEach(line -> cpu.add(List.of(line.work(), line.idle())));
        map.put("cpu", cpu);
        map.put("mem", sample.mem());
        map.put("net_io", counters(sample.netIo()));
        map.put("disk_io", counters(sample.diskIo()));
        map.put("disk_usage", new LinkedHashMap<>(sample.diskUsage()));
        return map;
    }

    private static List<Object> encode(List<ProcessSample> samples) {
        List<Object> list = new ArrayList<>();
        for (ProcessSample sample : samples) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("namespec", sample.namespec());
            map.put("pid", sample.pid());
            map.put("now", sample.now());
            map.put("proc_work", sample.procWork());
            map.put("proc_memory", sample.procMemory());
            map.put("nb_cores", sample.nbCores());
            list.add(map);
        }
        return list;
    }

    private static Map<String, Object> counters(Map<String, IoCounters> counters) {
        Map<String, Object> map = new LinkedHashMap<>();
        counters.forEach((name, c) -> map.put(name, List.of(c.in(), c.out())));
        return map;
    }

    static StatisticsMessage decode(WireFields f) throws MalformedMessageException {
        List<Object> hostItems = bounded(f, "hosts", MAX_HOSTS);
        List<HostSample> hosts = new ArrayList<>(hostItems.size());
        for (int i = 0; i < hostItems.size(); i++) {
            hosts.add(host(new WireFields(hostItems.get(i), f.where() + ".hosts[" + i + "]")));
        }
        return new StatisticsMessage(hosts, processes(f));
    }

    private static HostSample host(WireFields f) throws MalformedMessageException {
        double now = f.real("now");
        List<Object> lines = bounded(f, "cpu", MAX_CPU_LINES);
        if (lines.isEmpty()) {
            throw new MalformedMessageException(f.where() + ".cpu: [] (expected: 1 to " + MAX_CPU_LINES + " lines)");
        }
        List<CpuTimes> cpu = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            long[] pair = pair(lines.get(i), f.where() + ".cpu[" + i + "]");
            cpu.add(new CpuTimes(pair[0], pair[1]));
        }
        double mem = percent(f, "mem");
        Map<String, Double> usage = new LinkedHashMap<>();
        WireFields usageFields = names(f, "disk_usage");
        for (String name : usageFields.raw().keySet()) {
            usage.put(name, percent(usageFields, name));
        }
        return new HostSample(now, cpu, mem, counters(f, "net_io"), counters(f, "disk_io"), usage);
    }

    private static List<ProcessSample> processes(WireFields f) throws MalformedMessageException {
        List<Object> items = bounded(f, "processes", MAX_SAMPLES);
        List<ProcessSample> samples = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            WireFields s = new WireFields(items.get(i), f.where() + ".processes[" + i + "]");
            String namespec = s.string("namespec");
            if (namespec.isEmpty() || namespec.length() > MAX_NAME_LENGTH) {
                throw new MalformedMessageException(s.where() + ".namespec: " + WireFields.describe(namespec)
                        + " (expected: 1 to " + MAX_NAME_LENGTH + " characters)");
            }
            int pid = s.int32("pid");
            int nbCores = s.int32("nb_cores");
            if (pid < 0 || nbCores < 0) {
                throw new MalformedMessageException(s.where() + ": pid " + pid + ", nb_cores " + nbCores
                        + " (expected: 0 or more)");
            }
            samples.add(new ProcessSample(namespec, pid, s.real("now"), nonNegative(s, "proc_work"),
                    nonNegative(s, "proc_memory"), nbCores));
        }
        return samples;
    }

    private static Map<String, IoCounters> counters(WireFields f, String key) throws MalformedMessageException {
        WireFields map = names(f, key);
        Map<String, IoCounters> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : map.raw().entrySet()) {
            long[] pair = pair(entry.getValue(), map.where() + "." + entry.getKey());
            result.put(entry.getKey(), new IoCounters(pair[0], pair[1]));
        }
        return result;
    }

    /** A struct of at most {@value #MAX_NAMES} names of 1 to {@value #MAX_NAME_LENGTH} characters. */
    private static WireFields names(WireFields f, String key) throws MalformedMessageException {
        WireFields map = f.struct(key);
        if (map.raw().size() > MAX_NAMES) {
            throw new MalformedMessageException(map.where() + ": " + map.raw().size() + " names (expected: at most "
                    + MAX_NAMES + ")");
        }
        for (String name : map.raw().keySet()) {
            if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
                throw new MalformedMessageException(map.where() + ": name " + WireFields.describe(name)
                        + " (expected: 1 to " + MAX_NAME_LENGTH + " characters)");
            }
        }
        return map;
    }

    private static List<Object> bounded(WireFields f, String key, int max) throws MalformedMessageException {
        List<Object> list = f.list(key);
        if (list.size() > max) {
            throw new MalformedMessageException(f.where() + "." + key + ": " + list.size()
                    + " items (expected: at most " + max + ")");
        }
        return list;
    }

    /** {@code [a, b]}, two non-negative integers. */
    private static long[] pair(Object value, String where) throws MalformedMessageException {
        if (value instanceof List && ((List<?>) value).size() == 2) {
            Object a = ((List<?>) value).get(0);
            Object b = ((List<?>) value).get(1);
            if ((a instanceof Integer || a instanceof Long) && (b instanceof Integer || b instanceof Long)) {
                long first = ((Number) a).longValue();
                long second = ((Number) b).longValue();
                if (first >= 0 && second >= 0) {
                    return new long[] {first, second};
                }
            }
        }
        throw new MalformedMessageException(where + ": " + WireFields.describe(value)
                + " (expected: two non-negative integers)");
    }

    private static double percent(WireFields f, String key) throws MalformedMessageException {
        double value = f.real(key);
        if (value < 0 || value > 100) {
            throw new MalformedMessageException(f.where() + "." + key + ": " + value + " (expected: a % in [0;100])");
        }
        return value;
    }

    private static double nonNegative(WireFields f, String key) throws MalformedMessageException {
        double value = f.real(key);
        if (value < 0) {
            throw new MalformedMessageException(f.where() + "." + key + ": " + value + " (expected: 0 or more)");
        }
        return value;
    }
}
