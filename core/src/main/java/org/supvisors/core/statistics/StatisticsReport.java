package org.supvisors.core.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.supvisors.core.instance.SupvisorsInstance;

/**
 * The compiled statistics as wire structures, for the extension methods of the XML-RPC API
 * ({@code supvisors.ext_get_host_statistics}, {@code ext_get_process_statistics}, {@code ext_get_node_characteristics};
 * 0.19 has no such query: its dashboard reads its compilers directly). Every structure is fresh.
 */
public final class StatisticsReport {

    private StatisticsReport() {
    }

    /**
     * One struct per instance and period whose host statistics are compiled: {@code identifier},
     * {@code nick_identifier}, {@code target_period}, {@code nb_cores}, {@code latest} (the last {@code hstats} body,
     * empty before the first), {@code times}, {@code cpu} (one list per CPU line, the average first), {@code mem},
     * {@code net_io} and {@code disk_io} ({@code {name: {times, in, out}}}, kilobits per second),
     * {@code disk_usage} ({@code {mount point: {times, values}}}).
     */
    public static List<Object> host(Statistics statistics, List<SupvisorsInstance> instances, double now) {
        List<Object> result = new ArrayList<>();
        for (SupvisorsInstance instance : instances) {
            for (double period : statistics.periods()) {
                statistics.hostHistory(instance.identifier(), period).ifPresent(history -> {
                    Map<String, Object> map = head(instance, period, statistics);
                    map.put("latest", statistics.latestHost(instance.identifier(), period)
                            .map(h -> h.toMap(now)).orElse(new LinkedHashMap<>()));
                    map.put("times", history.times());
                    List<Object> cpu = new ArrayList<>();
                    for (int line = 0; line < history.cpuLines(); line++) {
                        cpu.add(history.cpu(line));
                    }
                    map.put("cpu", cpu);
                    map.put("mem", history.mem());
                    map.put("net_io", series(history.netIo(), "in", "out"));
                    map.put("disk_io", series(history.diskIo(), "in", "out"));
                    map.put("disk_usage", series(history.diskUsage(), "values"));
                    result.add(map);
                });
            }
        }
        return result;
    }

    /**
     * One struct per instance and period where statistics of the process are compiled: {@code namespec},
     * {@code identifier}, {@code nick_identifier}, {@code pid}, {@code target_period}, {@code nb_cores},
     * {@code latest} (the last {@code pstats} body, empty before the first), {@code times}, {@code cpu} (IRIX %),
     * {@code mem}.
     */
    public static List<Object> process(Statistics statistics, String namespec, List<SupvisorsInstance> instances,
                                       double now) {
        List<Object> result = new ArrayList<>();
        for (SupvisorsInstance instance : instances) {
            String identifier = instance.identifier();
            for (double period : statistics.periods()) {
                statistics.processHistory(namespec, identifier, period).ifPresent(history -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("namespec", namespec);
                    map.putAll(head(instance, period, statistics));
                    map.put("pid", statistics.processPid(namespec, identifier));
                    map.put("latest", statistics.latestProcess(namespec, identifier, period)
                            .map(p -> p.toMap(now)).orElse(new LinkedHashMap<>()));
                    map.put("times", history.times());
                    map.put("cpu", history.values(0));
                    map.put("mem", history.values(1));
                    result.add(map);
                });
            }
        }
        return result;
    }

    /** The local node's characteristics, or an empty struct before the collector measured them. */
    public static Map<String, Object> node(Statistics statistics) {
        return statistics.node().map(NodeCharacteristics::toMap).orElse(new LinkedHashMap<>());
    }

    private static Map<String, Object> head(SupvisorsInstance instance, double period, Statistics statistics) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("identifier", instance.identifier());
        map.put("nick_identifier", instance.nickIdentifier());
        map.put("target_period", period);
        map.put("nb_cores", statistics.nbCores(instance.identifier()).orElse(0));
        return map;
    }

    private static Map<String, Object> series(Map<String, BoundedSeries> series, String... columns) {
        Map<String, Object> map = new LinkedHashMap<>();
        series.forEach((name, s) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("times", s.times());
            for (int i = 0; i < columns.length; i++) {
                entry.put(columns[i], s.values(i));
            }
            map.put(name, entry);
        });
        return map;
    }
}
