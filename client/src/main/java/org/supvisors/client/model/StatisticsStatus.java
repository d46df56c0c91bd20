package org.supvisors.client.model;

import java.util.Map;

/**
 * What the statistics collector does ({@code get_statistics_status}).
 *
 * @param hostStats whether host statistics are collected
 * @param processStats whether process statistics are collected
 * @param collectingPeriod the collecting period in seconds (0.19 may send it as an int: both are read)
 * @param raw the whole struct as received, unknown keys included
 */
public record StatisticsStatus(boolean hostStats, boolean processStats, double collectingPeriod,
                               Map<String, Object> raw) {

    /** Copies {@code raw} into a read-only map. */
    public StatisticsStatus {
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as the agent sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static StatisticsStatus fromMap(Map<String, ?> map) {
        Struct s = Struct.of("StatisticsStatus", map);
        return new StatisticsStatus(s.bool("host_stats"), s.bool("process_stats"), s.number("collecting_period"),
                s.raw());
    }
}
