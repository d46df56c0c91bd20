package org.supvisors.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supvisors.core.statistics.HostSample;
import org.supvisors.core.statistics.NodeCharacteristics;
import org.supvisors.core.statistics.ProcessSample;
import org.supvisors.core.testing.Await;

import oshi.software.common.os.linux.nativefree.LinuxOperatingSystemNF;

/**
 * The collector on real processes: a process tree that burns a known share of a core and holds a known amount of
 * memory, checked against the kernel's own scheduler accounting ({@code /proc/<pid>/schedstat}, nanoseconds on a
 * CPU) and against the memory it allocated; a process that dies between two rounds; the host sample; the thread that
 * exists only while something is collected; an interface that appears and vanishes.
 */
class StatisticsCollectorIT {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final long MIB = 1L << 20;
    /** Each burner allocates this much (MiB) and spins half of the time. */
    private static final int BURNER_MIB = 64;
    private static final double DUTY = 0.5;

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    private StatisticsCollector collector;
    private final Recorder recorder = new Recorder();

    @AfterEach
    void stop() {
        if (collector != null) {
            collector.close();
        }
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** What the collector gave, with the scheduler's CPU time of each measured tree read right after each round. */
    private static final class Recorder implements CollectorSink {
        final List<HostSample> hosts = new CopyOnWriteArrayList<>();
        final List<List<ProcessSample>> rounds = new CopyOnWriteArrayList<>();
        final List<Map<Integer, Long>> schedstat = new CopyOnWriteArrayList<>();
        final List<NodeCharacteristics> nodes = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        volatile String unavailable;

        @Override
        public void onHostSample(HostSample sample) {
            threads.add(Thread.currentThread().getName());
            hosts.add(sample);
        }

        @Override
        public void onProcessSamples(List<ProcessSample> samples) {
            threads.add(Thread.currentThread().getName());
            schedstat.add(samples.stream().filter(s -> s.pid() > 0).collect(Collectors.toMap(ProcessSample::pid,
                    s -> treeCpuNanos(s.pid()), (a, b) -> a)));
            rounds.add(samples);
        }

        @Override
        public void onNode(NodeCharacteristics node) {
            nodes.add(node);
        }

        @Override
        public void onUnavailable(String reason) {
            unavailable = reason;
        }

        Optional<ProcessSample> sample(int round, String namespec) {
            return rounds.get(round).stream().filter(s -> s.namespec().equals(namespec)).findFirst();
        }

        List<Integer> roundsWith(String namespec) {
            List<Integer> result = new ArrayList<>();
            for (int i = 0; i < rounds.size(); i++) {
                if (sample(i, namespec).isPresent()) {
                    result.add(i);
                }
            }
            return result;
        }
    }

    /** Nanoseconds on a CPU of a process and its descendants, by the scheduler (independent of the stat ticks). */
    private static long treeCpuNanos(int pid) {
        return ProcessHandle.of(pid).map(root -> Stream.concat(Stream.of(root), root.descendants())
                .mapToLong(p -> schedstat(p.pid())).sum()).orElse(0L);
    }

    private static long schedstat(long pid) {
        try {
            return Long.parseLong(Files.readString(Path.of("/proc/" + pid + "/schedstat")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return 0L;
        }
    }

    private static double now() {
        return System.nanoTime() / 1e9;
    }

    /** {@code python3 burner.py} twice: the root and one child, each burning half a core and holding 64 MiB. */
    private Process burnerTree() throws IOException {
        assumeTrue(new File("/usr/bin/python3").canExecute(), "python3 is needed to burn a known CPU share");
        Path script = dir.resolve("burner.py");
        try (var in = getClass().getResourceAsStream("burner.py")) {
            Files.copy(in, script);
        }
        String burner = "python3 " + script + " " + BURNER_MIB + " " + DUTY;
        Process process = new ProcessBuilder("sh", "-c", burner + " & exec " + burner)
                .redirectErrorStream(true).start();
        started.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (int i = 0; i < 2; i++) {
            assertThat(out.readLine()).as("burner output").isEqualTo("ready");
        }
        return process;
    }

    private ProcessProbe probe(SelfProcesses self) {
        long total = new oshi.nativefree.SystemInfo().getHardware().getMemory().getTotal();
        return new ProcessProbe(new File("/proc"), new ProcFile(), self, LinuxOperatingSystemNF.hz(),
                LinuxOperatingSystemNF.pageSize(), total, Runtime.getRuntime().availableProcessors());
    }

    @Test
    void a_process_tree_is_measured_with_all_its_descendants_as_the_scheduler_counts_it() throws Exception {
        Process tree = burnerTree();
        int pid = (int) tree.pid();
        collector = new StatisticsCollector(recorder, StatisticsCollectorIT::now, SelfProcesses.current(false));
        collector.monitor(Map.of("burn", pid));
        collector.configure(false, true, 1.0);

        Await.until(DEADLINE, () -> assertThat(recorder.roundsWith("burn")).hasSizeGreaterThanOrEqualTo(4));

        List<Integer> rounds = recorder.roundsWith("burn");
        int first = rounds.get(1);
        int last = rounds.get(rounds.size() - 1);
        ProcessSample a = recorder.sample(first, "burn").orElseThrow();
        ProcessSample b = recorder.sample(last, "burn").orElseThrow();
        double duration = b.now() - a.now();
        double cpu = 100 * (b.procWork() - a.procWork()) / duration;
        double scheduler = 100 * (recorder.schedstat.get(last).get(pid) - recorder.schedstat.get(first).get(pid))
                / 1e9 / duration;
        System.out.printf("burner tree: %.1f %% CPU measured, %.1f %% by the scheduler, over %.2f s"
                + " (designed: 2 x %.0f %%); memory %.2f %%%n", cpu, scheduler, duration, DUTY * 100, b.procMemory());
        // stat ticks are 10 ms: over 3 s, 1 % at most each way for 2 processes, plus the reads' offset
        assertThat(cpu).isCloseTo(scheduler, org.assertj.core.data.Offset.offset(5.0));
        // each burner spins half of the time at most: the tree cannot exceed one core (on a busy machine, it gets
        // less: the scheduler's count is the reference above); it does burn
        assertThat(cpu).isBetween(1.0, 2 * DUTY * 100 + 5);
        long total = new oshi.nativefree.SystemInfo().getHardware().getMemory().getTotal();
        // two burners of 64 MiB, plus the Python interpreters (about 10 MiB each)
        assertThat(b.procMemory()).isBetween(100.0 * 2 * BURNER_MIB * MIB / total,
                100.0 * (2 * BURNER_MIB + 48) * MIB / total);
        assertThat(b.pid()).isEqualTo(pid);
        assertThat(b.nbCores()).isZero();
        assertThat(recorder.threads).containsOnly("supvisors-stats");
    }

    @Test
    void the_supervisord_sample_counts_its_two_processes_without_their_children() throws Exception {
        Process tree = burnerTree();
        int root = (int) tree.pid();
        int jvm = (int) ProcessHandle.current().pid();
        long total = new oshi.nativefree.SystemInfo().getHardware().getMemory().getTotal();

        // the root burner as the agent, without supervisord: its child burner is not counted
        List<ProcessSample> alone = probe(new SelfProcesses(root, OptionalInt.empty())).sample(Map.of("burn", root),
                now());
        ProcessSample rootOnly = find(alone, "supervisord");
        assertThat(rootOnly.pid()).isEqualTo(root);
        assertThat(rootOnly.procMemory()).isBetween(100.0 * BURNER_MIB * MIB / total,
                100.0 * (BURNER_MIB + 24) * MIB / total);
        assertThat(find(alone, "burn").procMemory()).isGreaterThan(100.0 * 2 * BURNER_MIB * MIB / total);

        // with this JVM as supervisord: both processes, named after supervisord's pid
        ProcessSample both = find(probe(new SelfProcesses(root, OptionalInt.of(jvm))).sample(Map.of(), now()),
                "supervisord");
        assertThat(both.pid()).isEqualTo(jvm);
        assertThat(both.nbCores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(both.procMemory()).isCloseTo(rootOnly.procMemory() + 100.0 * residentBytes(jvm) / total,
                org.assertj.core.data.Offset.offset(100.0 * 16 * MIB / total));
        assertThat(both.procWork()).isGreaterThan(rootOnly.procWork());
    }

    private static ProcessSample find(List<ProcessSample> samples, String namespec) {
        return samples.stream().filter(s -> s.namespec().equals(namespec)).findFirst().orElseThrow();
    }

    @Test
    void the_kernel_children_lists_and_a_pass_over_every_process_give_the_same_tree() throws Exception {
        Process tree = burnerTree();
        int root = (int) tree.pid();
        File proc = new File("/proc");
        assumeTrue(ProcessTable.hasChildrenLists(proc), "the kernel has no children lists (CONFIG_PROC_CHILDREN)");

        List<Integer> scanned = ProcessTable.read(proc, new ProcFile()).tree(root).stream().map(ProcStat::pid)
                .collect(Collectors.toList());
        List<Integer> listed = ProcessTable.readTrees(proc, new ProcFile(), List.of(root), root).tree(root).stream()
                .map(ProcStat::pid).collect(Collectors.toList());

        assertThat(scanned).hasSize(2).startsWith(root);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(scanned);
        assertThat(ProcessTable.readTrees(proc, new ProcFile(), List.of(), root).tree(root)).hasSize(1);
    }

    private static long residentBytes(int pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        return 0;
    }

    @Test
    void a_process_that_dies_between_two_rounds_is_left_out_and_the_rounds_go_on() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        started.add(sleeper);
        collector = new StatisticsCollector(recorder, StatisticsCollectorIT::now, SelfProcesses.current(false));
        collector.monitor(Map.of("sleepy", (int) sleeper.pid()));
        collector.configure(false, true, 1.0);
        Await.until(DEADLINE, () -> assertThat(recorder.roundsWith("sleepy")).isNotEmpty());

        sleeper.destroyForcibly();
        assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int after = recorder.rounds.size();

        Await.until(DEADLINE, () -> assertThat(recorder.rounds).hasSizeGreaterThan(after + 1));
        assertThat(recorder.rounds.subList(after + 1, recorder.rounds.size())).allSatisfy(round ->
                assertThat(round).extracting(ProcessSample::namespec).containsExactly("supervisord"));
    }

    @Test
    void a_host_sample_has_every_cpu_line_the_memory_the_up_interfaces_and_the_node() {
        collector = new StatisticsCollector(recorder, StatisticsCollectorIT::now, SelfProcesses.current(false));
        collector.configure(true, false, 1.0);

        Await.until(DEADLINE, () -> assertThat(recorder.hosts).hasSizeGreaterThanOrEqualTo(2));

        HostSample sample = recorder.hosts.get(1);
        NodeCharacteristics node = recorder.nodes.get(0);
        assertThat(recorder.nodes).hasSize(1);
        assertThat(sample.cpu()).hasSize(node.logicalCores() + 1);
        assertThat(sample.cpu().get(0).work() + sample.cpu().get(0).idle()).isPositive();
        assertThat(sample.mem()).isStrictlyBetween(0.0, 100.0);
        assertThat(sample.netIo()).containsKey("lo");
        assertThat(node.physicalCores()).isPositive();
        assertThat(node.totalMemory()).isGreaterThan(64 * MIB);
        assertThat(recorder.rounds).isEmpty();
        assertThat(recorder.unavailable).isNull();
        System.out.println("host sample: " + sample.cpu().size() + " cpu lines, mem " + sample.mem() + " %, net "
                + sample.netIo().keySet() + ", disks " + sample.diskIo().keySet() + ", partitions "
                + sample.diskUsage() + "; node " + node + " (" + node.formattedMemory() + ")");
    }

    @Test
    void the_thread_exists_only_while_something_is_collected_and_a_new_period_applies() {
        collector = new StatisticsCollector(recorder, StatisticsCollectorIT::now, SelfProcesses.current(false));
        assertThat(collector.isRunning()).isFalse();
        collector.configure(true, false, 1.0);
        assertThat(collector.isRunning()).isTrue();
        Await.until(DEADLINE, () -> assertThat(recorder.hosts).hasSizeGreaterThanOrEqualTo(1));

        collector.configure(false, false, 1.0);
        assertThat(collector.isRunning()).isFalse();
        Await.until(DEADLINE, () -> assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("supvisors-stats"));
        int before = recorder.hosts.size();

        collector.configure(true, false, 1.5);
        Await.until(DEADLINE, () -> assertThat(recorder.hosts).hasSizeGreaterThanOrEqualTo(before + 3));

        List<HostSample> later = recorder.hosts.subList(before, recorder.hosts.size());
        for (int i = 1; i < later.size(); i++) {
            assertThat(later.get(i).now() - later.get(i - 1).now()).as("interval %d", i).isGreaterThanOrEqualTo(1.5);
        }
        assertThat(later.get(0).now() - recorder.hosts.get(before - 1).now()).isGreaterThanOrEqualTo(1.5);
    }

    @Test
    void an_interface_that_appears_is_counted_while_up_and_forgotten_when_it_vanishes() throws Exception {
        String name = "svst" + (ProcessHandle.current().pid() % 100_000);
        Optional<String> refused = ip("link", "add", name + "a", "type", "veth", "peer", "name", name + "b");
        if (refused.isPresent()) {
            System.err.println("SKIPPED interface test: ip link add veth refused: " + refused.get()
                    + " (needs root and veth in this kernel)");
            assumeTrue(false, "ip link add veth refused: " + refused.get());
        }
        try {
            NetworkCounters counters = new NetworkCounters("/proc/net/dev", "/sys/class/net", new ProcFile());
            assertThat(counters.read()).doesNotContainKeys(name + "a", name + "b");
            assertThat(ip("link", "set", name + "a", "up")).isEmpty();

            assertThat(counters.read()).containsKey(name + "a").doesNotContainKey(name + "b");

            assertThat(ip("link", "del", name + "a")).isEmpty();
            assertThat(counters.read()).doesNotContainKeys(name + "a", name + "b");
        } finally {
            ip("link", "del", name + "a");
        }
    }

    /** Runs {@code ip}; empty when it succeeded, else what it said. */
    private static Optional<String> ip(String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 ? Optional.empty() : Optional.of(output);
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        } catch (UncheckedIOException e) {
            return Optional.of(e.getMessage());
        }
    }
}
