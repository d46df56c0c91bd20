package org.supvisors.bench.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.supvisors.bench.command.BenchException;

/**
 * The CPU time a process has used ({@code utime + stime} of {@code /proc/<pid>/stat}, in clock ticks, all its
 * threads; not its children's) and its resident set ({@code VmRSS}), read at one instant.
 */
record ProcessCpu(long pid, long ticks, long nanos, long rssKiB) {

    static ProcessCpu of(long pid) {
        try {
            long nanos = System.nanoTime();
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 of proc(5): utime is field 14, stime 15
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.substring("VmRSS:".length()).trim().split("\\s+")[0]);
                }
            }
            return new ProcessCpu(pid, ticks, nanos, rss);
        } catch (IOException | RuntimeException e) {
            throw new BenchException("/proc/" + pid + ": cannot read the CPU time of the process (" + e.getMessage()
                    + ")", e);
        }
    }

    /** The share of one core used between {@code earlier} and this reading, in %. */
    double percentSince(ProcessCpu earlier, long ticksPerSecond) {
        double seconds = (nanos - earlier.nanos) / 1e9;
        return 100.0 * (ticks - earlier.ticks) / ticksPerSecond / seconds;
    }
}
