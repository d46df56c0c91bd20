package org.supvisors.bench.stats;

import static org.supvisors.bench.command.Arguments.positive;
import static org.supvisors.bench.command.Arguments.value;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.supvisors.bench.command.Arguments;
import org.supvisors.bench.command.BenchMain;
import org.supvisors.bench.command.Machine;
import org.supvisors.bench.workload.KeepAliveClient;
import org.supvisors.bench.workload.ListeningPorts;
import org.supvisors.bench.workload.Poll;
import org.supvisors.bench.workload.SupervisordInstance;
import org.supvisors.bench.workload.TemporaryDirectory;
import org.supvisors.bench.workload.WorkloadConfiguration;

/**
 * The cost of the statistics: on the reference workload (3 instances, 61 processes each, its rules, then the
 * {@code bulk} application started, so that about 20 processes run on each instance), the CPU that each agent uses
 * over a window (from {@code /proc/<pid>/stat}), with statistics off, then on with a collecting period of 10 s and of
 * 1 s (a fresh cluster per scenario), and the agents' resident memory at the end. Prints Markdown tables on standard
 * output, progress on standard error. Run it with {@code bench/stats-cost.sh}.
 */
public final class StatsCostBench implements BenchMain.Command {

    static final List<String> NICKNAMES = List.of("supv1", "supv2", "supv3");
    private static final int PORTS_PER_INSTANCE = 10;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern PID = Pattern.compile("<name>pid</name>\\s*<value>\\s*<(?:int|i4)>(\\d+)<");

    private static final String USAGE = String.join("\n",
            "usage: stats-cost.sh [--no-build] [options]   (--no-build, first: skip mvn -q -DskipTests package)",
            "  --distribution DIR  the distribution (default: dist/target/supvisors)",
            "  --workload DIR      the reference workload, with programs.ini and rules.xml",
            "                      (default: ../shared/workload)",
            "  --window SECONDS    the measured window (default: 60)",
            "  --settle SECONDS    the wait between the start of bulk and the window (default: 20)",
            "  --scenarios LIST    off,10,1: statistics off, on with these collecting periods (default: off,10,1)",
            "  --keep              keep the temporary directories (logs) instead of removing them");

    private final Options options;
    private final PrintStream out;
    private final List<SupervisordInstance> running = new ArrayList<>();
    private volatile TemporaryDirectory directory;

    private StatsCostBench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        BenchMain.main(args, USAGE, Options::parse, options -> new StatsCostBench(options, System.out));
    }

    /** One scenario: its name and the options it adds to {@code [supvisors]}. */
    record Scenario(String name, List<String> options) {
        static Scenario of(String text) {
            if (text.equals("off")) {
                return new Scenario("statistics off (stats_enabled = OFF)", List.of("stats_enabled = OFF"));
            }
            int period = positive("--scenarios", text);
            return new Scenario("statistics on, stats_collecting_period = " + period + " s",
                    List.of("stats_enabled = ALL", "stats_collecting_period = " + period));
        }
    }

    /** What one scenario measured, per instance. */
    record Result(Scenario scenario, List<Double> agentCpu, List<Double> supervisordCpu, List<Long> agentRssKiB,
                  List<Integer> runningProcesses, double seconds, String loadAverage) {
    }

    @Override
    public void run() throws IOException, InterruptedException {
        Arguments.checkPrerequisites(options.distribution, options.workload);
        long ticksPerSecond = Long.parseLong(Machine.command("getconf", "CLK_TCK").replace("unavailable", "100"));
        String machine = Machine.describe(false);
        List<Result> results = new ArrayList<>();
        for (Scenario scenario : options.scenarios) {
            results.add(measure(scenario, ticksPerSecond));
        }
        print(machine, results);
    }

    private Result measure(Scenario scenario, long ticksPerSecond) throws IOException, InterruptedException {
        BenchMain.progress(scenario.name() + ": starting 3 instances");
        TemporaryDirectory dir = TemporaryDirectory.create("supvisors-stats-bench-", options.keep);
        directory = dir;
        try {
            int base = ListeningPorts.block((NICKNAMES.size() - 1) * PORTS_PER_INSTANCE + 3);
            List<WorkloadConfiguration.Member> members = new ArrayList<>();
            for (int i = 0; i < NICKNAMES.size(); i++) {
                members.add(new WorkloadConfiguration.Member(NICKNAMES.get(i), base + i * PORTS_PER_INSTANCE));
            }
            String programs = WorkloadConfiguration.programs(Files.readString(options.workload.resolve(
                    "programs.ini")), 61);
            for (WorkloadConfiguration.Member member : members) {
                Path home = dir.path().resolve(member.nickname());
                String configuration = WorkloadConfiguration.supervisord("written by supvisors-bench (statistics"
                        + " cost), " + scenario.name(), home, member, members, options.distribution,
                        Optional.of(options.workload.resolve("rules.xml")));
                configuration = configuration.replace("\n[supvisors]\n", "\n[supvisors]\n"
                        + String.join("\n", scenario.options()) + "\n");
                SupervisordInstance instance = new SupervisordInstance(member, home, configuration, programs);
                running.add(instance);
                instance.start();
            }
            for (SupervisordInstance instance : running) {
                awaitOperation(instance);
            }
            BenchMain.progress(scenario.name() + ": OPERATION everywhere; starting bulk (LESS_LOADED)");
            try (KeepAliveClient client = new KeepAliveClient(running.get(0).agentPort())) {
                client.exchange(KeepAliveClient.request("supvisors.start_application", "LESS_LOADED", "bulk"));
                if (!client.body().contains("<boolean>1</boolean>")) {
                    BenchMain.progress("start_application(bulk) did not answer true: " + client.body());
                }
            }
            BenchMain.progress(scenario.name() + ": settling for " + options.settleSeconds + " s");
            TimeUnit.SECONDS.sleep(options.settleSeconds);
            List<Long> agents = new ArrayList<>();
            List<Integer> processes = new ArrayList<>();
            for (SupervisordInstance instance : running) {
                agents.add(agentPid(instance));
                processes.add(instance.children().size() - 1);
            }
            List<ProcessCpu> agentsBefore = new ArrayList<>();
            List<ProcessCpu> supervisordBefore = new ArrayList<>();
            for (int i = 0; i < running.size(); i++) {
                agentsBefore.add(ProcessCpu.of(agents.get(i)));
                supervisordBefore.add(ProcessCpu.of(running.get(i).pid()));
            }
            String load = Machine.loadAverage();
            BenchMain.progress(scenario.name() + ": measuring for " + options.windowSeconds + " s (load " + load
                    + ")");
            long begin = System.nanoTime();
            TimeUnit.SECONDS.sleep(options.windowSeconds);
            List<Double> agentCpu = new ArrayList<>();
            List<Double> supervisordCpu = new ArrayList<>();
            List<Long> rss = new ArrayList<>();
            for (int i = 0; i < running.size(); i++) {
                running.get(i).checkAlive();
                ProcessCpu agent = ProcessCpu.of(agents.get(i));
                agentCpu.add(agent.percentSince(agentsBefore.get(i), ticksPerSecond));
                rss.add(agent.rssKiB());
                supervisordCpu.add(ProcessCpu.of(running.get(i).pid()).percentSince(supervisordBefore.get(i),
                        ticksPerSecond));
            }
            return new Result(scenario, agentCpu, supervisordCpu, rss, processes, (System.nanoTime() - begin) / 1e9,
                    load);
        } finally {
            stop();
        }
    }

    private static void awaitOperation(SupervisordInstance instance) {
        byte[] state = KeepAliveClient.request("supvisors.get_supvisors_state");
        Poll.until(READY_TIMEOUT, instance.nickname() + " in OPERATION", () -> {
            instance.checkAlive();
            try (KeepAliveClient client = new KeepAliveClient(instance.agentPort())) {
                return client.exchange(state) == 200 && client.body().contains("<string>OPERATION</string>")
                        ? Optional.of(Boolean.TRUE) : Optional.empty();
            }
        });
    }

    private static long agentPid(SupervisordInstance instance) {
        byte[] info = KeepAliveClient.request("supervisor.getProcessInfo", "supvisors");
        return Poll.until(Duration.ofSeconds(10), instance.nickname() + ": the agent pid", () -> {
            try (KeepAliveClient client = new KeepAliveClient(instance.agentPort())) {
                client.exchange(info);
                Matcher pid = PID.matcher(client.body());
                return pid.find() ? Optional.of(Long.parseLong(pid.group(1))) : Optional.empty();
            }
        });
    }

    @Override
    public synchronized void stop() {
        for (SupervisordInstance instance : running) {
            instance.stop();
        }
        running.clear();
        TemporaryDirectory dir = directory;
        if (dir != null) {
            dir.remove();
            directory = null;
        }
    }

    private void print(String machine, List<Result> results) {
        out.println(machine);
        out.println("* load average at end " + Machine.loadAverage());
        out.println("* workload: 3 instances, 61 processes each, rules.xml, then bulk started (LESS_LOADED); settle "
                + options.settleSeconds + " s, window " + options.windowSeconds + " s; stats_periods and stats_histo"
                + " at their defaults (10 s, 200); CPU from /proc/<pid>/stat (utime + stime)");
        out.println();
        out.println("| scenario | agent CPU, % of a core (mean of 3) | per agent | supervisord CPU % (mean) |"
                + " agent RSS MiB (mean) | running processes per instance | load average |");
        out.println("| --- | ---: | --- | ---: | ---: | --- | --- |");
        for (Result result : results) {
            out.printf(Locale.ROOT, "| %s | %.3f | %s | %.3f | %.1f | %s | %s |%n", result.scenario().name(),
                    mean(result.agentCpu()), join(result.agentCpu()), mean(result.supervisordCpu()),
                    result.agentRssKiB().stream().mapToLong(Long::longValue).average().orElse(0) / 1024.0,
                    result.runningProcesses(), result.loadAverage());
        }
        out.println();
        Optional<Result> off = results.stream().filter(r -> r.scenario().options().contains("stats_enabled = OFF"))
                .findFirst();
        out.println("| scenario | agent CPU % | above statistics off | 0.19 (supervisord + Supvisors; collector) |");
        out.println("| --- | ---: | ---: | --- |");
        for (Result result : results) {
            boolean isOff = result.scenario().options().contains("stats_enabled = OFF");
            String extra = off.isPresent() && !isOff
                    ? String.format(Locale.ROOT, "%+.3f", mean(result.agentCpu()) - mean(off.get().agentCpu()))
                    : "-";
            out.printf(Locale.ROOT, "| %s | %.3f | %s | %s |%n", result.scenario().name(), mean(result.agentCpu()),
                    extra, isOff ? "0.13 %" : "0.22 % + 0.13 % = 0.35 %");
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static String join(List<Double> values) {
        List<String> texts = new ArrayList<>();
        values.forEach(v -> texts.add(String.format(Locale.ROOT, "%.3f", v)));
        return String.join(", ", texts);
    }

    /** The command line. */
    static final class Options {
        Path distribution = Path.of("dist/target/supvisors");
        Path workload = Path.of("../shared/workload");
        int windowSeconds = 60;
        int settleSeconds = 20;
        List<Scenario> scenarios = List.of(Scenario.of("off"), Scenario.of("10"), Scenario.of("1"));
        boolean keep;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--distribution" -> options.distribution = Path.of(value(args, ++i, arg));
                    case "--workload" -> options.workload = Path.of(value(args, ++i, arg));
                    case "--window" -> options.windowSeconds = positive(arg, value(args, ++i, arg));
                    case "--settle" -> options.settleSeconds = positive(arg, value(args, ++i, arg));
                    case "--scenarios" -> {
                        List<Scenario> list = new ArrayList<>();
                        for (String text : value(args, ++i, arg).split(",")) {
                            list.add(Scenario.of(text.trim()));
                        }
                        options.scenarios = list;
                    }
                    case "--keep" -> options.keep = true;
                    default -> throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            options.distribution = options.distribution.toAbsolutePath().normalize();
            options.workload = options.workload.toAbsolutePath().normalize();
            return options;
        }
    }
}
