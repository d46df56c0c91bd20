package org.supvisors.core.statistics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the host page of the dashboard shows of the local node (statistics.md, "Node characteristics").
 *
 * @param physicalCores physical cores
 * @param logicalCores logical CPUs
 * @param frequencyMhz current CPU frequency in MHz, rounded (average of the logical CPUs); 0 when unknown
 * @param totalMemory physical memory in bytes
 */
public record NodeCharacteristics(int physicalCores, int logicalCores, long frequencyMhz, long totalMemory) {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    /** The total memory as the dashboard writes it: KiB, MiB or GiB (or TiB), 2 decimals. */
    public String formattedMemory() {
        double value = totalMemory;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.2f %s", value, UNITS[unit]);
    }

    /**
     * {@code physical_cores}, {@code logical_cores}, {@code frequency_mhz} (int), {@code total_memory} (bytes, a
     * double: XML-RPC integers have 32 bits).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("physical_cores", physicalCores);
        map.put("logical_cores", logicalCores);
        map.put("frequency_mhz", (int) Math.min(Integer.MAX_VALUE, frequencyMhz));
        map.put("total_memory", (double) totalMemory);
        return map;
    }
}
