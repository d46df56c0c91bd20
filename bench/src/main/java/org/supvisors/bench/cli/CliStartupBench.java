package org.supvisors.bench.cli;

import static org.supvisors.bench.command.Arguments.positive;
import static org.supvisors.bench.command.Arguments.value;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.supvisors.bench.command.Arguments;
import org.supvisors.bench.command.BenchException;
import org.supvisors.bench.command.BenchMain;
import org.supvisors.bench.command.Machine;
import org.supvisors.bench.command.Summary;
import org.supvisors.bench.command.Verdict;
import org.supvisors.bench.xmlrpc.WorkloadPlatform;

/**
 * The start-up benchmark of {@code supvisorsctl}: one instance of the reference workload (supervisord and the agent
 * of the distribution), then one-shot commands run as a user runs them, each timed from the start of its process to
 * its exit: {@code bin/supvisorsctl sstatus} as shipped (class archive), the same without the archive, the smallest
 * call ({@code sversion}), and Supervisor's own {@code supervisorctl status} on the same supervisord for reference.
 * The variants take turns, run after run, so that a change of load touches them alike. Prints a Markdown table on
 * standard output, progress on standard error. Run it with {@code bench/cli-startup.sh}.
 */
public final class CliStartupBench implements BenchMain.Command {

    static final double TARGET_SECONDS = 0.3;

    private static final String USAGE = String.join("\n",
            "usage: cli-startup.sh [--no-build] [options]   (--no-build, first: skip mvn -q -DskipTests package)",
            "  --distribution DIR  the distribution (default: dist/target/supvisors)",
            "  --workload DIR      the reference workload, with programs.ini (default: ../shared/workload)",
            "  --processes N       processes of the workload (default: 61)",
            "  --runs N            timed runs of each command, after one warm-up run (default: 20)",
            "  --keep              keep the temporary directory (logs) instead of removing it");

    private final Options options;
    private final PrintStream out;
    private volatile WorkloadPlatform current;

    private CliStartupBench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        BenchMain.main(args, USAGE, Options::parse, options -> new CliStartupBench(options, System.out));
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
        String machine = Machine.describe(false);
        Path launcher = options.distribution.resolve("bin/supvisorsctl").toAbsolutePath();
        Path archive = options.distribution.resolve("lib/supvisorsctl.jsa");
        if (!Files.isReadable(archive)) {
            BenchMain.progress(archive + " missing (built without it?): the first two rows will be alike");
        }
        BenchMain.progress("starting the workload with " + options.processes + " processes");
        try (WorkloadPlatform platform = new WorkloadPlatform(options.distribution, options.workload,
                options.processes, options.keep)) {
            current = platform;
            platform.start();
            String agent = "http://127.0.0.1:" + platform.agentPort();
            List<Variant> variants = new ArrayList<>(List.of(
                    new Variant("`supvisorsctl sstatus` (as shipped: class archive)", Map.of(),
                            List.of(launcher.toString(), "-s", agent, "sstatus"), options.processes + 1),
                    new Variant("`supvisorsctl sstatus`, `SUPVISORSCTL_CDS=off`", Map.of("SUPVISORSCTL_CDS", "off"),
                            List.of(launcher.toString(), "-s", agent, "sstatus"), options.processes + 1),
                    new Variant("`supvisorsctl sversion` (one call)", Map.of(),
                            List.of(launcher.toString(), "-s", agent, "sversion"), 1)));
            if (!Machine.command("sh", "-c", "command -v supervisorctl").equals("unavailable")) {
                variants.add(new Variant("`supervisorctl status` (Supervisor " + Machine.command("supervisord",
                        "--version") + ", Python, on supervisord itself)", Map.of(), List.of("supervisorctl", "-s",
                        "http://127.0.0.1:" + platform.httpPort(), "status"), options.processes + 1));
            }
            for (Variant variant : variants) {
                BenchMain.progress("warm-up: " + String.join(" ", variant.command));
                variant.time();
            }
            BenchMain.progress(options.runs + " runs of each command, in turns; load average "
                    + Machine.loadAverage());
            for (int run = 0; run < options.runs; run++) {
                for (Variant variant : variants) {
                    variant.seconds.add(variant.time());
                }
            }
            String loadAfter = Machine.loadAverage();
            print(machine, archive, variants, loadAfter);
        } finally {
            current = null;
        }
    }

    private void print(String machine, Path archive, List<Variant> variants, String loadAfter) throws IOException {
        out.println(machine);
        out.println("* class archive: " + (Files.isReadable(archive)
                ? String.format(Locale.ROOT, "%.1f MiB", Files.size(archive) / 1024.0 / 1024.0) : "none"));
        out.println("* workload: " + options.processes + " processes; " + options.runs
                + " timed runs per command after one warm-up; load average at the end " + loadAfter);
        out.println();
        out.println("| command (one shot, process start to exit) | median | min | max | target ≤ 0.3 s |");
        out.println("| --- | --- | --- | --- | --- |");
        for (Variant variant : variants) {
            Summary summary = Summary.of(variant.seconds);
            String verdict = variant == variants.get(0)
                    ? Verdict.ofRuns(variant.seconds, 0, TARGET_SECONDS, "s") : "";
            out.printf(Locale.ROOT, "| %s | %.3f s | %.3f s | %.3f s | %s |%n", variant.label, summary.median(),
                    summary.min(), summary.max(), verdict);
        }
    }

    /** A command timed from its process start to its exit; its output is checked once. */
    private static final class Variant {
        private final String label;
        private final Map<String, String> environment;
        private final List<String> command;
        private final int minimumLines;
        private final List<Double> seconds = new ArrayList<>();

        Variant(String label, Map<String, String> environment, List<String> command, int minimumLines) {
            this.label = label;
            this.environment = environment;
            this.command = command;
            this.minimumLines = minimumLines;
        }

        double time() throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            long start = System.nanoTime();
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BenchException(String.join(" ", command) + ": no exit within 60 s");
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            String text = new String(output, StandardCharsets.UTF_8);
            long lines = text.lines().count();
            // supervisorctl status exits 3 when some process is not running
            if (process.exitValue() != 0 && process.exitValue() != 3 || lines < minimumLines) {
                throw new BenchException(String.join(" ", command) + ": exit status " + process.exitValue() + ", "
                        + lines + " lines (expected: at least " + minimumLines + "): " + text.strip());
            }
            return elapsed;
        }
    }

    /** The command line. */
    record Options(Path distribution, Path workload, int processes, int runs, boolean keep) {

        static Options parse(String[] args) {
            Path distribution = Path.of("dist/target/supvisors");
            Path workload = Path.of("../shared/workload");
            int processes = 61;
            int runs = 20;
            boolean keep = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--distribution" -> distribution = Path.of(value(args, ++i, arg));
                    case "--workload" -> workload = Path.of(value(args, ++i, arg));
                    case "--processes" -> processes = positive(arg, value(args, ++i, arg));
                    case "--runs" -> runs = positive(arg, value(args, ++i, arg));
                    case "--keep" -> keep = true;
                    default -> throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            return new Options(distribution.toAbsolutePath().normalize(), workload.toAbsolutePath().normalize(),
                    processes, runs, keep);
        }
    }
}
