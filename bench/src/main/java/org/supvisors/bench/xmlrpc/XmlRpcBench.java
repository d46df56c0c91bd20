package org.supvisors.bench.xmlrpc;

import static org.supvisors.bench.command.Arguments.positive;
import static org.supvisors.bench.command.Arguments.value;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.supvisors.bench.command.Arguments;
import org.supvisors.bench.command.BenchException;
import org.supvisors.bench.command.BenchMain;
import org.supvisors.bench.command.Machine;
import org.supvisors.bench.command.Verdict;
import org.supvisors.bench.workload.KeepAliveClient;
import org.supvisors.bench.workload.XmlRpcAnswer;

/**
 * The XML-RPC benchmark: for each number of processes, one instance of the reference workload (supervisord and the
 * agent of the distribution), then one sequential client on one keep-alive connection calling
 * {@code supvisors.get_supvisors_state} and {@code supvisors.get_all_process_info}: the lean
 * {@link KeepAliveClient} (the server's cost), then Python's ServerProxy (an ordinary client); then the agent's
 * memory right after start and after an idle period. Prints Markdown tables on standard output, progress on
 * standard error. Run it with {@code bench/xmlrpc-bench.sh}.
 */
public final class XmlRpcBench implements BenchMain.Command {

    static final String STATE = "supvisors.get_supvisors_state";
    static final String ALL = "supvisors.get_all_process_info";
    static final double STATE_TARGET_MS = 0.2;
    static final double ALL_300_TARGET_MS = 2.0;
    static final long RSS_TARGET_KIB = 64 * 1024;

    private static final String USAGE = String.join("\n",
            "usage: xmlrpc-bench.sh [--no-build] [options]   (--no-build, first: skip mvn -q -DskipTests package)",
            "  --distribution DIR  the distribution (default: dist/target/supvisors)",
            "  --workload DIR      the reference workload, with programs.ini (default: ../shared/workload)",
            "  --processes LIST    numbers of processes, comma-separated (default: 61,300)",
            "  --state-calls N     timed calls of get_supvisors_state per client (default: 2000)",
            "  --all-calls N       timed calls of get_all_process_info per client (default: 500)",
            "                      each series is preceded by half as many warm-up calls",
            "  --idle SECONDS      idle time before the last memory reading (default: 10)",
            "  --no-python         skip the ordinary client (python3 xmlrpc.client)",
            "  --keep              keep the temporary directories (logs) instead of removing them");

    private final Options options;
    private final PrintStream out;
    private volatile WorkloadPlatform current;

    private XmlRpcBench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        BenchMain.main(args, USAGE, Options::parse, options -> new XmlRpcBench(options, System.out));
    }

    @Override
    public void stop() {
        WorkloadPlatform platform = current;
        if (platform != null) {
            platform.close();
        }
    }

    @Override
    public void run() throws IOException, InterruptedException {
        Arguments.checkPrerequisites(options.distribution, options.workload);
        boolean python = options.python && OrdinaryClient.available();
        if (options.python && !python) {
            System.err.println("supvisors-bench: python3 with xmlrpc.client not found: no ordinary-client column");
        }
        String machine = Machine.describe(python);
        List<Row> rows = new ArrayList<>();
        List<Footprint> footprints = new ArrayList<>();
        List<OrdinaryClient.Run> ordinaryRuns = new ArrayList<>();
        for (int processes : options.processes) {
            progress("starting the workload with " + processes + " processes");
            try (WorkloadPlatform platform = new WorkloadPlatform(options.distribution, options.workload, processes,
                    options.keep)) {
                current = platform;
                long begin = System.nanoTime();
                platform.start();
                ResidentMemory started = ResidentMemory.of(platform.agentPid());
                progress(String.format(Locale.ROOT, "OPERATION with %d processes after %.1f s; agent pid %d",
                        processes, (System.nanoTime() - begin) / 1e9, platform.agentPid()));
                for (String method : List.of(STATE, ALL)) {
                    int calls = method.equals(STATE) ? options.stateCalls : options.allCalls;
                    Row row = measure(platform, method, processes, calls);
                    if (python) {
                        progress("ordinary client: " + method);
                        OrdinaryClient.Run run = OrdinaryClient.run(platform.agentPort(), method, calls / 2, calls);
                        check(method, processes, run.result());
                        row = row.withOrdinary(run);
                        ordinaryRuns.add(run);
                    }
                    rows.add(row);
                }
                progress("idle for " + options.idleSeconds + " s");
                TimeUnit.SECONDS.sleep(options.idleSeconds);
                footprints.add(new Footprint(processes, started, ResidentMemory.of(platform.agentPid()),
                        ResidentMemory.of(platform.supervisordPid())));
            } finally {
                current = null;
            }
        }
        print(machine, rows, footprints, ordinaryRuns);
    }

    private Row measure(WorkloadPlatform platform, String method, int processes, int calls) throws IOException {
        progress("keep-alive client: " + method + ", " + calls / 2 + " warm-up and " + calls + " timed calls");
        byte[] request = KeepAliveClient.request(method);
        try (KeepAliveClient client = new KeepAliveClient(platform.agentPort())) {
            for (int i = 0; i < calls / 2; i++) {
                expectOk(method, client.exchange(request));
            }
            long[] nanos = new long[calls];
            int[] statuses = new int[calls];
            long wall = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                statuses[i] = client.exchange(request);
                nanos[i] = System.nanoTime() - start;
            }
            wall = System.nanoTime() - wall;
            for (int status : statuses) {
                expectOk(method, status);
            }
            String body = client.body();
            check(method, processes, method.equals(STATE)
                    ? (body.contains("<string>OPERATION</string>") ? "OPERATION" : body)
                    : Integer.toString(XmlRpcAnswer.count(body, XmlRpcAnswer.PROCESS_MEMBER)));
            return new Row(method, processes, client.bodyLength(), new Latencies(nanos, wall), null);
        }
    }

    private static void expectOk(String method, int status) {
        if (status != 200) {
            throw new BenchException(method + ": HTTP status " + status + " (expected: 200)");
        }
    }

    /** The last answer of a series is the expected one: OPERATION, or the number of processes. */
    private static void check(String method, int processes, String result) {
        String expected = method.equals(STATE) ? "OPERATION" : Integer.toString(processes);
        if (!expected.equals(result)) {
            throw new BenchException(method + ": answer " + result + " (expected: " + expected + ")");
        }
    }

    private void print(String machine, List<Row> rows, List<Footprint> footprints,
                       List<OrdinaryClient.Run> ordinaryRuns) {
        out.println(machine);
        out.println("* series: " + options.stateCalls + " calls of get_supvisors_state, " + options.allCalls
                + " of get_all_process_info, each after half as many warm-up calls; one sequential client, one"
                + " keep-alive connection");
        if (!ordinaryRuns.isEmpty()) {
            int connections = ordinaryRuns.stream().mapToInt(OrdinaryClient.Run::connections).max().orElse(0);
            double writes = ordinaryRuns.stream().mapToDouble(OrdinaryClient.Run::writesPerCall).max().orElse(0);
            boolean noDelay = ordinaryRuns.stream().allMatch(OrdinaryClient.Run::noDelay);
            out.printf(Locale.ROOT, "* ordinary client: python3 xmlrpc.client.ServerProxy; it used %d TCP"
                    + " connection(s) per series, %.0f write(s) per request, TCP_NODELAY %s%n", connections, writes,
                    noDelay ? "on" : "off");
        }
        out.println();
        out.println("| method | processes | answer bytes | median ms | p90 ms | calls/s | ordinary client median ms"
                + " | ordinary p90 ms | ordinary calls/s |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Row row : rows) {
            out.printf(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.0f | %s | %s | %s |%n",
                    row.method.substring("supvisors.".length()), row.processes, row.bytes,
                    row.latencies.medianMillis(), row.latencies.p90Millis(), row.latencies.callsPerSecond(),
                    row.ordinary == null ? "-" : String.format(Locale.ROOT, "%.3f",
                            row.ordinary.latencies().medianMillis()),
                    row.ordinary == null ? "-" : String.format(Locale.ROOT, "%.3f",
                            row.ordinary.latencies().p90Millis()),
                    row.ordinary == null ? "-" : String.format(Locale.ROOT, "%.0f",
                            row.ordinary.latencies().callsPerSecond()));
        }
        out.println();
        out.println("| processes | agent RSS after start MiB | agent RSS after " + options.idleSeconds
                + " s idle MiB | agent peak RSS MiB | agent PSS idle MiB | supervisord RSS idle MiB |");
        out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Footprint footprint : footprints) {
            out.printf(Locale.ROOT, "| %d | %s | %s | %s | %s | %s |%n", footprint.processes,
                    ResidentMemory.mib(footprint.started.rssKiB()), ResidentMemory.mib(footprint.idle.rssKiB()),
                    ResidentMemory.mib(footprint.idle.peakKiB()), ResidentMemory.mib(footprint.idle.pssKiB()),
                    ResidentMemory.mib(footprint.supervisord.rssKiB()));
        }
        out.println();
        out.println("| target | measured | verdict |");
        out.println("| --- | ---: | --- |");
        for (Row row : rows) {
            if (row.method.equals(STATE)) {
                out.println(verdict("get_supvisors_state ≤ " + STATE_TARGET_MS + " ms (" + row.processes
                        + " processes)", row.latencies.medianMillis(), STATE_TARGET_MS, "ms"));
            } else if (row.processes == 300) {
                out.println(verdict("get_all_process_info ≤ " + ALL_300_TARGET_MS + " ms (300 processes)",
                        row.latencies.medianMillis(), ALL_300_TARGET_MS, "ms"));
            }
        }
        for (Footprint footprint : footprints) {
            out.println(verdict("idle agent RSS ≤ 64 MiB (" + footprint.processes + " processes)",
                    footprint.idle.rssKiB() / 1024.0, RSS_TARGET_KIB / 1024.0, "MiB"));
        }
    }

    private static String verdict(String target, double measured, double limit, String unit) {
        String value = String.format(Locale.ROOT, unit.equals("ms") ? "%.3f %s" : "%.1f %s", measured, unit);
        return "| " + target + " | " + value + " | " + Verdict.of(measured, limit, unit) + " |";
    }

    private static void progress(String message) {
        BenchMain.progress(message);
    }

    /** One line of the latency table. */
    private record Row(String method, int processes, int bytes, Latencies latencies, OrdinaryClient.Run ordinary) {
        Row withOrdinary(OrdinaryClient.Run run) {
            return new Row(method, processes, bytes, latencies, run);
        }
    }

    /** One line of the memory table. */
    private record Footprint(int processes, ResidentMemory started, ResidentMemory idle, ResidentMemory supervisord) {
    }

    /** The command line. */
    static final class Options {
        Path distribution = Path.of("dist/target/supvisors");
        Path workload = Path.of("../shared/workload");
        int[] processes = {61, 300};
        int stateCalls = 2000;
        int allCalls = 500;
        int idleSeconds = 10;
        boolean python = true;
        boolean keep;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--distribution" -> options.distribution = Path.of(value(args, ++i, arg));
                    case "--workload" -> options.workload = Path.of(value(args, ++i, arg));
                    case "--processes" -> options.processes = Arrays.stream(value(args, ++i, arg).split(","))
                            .mapToInt(text -> positive(arg, text.trim())).toArray();
                    case "--state-calls" -> options.stateCalls = positive(arg, value(args, ++i, arg));
                    case "--all-calls" -> options.allCalls = positive(arg, value(args, ++i, arg));
                    case "--idle" -> options.idleSeconds = positive(arg, value(args, ++i, arg));
                    case "--no-python" -> options.python = false;
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
