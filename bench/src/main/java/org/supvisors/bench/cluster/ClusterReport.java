package org.supvisors.bench.cluster;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.supvisors.bench.command.Summary;
import org.supvisors.bench.command.Verdict;
import org.supvisors.bench.workload.LaunchWatch;
import org.supvisors.bench.workload.Scenario;

/** The tables of the cluster benchmark: the measures against 0.19 and the targets, then the runs one by one. */
final class ClusterReport {

    /**
     * One line of the summary.
     *
     * @param value the value of a run, NaN when not reached
     * @param original 0.19's figure on the workload
     * @param onMax the verdict looks at the max (a count whose target is 0) rather than the median
     */
    private record Measure(String label, Predicate<RunResult> runs, Function<RunResult, Double> value,
                           String original, double target, String unit, boolean onMax) {
    }

    private static final List<Measure> MEASURES = Stream.concat(Stream.of(
            new Measure("launch of the 3 supervisord → DISTRIBUTION (or later) on all 3", run -> true,
                    run -> run.launchSeconds(LaunchWatch.Launch::lastDistribution), "26.4 s", 2, "s", false),
            new Measure("launch of the 3 supervisord → OPERATION on all 3", run -> true,
                    run -> run.launchSeconds(LaunchWatch.Launch::lastOperation), "36.5 s", 8, "s", false)),
            Stream.of(Scenario.values()).flatMap(ClusterReport::failureMeasures)).toList();

    /** Seen FAILED, one Master in OPERATION, failed queries: for each scenario, with 0.19's figures. */
    private static Stream<Measure> failureMeasures(Scenario scenario) {
        Predicate<RunResult> runs = run -> run.scenario() == scenario;
        boolean master = scenario == Scenario.MASTER;
        return Stream.of(
                new Measure("kill -9 of " + (master ? "the Master's" : "a non-Master's")
                        + " supervisord → seen FAILED by both survivors", runs,
                        run -> run.failureSeconds(FailureWatch.Failure::failed), "3.0 s", 1, "s", false),
                new Measure(master ? "… → new Master in OPERATION on both survivors"
                        : "… → both survivors in OPERATION with the same Master", runs,
                        run -> run.failureSeconds(FailureWatch.Failure::converged), master ? "23.1 s" : "-", 2, "s",
                        false),
                new Measure("… failed queries of a 50 ms poller (worst survivor)", runs,
                        run -> run.failure().map(failure -> (double) failure.failedQueries()).orElse(Double.NaN),
                        master ? "~190" : "-", 0, "queries", true));
    }

    private ClusterReport() {
    }

    static void summary(PrintStream out, List<RunResult> runs) {
        out.println("| measure | median | min | max | n | 0.19 | target | verdict |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (Measure measure : MEASURES) {
            List<RunResult> selected = runs.stream().filter(measure.runs()).toList();
            if (selected.isEmpty()) {
                continue;
            }
            List<Double> values = selected.stream().map(measure.value()).filter(value -> !value.isNaN()).toList();
            Summary summary = Summary.of(values);
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d | %s | %s | %s |%n", measure.label(),
                    cell(summary.median(), measure.unit()), cell(summary.min(), measure.unit()),
                    cell(summary.max(), measure.unit()), summary.n(), measure.original(),
                    measure.onMax() ? cell(measure.target(), measure.unit()) : "≤ " + cell(measure.target(),
                            measure.unit()), verdict(measure, summary, values, selected.size() - values.size()));
        }
    }

    /** Where the launch time goes: per phase, the time to the last of the three instances, over all runs. */
    static void phases(PrintStream out, List<RunResult> runs) {
        out.println("| launch phase (first log line, last of the 3 instances) | median | min | max | n |");
        out.println("| --- | ---: | ---: | ---: | ---: |");
        for (String label : LaunchPhases.LABELS) {
            Summary summary = Summary.of(runs.stream().map(run -> run.launchSeconds(launch -> launch.phases()
                    .getOrDefault(label, -1L))).filter(value -> !value.isNaN()).toList());
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d |%n", label, cell(summary.median(), "s"),
                    cell(summary.min(), "s"), cell(summary.max(), "s"), summary.n());
        }
    }

    private static String verdict(Measure measure, Summary summary, List<Double> values, int notReached) {
        if (!measure.onMax() || notReached > 0) {
            return Verdict.ofRuns(values, notReached, measure.target(), measure.unit());
        }
        long above = Summary.above(values, measure.target());
        return above == 0 ? "met" : String.format(Locale.ROOT, "missed: up to %s %s, above %s in %d of %d runs",
                cell(summary.max(), ""), measure.unit(), cell(measure.target(), ""), above, values.size());
    }

    /** One line per run; times in seconds from the launch or the kill. */
    static void runs(PrintStream out, List<RunResult> runs) {
        out.println("| run | victim | kill delay ms | Master before | DISTRIBUTION s (supv1, 2, 3) | OPERATION s"
                + " (supv1, 2, 3) | victim's agent gone s | seen FAILED s (by survivor) | one Master in OPERATION s |"
                + " Master after | failed / calls (by survivor) | slowest query ms |");
        out.println("| ---: | --- | ---: | --- | --- | --- | ---: | --- | ---: | --- | --- | ---: |");
        for (RunResult run : runs) {
            if (run.launch().isEmpty() || run.failure().isEmpty()) {
                out.printf(Locale.ROOT, "| %d | %s | %.0f | %s | %s | %s | failed: %s | | | | | |%n", run.index(),
                        run.scenario().label(), run.killDelayNanos() / 1e6, run.master().isEmpty() ? "-" : run.master(),
                        run.launch().map(launch -> times(launch.distribution().values())).orElse("-"),
                        run.launch().map(launch -> times(launch.operation().values())).orElse("-"),
                        run.error().lines().findFirst().orElse("").replace("|", "/"));
                continue;
            }
            LaunchWatch.Launch launch = run.launch().get();
            FailureWatch.Failure failure = run.failure().get();
            out.printf(Locale.ROOT, "| %d | %s %s | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %.1f |%n",
                    run.index(), run.scenario().label(), failure.victim(), run.killDelayNanos() / 1e6, run.master(),
                    times(launch.distribution().values()), times(launch.operation().values()),
                    format(RunResult.seconds(failure.agentExit()), "s"),
                    failure.survivors().stream().map(seen -> seen.nickname() + " " + format(
                            RunResult.seconds(seen.failedAt()), "s")).collect(Collectors.joining(", ")),
                    format(RunResult.seconds(failure.converged()), "s"),
                    failure.master().isEmpty() ? "none" : failure.master(),
                    failure.queries().stream().map(count -> count.nickname() + " " + count.failed() + " / "
                            + count.calls()).collect(Collectors.joining(", ")),
                    failure.queries().stream().mapToLong(QueryPoller.Count::slowestNanos).max().orElse(0) / 1e6);
        }
    }

    /** What each survivor saw, change by change, and the distinct failures of the pollers. */
    static void details(PrintStream err, RunResult run) {
        if (!run.error().isEmpty()) {
            err.println("  run " + run.index() + " failed: " + run.error());
        }
        run.failure().ifPresent(failure -> {
            for (SurvivorProbe.Seen seen : failure.survivors()) {
                err.println("  " + seen.nickname() + " saw: " + String.join("; ", seen.transitions()));
            }
            for (QueryPoller.Count count : failure.queries()) {
                if (!count.failures().isEmpty()) {
                    err.println("  " + count.nickname() + " poller: " + String.join("; ", count.failures()));
                }
            }
            if (!failure.outcome().isEmpty()) {
                err.println("  " + failure.outcome());
            }
        });
    }

    private static String times(Collection<Long> nanos) {
        return nanos.stream().map(value -> format(RunResult.seconds(value), "s")).collect(Collectors.joining(", "));
    }

    private static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return unit.equals("s") ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.0f",
                value);
    }

    /** A value with its unit when it has decimals: "0.52 s", "3". */
    private static String cell(double value, String unit) {
        String text = format(value, unit);
        return unit.equals("s") && !text.equals("-") ? text + " s" : text;
    }
}
