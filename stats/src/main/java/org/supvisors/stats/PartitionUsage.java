package org.supvisors.stats;

import java.io.File;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The % used of every mounted physical partition, as psutil's {@code disk_partitions()} and {@code disk_usage()}
 * that 0.19 uses: a mount whose file system type is not {@code nodev} in {@code /proc/filesystems}, and
 * {@code used / (used + available to users) × 100} with {@code used = total − free}. Partitions that cannot be read
 * are skipped. (OSHI's file stores include {@code tmpfs} and run {@code lsblk} at each listing.)
 */
final class PartitionUsage {

    private final String mounts;
    private final String filesystems;
    private final ProcFile file;
    private final Set<String> physical = new HashSet<>();
    private final Set<String> virtual = new HashSet<>();

    PartitionUsage(String mounts, String filesystems, ProcFile file) {
        this.mounts = mounts;
        this.filesystems = filesystems;
        this.file = file;
    }

    Map<String, Double> read() {
        Map<String, Double> result = new LinkedHashMap<>();
        if (!file.read(mounts)) {
            return result;
        }
        for (String line : file.text().split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length < 3 || fields[0].isEmpty() || fields[0].equals("none")) {
                continue;
            }
            if (!isPhysical(fields[2])) {
                continue;
            }
            String mountPoint = unescape(fields[1]);
            File root = new File(mountPoint);
            long total = root.getTotalSpace();
            long free = root.getFreeSpace();
            long available = root.getUsableSpace();
            long used = total - free;
            if (total > 0 && used >= 0 && used + available > 0) {
                result.put(mountPoint, 100.0 * used / (used + available));
            }
        }
        return result;
    }

    /**
     * Reads {@code /proc/filesystems} again when a type is neither known as physical nor as {@code nodev} (a module
     * loaded since); a type still unknown then counts as virtual until the next reload.
     */
    private boolean isPhysical(String type) {
        if (!physical.contains(type) && !virtual.contains(type)) {
            physical.clear();
            virtual.clear();
            if (file.read(filesystems)) {
                for (String line : file.text().split("\n")) {
                    if (line.startsWith("nodev")) {
                        virtual.add(line.substring("nodev".length()).trim());
                    } else if (!line.isBlank()) {
                        physical.add(line.trim());
                    }
                }
            }
            if (!physical.contains(type)) {
                virtual.add(type);
            }
        }
        return physical.contains(type);
    }

    /** Mount points escape space, tab, newline and backslash in octal ({@code \040}). */
    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && isOctal(text, i + 1)) {
                out.append((char) Integer.parseInt(text.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String text, int from) {
        if (from + 3 > text.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
