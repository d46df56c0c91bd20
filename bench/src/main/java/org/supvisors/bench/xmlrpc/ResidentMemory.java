package org.supvisors.bench.xmlrpc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.supvisors.bench.command.BenchException;

/**
 * The memory of a process from {@code /proc/<pid>/status} ({@code VmRSS}, {@code VmHWM}) and
 * {@code /proc/<pid>/smaps_rollup} ({@code Pss}), in KiB.
 */
public record ResidentMemory(long rssKiB, long peakKiB, long pssKiB) {

    public static ResidentMemory of(long pid) {
        try {
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            Path rollup = Path.of("/proc", Long.toString(pid), "smaps_rollup");
            long pss = Files.isReadable(rollup) ? field(Files.readString(rollup), "Pss:") : -1;
            return new ResidentMemory(field(status, "VmRSS:"), field(status, "VmHWM:"), pss);
        } catch (IOException e) {
            throw new BenchException("/proc/" + pid + ": cannot read the memory of the process (" + e.getMessage()
                    + ")", e);
        }
    }

    private static long field(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
            }
        }
        throw new BenchException("/proc: no " + name + " line (expected: a Linux kernel)");
    }

    static String mib(long kib) {
        return kib < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f", kib / 1024.0);
    }
}
