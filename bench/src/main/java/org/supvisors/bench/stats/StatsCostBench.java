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
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import org.supvisors.bench.command.Arguments;
import org.supvisors.bench.command.BenchMain;
import org.supvisors.bench.command.Machine;
import org.supvisors.bench.command.Summary;
import org.supvisors.bench.workload.AgentConnection;
import org.supvisors.bench.workload.Calls;
import org.supvisors.bench.workload.Cluster;
import org.supvisors.bench.workload.ClusterSlot;
import org.supvisors.bench.workload.LaunchWatch;
import org.supvisors.bench.workload.SupervisordInstance;
import org.supvisors.bench.workload.WorkloadConfiguration;
import org.supvisors.bench.xmlrpc.ResidentMemory;

/**
 * The cost of the statistics: on the reference workload (3 instances, 61 processes each, its rules, then the
 * {@code bulk} application started, so that about 20 processes run on each instance), the CPU that each agent uses
 * over a window (from {@code /proc}), and within it its collector thread, with statistics off, then on with a
 * collecting period of 10 s and of 1 s: a fresh cluster per scenario and run, the scenarios taking turns run after
 * run. Prints Markdown tables on standard output, progress on standard error. Run it with {@code bench/stats-cost.sh}.
 */
public final class StatsCostBench implements BenchMain.Command {

    private static final String OFF = "off";

    private static final String USAGE = String.join("\n",
            "usage: stats-cost.sh [--no-build] [options]   (--no-build, first: skip mvn -q -DskipTests package)",
            "  --distribution DIR  the distribution (default: dist/target/supvisors)",
            "  --workload DIR      the reference workload, with programs.ini and rules.xml",
            "                      (default: ../shared/workload)",
            "  --runs N            fresh clusters per scenario (default: 1)",
            "  --window SECONDS    the measured window (default: 60)",
            "  --settle SECONDS    the wait between the start of bulk and the window (default: 20)",
            "  --scenarios LIST    off, or collecting periods in seconds (default: off,10,1)",
            "  --timeout SECONDS   launch to OPERATION on all 3 (default: 90)",
            "  --keep              keep the temporary directories (logs) instead of removing them");

    private final Options options;
    private final PrintStream out;
    private final ClusterSlot slot = new ClusterSlot();

    private StatsCostBench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        BenchMain.main(args, USAGE, Options::parse, options -> new StatsCostBench(options, System.out));
    }

    /** One scenario: {@code off}, or statistics on with this collecting period. */
    record Scenario(String key) {
        static Scenario of(String text) {
            return new Scenario(text.equals(OFF) ? OFF : Integer.toString(positive("--scenarios", text)));
        }

        boolean isOff() {
            return key.equals(OFF);
        }

        /** What it adds to {@code [supvisors]}. */
        List<String> supvisorsOptions() {
            return isOff() ? List.of("stats_enabled = OFF")
                    : List.of("stats_enabled = ALL", "stats_collecting_period = " + key);
        }

        String title() {
            return isOff() ? "statistics off" : "statistics on, collecting period " + key + " s";
        }
    }

    /** What one run of a scenario measured: per instance (agent, collector thread, supervisord), and the machine. */
    record Run(Scenario scenario, List<CpuReading.Shares> shares, List<Long> agentRssKiB, List<Integer> processes,
               String loadAverage) {
    }

    @Override
    public void run() throws IOException, InterruptedException {
        Arguments.checkPrerequisites(options.distribution, options.workload);
        String machine = Machine.describe(false);
        String programs = WorkloadConfiguration.programs(Files.readString(options.workload.resolve("programs.ini")),
                61);
        List<Run> runs = new ArrayList<>();
        for (int run = 1; run <= options.runs; run++) {
            for (Scenario scenario : options.scenarios) {
                String label = scenario.title() + ", run " + run + "/" + options.runs;
                Cluster cluster = Cluster.write("stats", options.distribution, programs,
                        Optional.of(options.workload.resolve("rules.xml")), scenario.supvisorsOptions(),
                        options.keep, label);
                runs.add(slot.run(cluster, started -> measure(label, scenario, started)));
            }
        }
        print(machine, runs);
    }

    private Run measure(String label, Scenario scenario, Cluster cluster) throws IOException, InterruptedException {
        BenchMain.progress(label + ": starting 3 instances");
        Cluster.Origin origin = cluster.start();
        LaunchWatch.watch(cluster, origin.nanos(), Duration.ofMillis(200), options.timeout);
        BenchMain.progress(label + ": OPERATION everywhere; starting bulk (LESS_LOADED)");
        try (AgentConnection agent = new AgentConnection(cluster.instances().get(0).agentPort())) {
            String answer = agent.call(Calls.startApplication("LESS_LOADED", "bulk"));
            if (!answer.contains("<boolean>1</boolean>")) {
                BenchMain.progress(label + ": start_application(bulk) did not answer true: " + answer);
            }
        }
        BenchMain.progress(label + ": settling for " + options.settleSeconds + " s");
        TimeUnit.SECONDS.sleep(options.settleSeconds);
        List<SupervisordInstance> instances = cluster.instances();
        List<Long> agents = new ArrayList<>();
        List<Integer> processes = new ArrayList<>();
        for (SupervisordInstance instance : instances) {
            agents.add(instance.agentPid(Duration.ofSeconds(10)));
            // supervisord's children: the agent and the running processes
            processes.add(instance.children().size() - 1);
        }
        List<CpuReading> before = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            before.add(CpuReading.of(agents.get(i), instances.get(i).pid()));
        }
        String load = Machine.loadAverage();
        BenchMain.progress(label + ": measuring for " + options.windowSeconds + " s (load " + load + ")");
        TimeUnit.SECONDS.sleep(options.windowSeconds);
        List<CpuReading.Shares> shares = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            instances.get(i).checkAlive();
            shares.add(CpuReading.of(agents.get(i), instances.get(i).pid()).since(before.get(i)));
            rss.add(ResidentMemory.of(agents.get(i)).rssKiB());
        }
        return new Run(scenario, shares, rss, processes, load);
    }

    @Override
    public void stop() {
        slot.stop();
    }

    private void print(String machine, List<Run> runs) {
        out.println(machine);
        out.println("* load average at end " + Machine.loadAverage());
        out.println("* workload: 3 instances, 61 processes each, rules.xml, then bulk started (LESS_LOADED); "
                + options.runs + " run(s) per scenario, each on a fresh cluster, scenarios in turn; settle "
                + options.settleSeconds + " s, window " + options.windowSeconds + " s; stats_periods and stats_histo"
                + " at their defaults (10 s, 200); CPU from /proc (utime + stime; the collector thread from"
                + " /proc/<agent>/task/<tid>)");
        out.println("* each cell: median [min - max] over the agents of every run (3 per run), in % of one core");
        out.println();
        out.println("| scenario | agent CPU % | of which the collector thread % | supervisord CPU % | agent RSS MiB"
                + " | machine busy % (of 200) | running processes per instance, per run"
                + " | load average at each window |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Scenario scenario : options.scenarios) {
            List<Run> of = runs.stream().filter(run -> run.scenario().equals(scenario)).toList();
            List<Double> rss = of.stream().flatMap(run -> run.agentRssKiB().stream()).map(kib -> kib / 1024.0)
                    .toList();
            List<Double> machineBusy = of.stream().map(run -> run.shares().get(0).machine()).toList();
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", scenario.title(),
                    cell(of, CpuReading.Shares::agent, 3), cell(of, CpuReading.Shares::collector, 3),
                    cell(of, CpuReading.Shares::supervisord, 3), format(Summary.of(rss), 1),
                    format(Summary.of(machineBusy), 1), of.stream().map(run -> run.processes().stream()
                            .map(String::valueOf).collect(Collectors.joining("/"))).collect(Collectors.joining("; ")),
                    of.stream().map(Run::loadAverage).collect(Collectors.joining("; ")));
        }
        out.println();
        Optional<Scenario> off = options.scenarios.stream().filter(Scenario::isOff).findFirst();
        out.println("| scenario | agent CPU % (median) | above statistics off | agent + supervisord % (median) |");
        out.println("| --- | ---: | ---: | ---: |");
        for (Scenario scenario : options.scenarios) {
            double agent = median(runs, scenario, CpuReading.Shares::agent);
            String above = off.isPresent() && !scenario.isOff()
                    ? String.format(Locale.ROOT, "%+.3f", agent - median(runs, off.get(), CpuReading.Shares::agent))
                    : "-";
            out.printf(Locale.ROOT, "| %s | %.3f | %s | %.3f |%n", scenario.title(), agent, above,
                    median(runs, scenario, s -> s.agent() + s.supervisord()));
        }
        out.println();
        out.println("0.19 on this workload (figures of the statistics issue): supervisord with Supvisors 0.22 % and"
                + " 0.13 % of a core, plus 0.13 % for its collector process.");
    }

    private static List<Double> values(List<Run> runs, ToDoubleFunction<CpuReading.Shares> measure) {
        return runs.stream().flatMap(run -> run.shares().stream()).map(measure::applyAsDouble).toList();
    }

    private static double median(List<Run> runs, Scenario scenario, ToDoubleFunction<CpuReading.Shares> measure) {
        return Summary.of(values(runs.stream().filter(run -> run.scenario().equals(scenario)).toList(), measure))
                .median();
    }

    private static String cell(List<Run> runs, ToDoubleFunction<CpuReading.Shares> measure, int decimals) {
        return format(Summary.of(values(runs, measure)), decimals);
    }

    private static String format(Summary summary, int decimals) {
        String number = "%." + decimals + "f";
        return String.format(Locale.ROOT, number + " [" + number + " - " + number + "]", summary.median(),
                summary.min(), summary.max());
    }

    /** The command line. */
    static final class Options {
        Path distribution = Path.of("dist/target/supvisors");
        Path workload = Path.of("../shared/workload");
        int runs = 1;
        int windowSeconds = 60;
        int settleSeconds = 20;
        Duration timeout = Duration.ofSeconds(90);
        List<Scenario> scenarios = List.of(Scenario.of(OFF), Scenario.of("10"), Scenario.of("1"));
        boolean keep;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--distribution" -> options.distribution = Path.of(value(args, ++i, arg));
                    case "--workload" -> options.workload = Path.of(value(args, ++i, arg));
                    case "--runs" -> options.runs = positive(arg, value(args, ++i, arg));
                    case "--window" -> options.windowSeconds = positive(arg, value(args, ++i, arg));
                    case "--settle" -> options.settleSeconds = positive(arg, value(args, ++i, arg));
                    case "--timeout" -> options.timeout = Duration.ofSeconds(positive(arg, value(args, ++i, arg)));
                    case "--scenarios" -> {
                        List<Scenario> list = new ArrayList<>();
                        for (String text : value(args, ++i, arg).split(",")) {
                            list.add(Scenario.of(text.trim()));
                        }
                        options.scenarios = list.stream().distinct().toList();
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
