package org.supvisors.stats;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stats of processes and the children of each: either from one pass over {@code /proc} (the stat of every
 * process of the host; psutil's {@code children(recursive=True)} scans the process table the same way), or from the
 * trees of the measured processes alone, through the {@code /proc/<pid>/task/<tid>/children} lists of the kernel
 * ({@code CONFIG_PROC_CHILDREN}), which read a few files per measured process instead of one per process of the
 * host.
 */
final class ProcessTable {

    private final Map<Integer, ProcStat> stats;
    private final Map<Integer, List<Integer>> children;

    private ProcessTable(Map<Integer, ProcStat> stats, Map<Integer, List<Integer>> children) {
        this.stats = stats;
        this.children = children;
    }

    /** Reads every {@code /proc/<pid>/stat}; processes that end meanwhile are left out. */
    static ProcessTable read(File proc, ProcFile file) {
        String[] names = proc.list();
        Map<Integer, ProcStat> stats = new HashMap<>(names == null ? 16 : names.length * 2);
        Map<Integer, List<Integer>> children = new HashMap<>();
        if (names != null) {
            String base = proc.getPath() + "/";
            for (String name : names) {
                int pid = pid(name);
                if (pid > 0 && file.read(base + name + "/stat")) {
                    ProcStat stat = ProcStat.parse(pid, file);
                    if (stat != null) {
                        stats.put(pid, stat);
                        children.computeIfAbsent(stat.ppid(), p -> new ArrayList<>(2)).add(pid);
                    }
                }
            }
        }
        return new ProcessTable(stats, children);
    }

    /**
     * Reads the trees of these processes through the kernel's children lists: the stat of each process, then the
     * children of each of its threads, recursively; and the stat of the processes {@code alone}, without their
     * children. Processes that end meanwhile are left out with their descendants.
     */
    static ProcessTable readTrees(File proc, ProcFile file, Iterable<Integer> roots, int... alone) {
        Map<Integer, ProcStat> stats = new HashMap<>(readOnly(proc, file, alone).stats);
        Map<Integer, List<Integer>> children = new HashMap<>();
        List<Integer> pending = new ArrayList<>();
        roots.forEach(pending::add);
        java.util.Set<Integer> visited = new java.util.HashSet<>();
        String base = proc.getPath() + "/";
        for (int i = 0; i < pending.size(); i++) {
            int pid = pending.get(i);
            if (!visited.add(pid) || !file.read(base + pid + "/stat")) {
                continue;
            }
            ProcStat stat = ProcStat.parse(pid, file);
            if (stat == null) {
                continue;
            }
            stats.put(pid, stat);
            String[] tasks = new File(base + pid + "/task").list();
            if (tasks == null) {
                continue;
            }
            for (String task : tasks) {
                if (file.read(base + pid + "/task/" + task + "/children")) {
                    for (int child : pids(file)) {
                        children.computeIfAbsent(pid, p -> new ArrayList<>(2)).add(child);
                        pending.add(child);
                    }
                }
            }
        }
        return new ProcessTable(stats, children);
    }

    /** True when the kernel has the children lists ({@code CONFIG_PROC_CHILDREN}). */
    static boolean hasChildrenLists(File proc) {
        long self = ProcessHandle.current().pid();
        return new File(proc, self + "/task/" + self + "/children").canRead();
    }

    /** The pids of a children list: decimal numbers separated by spaces. */
    private static List<Integer> pids(ProcFile file) {
        List<Integer> result = new ArrayList<>();
        int value = -1;
        for (int i = 0; i < file.length(); i++) {
            byte b = file.byteAt(i);
            if (b >= '0' && b <= '9') {
                value = (value < 0 ? 0 : value * 10) + (b - '0');
            } else if (value >= 0) {
                result.add(value);
                value = -1;
            }
        }
        if (value >= 0) {
            result.add(value);
        }
        return result;
    }

    /** Reads the stat of these processes only (no descendants needed). */
    static ProcessTable readOnly(File proc, ProcFile file, int... pids) {
        Map<Integer, ProcStat> stats = new HashMap<>();
        for (int pid : pids) {
            if (pid > 0 && file.read(proc.getPath() + "/" + pid + "/stat")) {
                ProcStat stat = ProcStat.parse(pid, file);
                if (stat != null) {
                    stats.put(pid, stat);
                }
            }
        }
        return new ProcessTable(stats, Map.of());
    }

    private static int pid(String name) {
        int value = 0;
        if (name.isEmpty() || name.length() > 9) {
            return -1;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    boolean contains(int pid) {
        return stats.containsKey(pid);
    }

    /** The process and all its descendants found in the snapshot, the process first. */
    List<ProcStat> tree(int pid) {
        List<ProcStat> result = new ArrayList<>();
        ProcStat root = stats.get(pid);
        if (root == null) {
            return result;
        }
        result.add(root);
        for (int i = 0; i < result.size(); i++) {
            for (int child : children.getOrDefault(result.get(i).pid(), List.of())) {
                ProcStat stat = stats.get(child);
                // pid reuse cannot make a cycle in one snapshot, but a corrupted read must not loop forever
                if (stat != null && result.size() <= stats.size()) {
                    result.add(stat);
                }
            }
        }
        return result;
    }

    /** The process alone. */
    List<ProcStat> self(int pid) {
        ProcStat stat = stats.get(pid);
        return stat == null ? List.of() : List.of(stat);
    }

    int size() {
        return stats.size();
    }
}
