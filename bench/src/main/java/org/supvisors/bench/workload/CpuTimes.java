package org.supvisors.bench.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time read in {@code /proc}, in clock ticks (1/100 s on Linux): of given processes (user + system, from
 * {@code /proc/<pid>/stat}) and of the whole machine (every CPU's busy time, from {@code /proc/stat}). Differences
 * of two readings say who used the CPUs in between; a process that is gone counts as 0.
 */
public final class CpuTimes {

    /** Clock ticks per second ({@code getconf CLK_TCK}), 100 on every Linux this runs on. */
    public static final double TICKS_PER_SECOND = 100;

    private CpuTimes() {
    }

    /** User + system ticks of the processes {@code pids}, summed. */
    public static long ofProcesses(List<Long> pids) {
        long ticks = 0;
        for (long pid : pids) {
            try {
                ticks += ofStatLine(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
            } catch (IOException e) {
                // gone: nothing more to count
            }
        }
        return ticks;
    }

    /** User + system ticks in the text of {@code /proc/<pid>/stat} (fields 14 and 15, after the command name). */
    public static long ofStatLine(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is the state, field 3 of the line: utime and stime are fields 14 and 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Busy ticks of every CPU of the machine (all but idle and iowait), or -1 when unreadable. */
    public static long ofMachine() {
        try {
            return ofCpuLine(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Busy ticks in the {@code cpu} line of {@code /proc/stat}: user nice system idle iowait irq softirq steal. */
    static long ofCpuLine(String line) {
        String[] fields = line.trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < Math.min(fields.length, 9); i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy;
    }
}
