package org.supvisors.bench.commander;

import static org.supvisors.bench.command.Arguments.value;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.supvisors.bench.command.Arguments;
import org.supvisors.bench.command.BenchException;
import org.supvisors.bench.command.BenchMain;
import org.supvisors.bench.command.Machine;
import org.supvisors.bench.workload.AgentConnection;
import org.supvisors.bench.workload.Cluster;
import org.supvisors.bench.workload.ClusterOptions;
import org.supvisors.bench.workload.ClusterSlot;
import org.supvisors.bench.workload.KillInstant;
import org.supvisors.bench.workload.LaunchWatch;
import org.supvisors.bench.workload.Scenario;
import org.supvisors.bench.workload.SupervisordInstance;
import org.supvisors.bench.workload.WorkloadConfiguration;

/**
 * The commander benchmark, on the reference workload (3 supervisord on loopback, each with its agent, the workload's
 * rules): for each {@code startsecs} of the bulk workers, a fresh cluster in OPERATION (its start sequence done),
 * then cycles of {@code start_application('LESS_LOADED', 'bulk', True)} and {@code stop_application('bulk', True)},
 * timed as the client sees them; then, for each run of each scenario, a fresh cluster and the loss of the instance
 * running {@code sentinel:guardian} (a non-Master or the Master), timed until the guardian is RUNNING elsewhere.
 * Prints Markdown tables on standard output, progress and what the survivors saw on standard error. Run it with
 * {@code bench/commander-bench.sh}.
 */
public final class CommanderBench implements BenchMain.Command {

    private static final String USAGE = String.join("\n",
            "usage: commander-bench.sh [--no-build] [options]   (--no-build, first: skip mvn -q -DskipTests package)",
            "  --runs N            cycles of each bulk variant, runs of each kill scenario (default: 5)",
            "  --parts LIST        bulk, guardian, comma-separated (default: both)",
            "  --startsecs LIST    startsecs of the bulk workers, one cluster each (default: 1,0)",
            "  --caller WHO        the agent the bulk calls go to: master, supv1, supv2, supv3 (default: master)",
            "  --no-direct         no start of the same processes by supervisord alone after each cycle",
            "  --scenarios LIST    whose instance runs the guardian when killed: non-master, master (default: both)",
            "  --distribution DIR  the distribution (default: dist/target/supvisors)",
            "  --workload DIR      the reference workload: programs.ini, rules.xml (default: ../shared/workload)",
            "  --probe-ms N        period of the guardian probes of each survivor (default: 20)",
            "  --timeout S         limit of each launch and of each failure (default: 60)",
            "  --seed N            seed of the kill delays",
            "  --keep              keep the temporary directories (the logs of each instance)");

    private final Options options;
    private final PrintStream out;
    private final ClusterSlot slot = new ClusterSlot();

    private CommanderBench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        BenchMain.main(args, USAGE, Options::parse, options -> new CommanderBench(options, System.out));
    }

    @Override
    public void stop() {
        slot.stop();
    }

    /**
     * The cycles on the cluster of one {@code startsecs}; {@code error} says what stopped them, if anything.
     *
     * @param directStarts per cycle, the time of the same starts by supervisord alone ({@link DirectStart})
     */
    record BulkVariant(int startsecs, long launchNanos, String caller, String master,
                       List<BulkCycle.Result> cycles, List<Long> directStarts, String error) {
    }

    /** One loss of the guardian's instance on a fresh cluster. */
    record GuardianRun(int index, Scenario scenario, long delayNanos, long launchNanos,
                       Optional<GuardianFailure.Result> failure, String error) {
    }

    @Override
    public void run() throws IOException, InterruptedException {
        Arguments.checkPrerequisites(options.distribution, options.workload);
        Path rules = options.workload.resolve("rules.xml");
        if (!Files.isReadable(rules)) {
            throw new BenchException(rules + ": missing (expected: the workload's rules: bulk and sentinel)");
        }
        String programs = Files.readString(options.workload.resolve("programs.ini"));
        String machine = Machine.describe(false);
        List<BulkVariant> variants = new ArrayList<>();
        if (options.parts.contains("bulk")) {
            for (int startsecs : options.startsecs) {
                variants.add(bulk(startsecs, WorkloadConfiguration.startsecs(programs, "worker", startsecs), rules));
            }
        }
        List<GuardianRun> runs = new ArrayList<>();
        if (options.parts.contains("guardian")) {
            Random random = new Random(options.seed);
            int total = options.runs * options.scenarios.size();
            for (int k = 0; k < options.runs; k++) {
                for (Scenario scenario : options.scenarios) {
                    long delay = KillInstant.stratifiedDelayNanos(k, options.runs, random);
                    GuardianRun run = guardian(runs.size() + 1, total, scenario, delay, programs, rules);
                    CommanderReport.details(System.err, run);
                    runs.add(run);
                }
            }
        }
        out.println(machine);
        out.println("* load average at end " + Machine.loadAverage());
        if (!variants.isEmpty()) {
            out.printf(Locale.ROOT, "* bulk: %d cycle(s) of start and stop for each startsecs (%s), one fresh cluster"
                            + " each, calls to the agent of the %s%s%n", options.runs,
                    String.join(", ", options.startsecs.stream().map(String::valueOf).toList()), options.caller,
                    options.direct ? "; after each cycle, the same starts by supervisord alone" : "");
        }
        if (!runs.isEmpty()) {
            out.printf(Locale.ROOT, "* guardian: %d run(s) of each scenario (%s), a fresh cluster each, kill delays"
                            + " spread over the heartbeat period, probes every %d ms; seed %d%n", options.runs,
                    String.join(", ", options.scenarios.stream().map(Scenario::label).toList()),
                    options.probe.toMillis(), options.seed);
        }
        out.println();
        CommanderReport.summary(out, variants, runs);
        if (!variants.isEmpty()) {
            out.println();
            CommanderReport.bulkCycles(out, variants);
        }
        if (!runs.isEmpty()) {
            out.println();
            CommanderReport.guardianRuns(out, runs);
        }
    }

    private BulkVariant bulk(int startsecs, String programs, Path rules) throws IOException, InterruptedException {
        String label = "bulk startsecs=" + startsecs;
        return onFreshCluster(label, programs, rules, cluster -> {
            long launch = -1;
            String caller = "";
            String master = "";
            List<BulkCycle.Result> cycles = new ArrayList<>();
            List<Long> directStarts = new ArrayList<>();
            try {
                launch = launch(cluster);
                master = cluster.agreedMaster(Duration.ofSeconds(5)).nickname();
                caller = options.caller.equals("master") ? master : options.caller;
                Map<String, String> nicknames = cluster.nicknames(cluster.instance(caller));
                progress(String.format(Locale.ROOT, "%s: OPERATION on all 3 after %.2f s, Master %s; %d cycles"
                        + " through %s's agent", label, launch / 1e9, master, options.runs, caller));
                BulkCycle.Pids pids = new BulkCycle.Pids(
                        cluster.instances().stream().map(SupervisordInstance::pid).toList(),
                        cluster.instances().stream().map(i -> i.agentPid(Duration.ofSeconds(5))).toList());
                try (AgentConnection agent = new AgentConnection(cluster.instance(caller).agentPort())) {
                    for (int i = 1; i <= options.runs; i++) {
                        BulkCycle.Result cycle = BulkCycle.run(i, agent, nicknames, pids);
                        cycles.add(cycle);
                        String direct = "";
                        if (options.direct) {
                            long nanos = DirectStart.run(cluster, cycle.placement(), options.timeout);
                            directStarts.add(nanos);
                            BulkCycle.stop(agent);
                            direct = String.format(Locale.ROOT, "; by supervisord alone %.3f s", nanos / 1e9);
                        }
                        progress(label + ", " + CommanderReport.describe(cycle) + direct);
                    }
                }
                return new BulkVariant(startsecs, launch, caller, master, cycles, directStarts, "");
            } catch (BenchException | IOException e) {
                progress(label + " failed: " + e.getMessage().lines().findFirst().orElse(""));
                cluster.keepDirectory();
                return new BulkVariant(startsecs, launch, caller, master, cycles, directStarts, e.getMessage());
            }
        });
    }

    private GuardianRun guardian(int index, int total, Scenario scenario, long delay, String programs, Path rules)
            throws IOException, InterruptedException {
        String label = "guardian run " + index + "/" + total + " (" + scenario.label() + ")";
        return onFreshCluster(label, programs, rules, cluster -> {
            long launch = -1;
            try {
                launch = launch(cluster);
                progress(String.format(Locale.ROOT, "%s: OPERATION on all 3 after %.2f s; kill -9 in %.0f ms", label,
                        launch / 1e9, delay / 1e6));
                GuardianFailure.Result failure = GuardianFailure.run(cluster, scenario, delay, options.probe,
                        options.timeout);
                progress(label + ": " + CommanderReport.describe(failure));
                if (!failure.outcome().isEmpty()) {
                    cluster.keepDirectory();
                }
                return new GuardianRun(index, scenario, delay, launch, Optional.of(failure), "");
            } catch (BenchException e) {
                progress(label + " failed: " + e.getMessage().lines().findFirst().orElse(""));
                cluster.keepDirectory();
                return new GuardianRun(index, scenario, delay, launch, Optional.empty(), e.getMessage());
            }
        });
    }

    /** Writes a fresh cluster of the workload with {@code programs}, works on it, then stops it. */
    private <T> T onFreshCluster(String label, String programs, Path rules, ClusterSlot.Work<T> work)
            throws IOException, InterruptedException {
        Cluster cluster = Cluster.write("commander", options.distribution, programs, Optional.of(rules),
                options.keep, label);
        return slot.run(cluster, started -> {
            T result = work.run(started);
            if (options.keep) {
                progress(label + ": logs in " + started.directory() + "/supv*/");
            }
            return result;
        });
    }

    /** Starts the cluster; returns the time from the launch to OPERATION on all three. */
    private long launch(Cluster cluster) throws InterruptedException {
        Cluster.Origin origin = cluster.start();
        return LaunchWatch.watch(cluster, origin.nanos(), Duration.ofMillis(50), options.timeout).lastOperation();
    }

    private static void progress(String message) {
        BenchMain.progress(message);
    }

    /** The command line. */
    static final class Options extends ClusterOptions {
        List<String> parts = List.of("bulk", "guardian");
        List<Integer> startsecs = List.of(1, 0);
        String caller = "master";
        boolean direct = true;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                int taken = options.take(args, i);
                if (taken >= 0) {
                    i = taken;
                    continue;
                }
                String arg = args[i];
                switch (arg) {
                    case "--parts" -> options.parts = parts(value(args, ++i, arg));
                    case "--startsecs" -> options.startsecs = Arrays.stream(value(args, ++i, arg).split(","))
                            .map(text -> startsecs(text.trim())).distinct().toList();
                    case "--caller" -> options.caller = caller(value(args, ++i, arg));
                    case "--no-direct" -> options.direct = false;
                    default -> throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            options.resolvePaths();
            return options;
        }

        private static List<String> parts(String text) {
            List<String> parts = Arrays.stream(text.split(",")).map(String::trim).distinct().toList();
            for (String part : parts) {
                if (!part.equals("bulk") && !part.equals("guardian")) {
                    throw new IllegalArgumentException("--parts: " + part + " (expected: bulk, guardian)");
                }
            }
            return parts;
        }

        private static int startsecs(String text) {
            try {
                int value = Integer.parseInt(text);
                if (value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--startsecs: " + text + " (expected: integers >= 0)");
        }

        private static String caller(String text) {
            if (!text.equals("master") && !Cluster.NICKNAMES.contains(text)) {
                throw new IllegalArgumentException("--caller: " + text + " (expected: master, "
                        + String.join(", ", Cluster.NICKNAMES) + ")");
            }
            return text;
        }
    }
}
