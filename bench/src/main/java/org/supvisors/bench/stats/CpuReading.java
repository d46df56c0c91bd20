package org.supvisors.bench.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.supvisors.bench.workload.CpuTimes;

/**
 * The CPU time, in clock ticks, used so far by one instance's agent (all its threads), by the agent's collector
 * thread alone ({@value #COLLECTOR}, absent while nothing is collected), by its supervisord, and by the whole
 * machine (busy time of every CPU), read at one instant. Two readings give each one's share of a core in between.
 */
record CpuReading(long nanos, long agent, long collector, long supervisord, long machine) {

    /** The name of the agent's collector thread, as the kernel keeps it ({@code /proc/<pid>/task/<tid>/comm}). */
    static final String COLLECTOR = "supvisors-stats";

    static CpuReading of(long agentPid, long supervisordPid) {
        long nanos = System.nanoTime();
        return new CpuReading(nanos, CpuTimes.ofProcesses(List.of(agentPid)), threadTicks(agentPid, COLLECTOR),
                CpuTimes.ofProcesses(List.of(supervisordPid)), CpuTimes.ofMachine());
    }

    /** User + system ticks of the threads of {@code pid} named {@code name}; 0 when there is none. */
    static long threadTicks(long pid, String name) {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).trim().equals(name)) {
                        ticks += CpuTimes.ofStatLine(Files.readString(task.resolve("stat")));
                    }
                } catch (IOException e) {
                    // a thread that ended meanwhile: nothing more to count
                }
            }
        } catch (IOException e) {
            // the process is gone: nothing to count
        }
        return ticks;
    }

    /** What was used between {@code earlier} and this reading, in % of one core. */
    Shares since(CpuReading earlier) {
        double seconds = (nanos - earlier.nanos) / 1e9;
        return new Shares(percent(agent - earlier.agent, seconds), percent(collector - earlier.collector, seconds),
                percent(supervisord - earlier.supervisord, seconds),
                machine < 0 || earlier.machine < 0 ? Double.NaN : percent(machine - earlier.machine, seconds));
    }

    private static double percent(long ticks, double seconds) {
        return 100.0 * ticks / CpuTimes.TICKS_PER_SECOND / seconds;
    }

    /** Shares of one core, in %; {@code machine} is the busy time of all the CPUs together (200 % on 2 cores). */
    record Shares(double agent, double collector, double supervisord, double machine) {
    }
}
