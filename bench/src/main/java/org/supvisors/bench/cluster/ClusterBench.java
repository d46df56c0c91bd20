package org.supvisors.bench.cluster;

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
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.supvisors.bench.command.Arguments;
import org.supvisors.bench.command.BenchException;
import org.supvisors.bench.command.BenchMain;
import org.supvisors.bench.command.Machine;
import org.supvisors.bench.workload.Cluster;
import org.supvisors.bench.workload.ClusterOptions;
import org.supvisors.bench.workload.ClusterSlot;
import org.supvisors.bench.workload.KillInstant;
import org.supvisors.bench.workload.LaunchWatch;
import org.supvisors.bench.workload.Scenario;
import org.supvisors.bench.workload.WorkloadConfiguration;

/**
 * The cluster benchmark: for each run, a fresh cluster of the reference workload (3 supervisord on loopback, each
 * with its agent), launched at one instant and watched until OPERATION on all three; then, after a delay spread
 * over the heartbeat period, {@code kill -9} of the supervisord of a non-Master or of the Master, and what the
 * survivors see and answer until they agree on one Master in OPERATION for the hold time. Prints Markdown tables
 * on standard output (summary, then the runs), progress and what each survivor saw on standard error. Run it with
 * {@code bench/cluster-bench.sh}.
 */
public final class ClusterBench implements BenchMain.Command {

    private static final String USAGE = String.join("\n",
            "usage: cluster-bench.sh [--no-build] [options]   (--no-build, first: skip mvn -q -DskipTests package)",
            "  --runs N            runs of each scenario, each on a fresh cluster (default: 5)",
            "  --scenarios LIST    non-master, master, comma-separated (default: both, runs interleaved)",
            "  --distribution DIR  the distribution (default: dist/target/supvisors)",
            "  --workload DIR      the reference workload: programs.ini, rules.xml (default: ../shared/workload)",
            "  --processes N       processes per instance, through numprocs of worker (default: 61, the workload's)",
            "  --no-rules          leave rules_files out of [supvisors] (default: the workload's rules.xml)",
            "  --probe-ms N        period of the state probes of each agent (default: 20)",
            "  --query-ms N        period of the read-only query poller of each survivor (default: 50)",
            "  --hold S            how long the survivors must agree before the run ends (default: 5)",
            "  --timeout S         limit of the launch and of the failure of each run (default: 60)",
            "  --seed N            seed of the kill delays and of the choice of the non-Master victim",
            "  --keep              keep the temporary directories (the logs of each instance)");

    private final Options options;
    private final PrintStream out;
    private final ClusterSlot slot = new ClusterSlot();

    private ClusterBench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        BenchMain.main(args, USAGE, Options::parse, options -> new ClusterBench(options, System.out));
    }

    @Override
    public void stop() {
        slot.stop();
    }

    @Override
    public void run() throws IOException, InterruptedException {
        Arguments.checkPrerequisites(options.distribution, options.workload);
        Optional<Path> rules = Optional.of(options.workload.resolve("rules.xml")).filter(path -> options.rules);
        if (rules.isPresent() && !Files.isReadable(rules.get())) {
            throw new BenchException(rules.get() + ": missing (expected: the workload's rules, or --no-rules)");
        }
        String machine = Machine.describe(false);
        Random random = new Random(options.seed);
        List<RunResult> runs = new ArrayList<>();
        int total = options.runs * options.scenarios.size();
        for (int k = 0; k < options.runs; k++) {
            for (Scenario scenario : options.scenarios) {
                long delay = KillInstant.stratifiedDelayNanos(k, options.runs, random);
                RunResult run = run(runs.size() + 1, total, scenario, delay, rules, random);
                ClusterReport.details(System.err, run);
                runs.add(run);
            }
        }
        out.println(machine);
        out.println("* load average at end " + Machine.loadAverage());
        out.printf(Locale.ROOT, "* %d run(s) of each scenario (%s), a fresh cluster each; %d processes per instance;"
                        + " rules_files %s; probes every %d ms, read-only queries every %d ms; hold %d s; seed %d%n",
                options.runs, String.join(", ", options.scenarios.stream().map(Scenario::label).toList()),
                options.processes, rules.isPresent() ? "= the workload's rules.xml" : "left out",
                options.probe.toMillis(), options.query.toMillis(), options.hold.toSeconds(), options.seed);
        out.println();
        ClusterReport.summary(out, runs);
        out.println();
        ClusterReport.phases(out, runs);
        out.println();
        ClusterReport.runs(out, runs);
    }

    /**
     * One run on a fresh cluster. A failure of the run (launch not reached, a survivor's supervisord gone) is
     * recorded in the result, not thrown, and its directory kept for the logs. The launch phases are read in the
     * logs at the end, when every line of the launch is written.
     */
    private RunResult run(int index, int total, Scenario scenario, long delay, Optional<Path> rules, Random random)
            throws IOException, InterruptedException {
        Cluster cluster = Cluster.write("cluster", options.distribution, WorkloadConfiguration.programs(
                Files.readString(options.workload.resolve("programs.ini")), options.processes), rules, options.keep,
                "run " + index + ", " + scenario.label() + " killed");
        return slot.run(cluster, started -> {
            Cluster.Origin origin = started.start();
            RunResult result = attempt(started, origin, index, total, scenario, delay, random);
            boolean failed = !result.error().isEmpty()
                    || result.failure().map(failure -> !failure.outcome().isEmpty()).orElse(false);
            if (failed) {
                started.keepDirectory();
            }
            if (failed || options.keep) {
                progress("run " + index + ": logs in " + started.directory() + "/supv*/supvisorsd.log");
            }
            return result.withPhases(LaunchPhases.read(started.instances(), origin.wall()));
        });
    }

    private RunResult attempt(Cluster cluster, Cluster.Origin origin, int index, int total, Scenario scenario,
                              long delay, Random random) throws IOException, InterruptedException {
        Optional<LaunchWatch.Launch> launch = Optional.empty();
        String master = "";
        try {
            launch = Optional.of(LaunchWatch.watch(cluster, origin.nanos(), options.probe, options.timeout));
            master = cluster.agreedMaster(Duration.ofSeconds(5)).nickname();
            Map<String, String> nicknames = cluster.nicknames(cluster.instance(master));
            String before = master;
            String victim = scenario == Scenario.MASTER ? master
                    : Cluster.NICKNAMES.stream().filter(nick -> !nick.equals(before)).toList()
                    .get(random.nextInt(Cluster.NICKNAMES.size() - 1));
            String victimIdentifier = nicknames.entrySet().stream().filter(entry -> entry.getValue().equals(victim))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            progress(String.format(Locale.ROOT, "run %d/%d: OPERATION on all 3 after %.2f s, Master %s; kill -9 of"
                    + " %s's supervisord (%s) in %.0f ms", index, total, launch.get().lastOperation() / 1e9, master,
                    victim, scenario.label(), delay / 1e6));
            FailureWatch.Failure failure = FailureWatch.kill(cluster, victim, victimIdentifier, delay,
                    new FailureWatch.Timing(options.probe, options.query, options.hold, options.timeout))
                    .withNicknames(nicknames);
            progress(String.format(Locale.ROOT, "run %d/%d: seen FAILED after %.2f s, one Master (%s) in OPERATION"
                    + " after %.2f s, %d failed queries", index, total, RunResult.seconds(failure.failed()),
                    failure.master().isEmpty() ? "none" : failure.master(), RunResult.seconds(failure.converged()),
                    failure.failedQueries()));
            return new RunResult(index, scenario, delay, master, launch, Optional.of(failure), "");
        } catch (BenchException e) {
            progress("run " + index + "/" + total + " failed: " + e.getMessage().lines().findFirst().orElse(""));
            return new RunResult(index, scenario, delay, master, launch, Optional.empty(), e.getMessage());
        }
    }

    private static void progress(String message) {
        BenchMain.progress(message);
    }

    /** The command line. */
    static final class Options extends ClusterOptions {
        int processes = 61;
        boolean rules = true;
        Duration query = Duration.ofMillis(50);
        Duration hold = Duration.ofSeconds(5);

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
                    case "--processes" -> options.processes = positive(arg, value(args, ++i, arg));
                    case "--no-rules" -> options.rules = false;
                    case "--query-ms" -> options.query = Duration.ofMillis(positive(arg, value(args, ++i, arg)));
                    case "--hold" -> options.hold = Duration.ofSeconds(positive(arg, value(args, ++i, arg)));
                    default -> throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            options.resolvePaths();
            return options;
        }
    }
}
