package org.supvisors.stats;

import java.util.LinkedHashMap;
import java.util.Map;

import org.supvisors.core.statistics.IoCounters;

/**
 * The byte counters of the network interfaces that are up (loopback included, as psutil's {@code isup}), from
 * {@code /proc/net/dev} and the {@code IFF_UP} bit of {@code /sys/class/net/<if>/flags}. OSHI reads about ten files
 * per interface and round for the same two counters (0.7 ms per interface here, against 0.05 ms for all of them).
 */
final class NetworkCounters {

    private static final int IFF_UP = 0x1;

    private final String procNetDev;
    private final String sysClassNet;
    private final ProcFile file;

    NetworkCounters(String procNetDev, String sysClassNet, ProcFile file) {
        this.procNetDev = procNetDev;
        this.sysClassNet = sysClassNet;
        this.file = file;
    }

    /** Bytes received and sent per interface that is up; empty when the files cannot be read. */
    Map<String, IoCounters> read() {
        Map<String, IoCounters> result = new LinkedHashMap<>();
        if (!file.read(procNetDev)) {
            return result;
        }
        String text = file.text();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String[] fields = line.substring(colon + 1).trim().split("\\s+");
            // receive: bytes packets errs drop fifo frame compressed multicast; transmit: bytes ...
            if (fields.length < 9 || name.isEmpty()) {
                continue;
            }
            try {
                long received = Long.parseLong(fields[0]);
                long sent = Long.parseLong(fields[8]);
                if (isUp(name) && received >= 0 && sent >= 0) {
                    result.put(name, new IoCounters(received, sent));
                }
            } catch (NumberFormatException e) {
                // a line of another format: not an interface
            }
        }
        return result;
    }

    private boolean isUp(String name) {
        if (!file.read(sysClassNet + "/" + name + "/flags")) {
            return false;
        }
        String flags = file.text().trim();
        try {
            return (Long.decode(flags) & IFF_UP) != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
