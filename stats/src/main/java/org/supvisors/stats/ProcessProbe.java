package org.supvisors.stats;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.supvisors.core.statistics.ProcessSample;

/**
 * The process samples of one round: each measured process with all its descendants (statistics.md, "Raw process
 * sample"), and {@code supervisord}: supervisord's own process plus the agent's, without their children. The trees
 * come from the kernel's children lists where it has them, else from a pass over every process of the host.
 */
final class ProcessProbe {

    private final File proc;
    private final ProcFile file;
    private final SelfProcesses self;
    private final long clockTicks;
    private final long pageSize;
    private final long totalMemory;
    private final int logicalCpus;
    private final boolean childrenLists;

    /**
     * @param clockTicks the unit of the times of {@code /proc/<pid>/stat}, per second ({@code getconf CLK_TCK})
     * @param pageSize the unit of its resident set, in bytes
     * @param totalMemory physical memory, in bytes
     */
    ProcessProbe(File proc, ProcFile file, SelfProcesses self, long clockTicks, long pageSize, long totalMemory,
                 int logicalCpus) {
        this.proc = proc;
        this.file = file;
        this.self = self;
        this.clockTicks = clockTicks;
        this.pageSize = pageSize;
        this.totalMemory = totalMemory;
        this.logicalCpus = logicalCpus;
        this.childrenLists = ProcessTable.hasChildrenLists(proc);
    }

    /**
     * Samples the measured processes (namespec to pid) and supervisord at {@code now}. A process that ended since
     * it was given is left out: its end comes to the core as a process event.
     */
    List<ProcessSample> sample(Map<String, Integer> monitored, double now) {
        ProcessTable table;
        if (monitored.isEmpty()) {
            table = ProcessTable.readOnly(proc, file, IntStream.concat(IntStream.of(self.agent()),
                    self.supervisord().stream()).toArray());
        } else if (childrenLists) {
            table = ProcessTable.readTrees(proc, file, monitored.values(), IntStream.concat(IntStream.of(self.agent()),
                    self.supervisord().stream()).toArray());
        } else {
            table = ProcessTable.read(proc, file);
        }
        List<ProcessSample> samples = new ArrayList<>(monitored.size() + 1);
        monitored.forEach((namespec, pid) -> {
            List<ProcStat> tree = table.tree(pid);
            if (!tree.isEmpty()) {
                samples.add(sample(namespec, pid, now, tree, 0));
            }
        });
        List<ProcStat> own = new ArrayList<>(table.self(self.agent()));
        self.supervisord().ifPresent(pid -> own.addAll(table.self(pid)));
        if (!own.isEmpty()) {
            samples.add(sample(ProcessSample.SUPERVISORD, self.supervisord().orElse(self.agent()), now, own,
                    logicalCpus));
        }
        return samples;
    }

    private ProcessSample sample(String namespec, int pid, double now, List<ProcStat> processes, int nbCores) {
        long ticks = 0;
        long pages = 0;
        for (ProcStat stat : processes) {
            ticks += stat.ticks();
            pages += stat.rssPages();
        }
        double memory = totalMemory > 0 ? 100.0 * pages * pageSize / totalMemory : 0.0;
        return new ProcessSample(namespec, pid, now, (double) ticks / clockTicks, memory, nbCores);
    }
}
