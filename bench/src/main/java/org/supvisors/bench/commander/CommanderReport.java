package org.supvisors.bench.commander;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import org.supvisors.bench.command.Summary;
import org.supvisors.bench.command.Verdict;
import org.supvisors.bench.workload.Scenario;

/** The tables of the commander benchmark: the measures against 0.19 and the targets, then the cycles and the runs. */
final class CommanderReport {

    /** Most of the time of the stop of 0.19 (1.13 s) came after its work was done (0.16 s). */
    private static final String STOP_WAIT_019 = "0.97 s";

    private CommanderReport() {
    }

    /**
     * One line of the summary.
     *
     * @param values the values of the runs that reached the measure, in seconds
     * @param notReached how many runs did not
     * @param original 0.19's figure on the workload
     * @param target the target in seconds, NaN for none
     */
    private record Line(String label, List<Double> values, int notReached, String original, double target) {
    }

    static void summary(PrintStream out, List<CommanderBench.BulkVariant> variants,
                        List<CommanderBench.GuardianRun> runs) {
        List<Line> lines = new ArrayList<>();
        for (CommanderBench.BulkVariant variant : variants) {
            boolean slow = variant.startsecs() > 0;
            lines.add(callLine("`start_application('LESS_LOADED', 'bulk', True)`, 50 processes, startsecs="
                    + variant.startsecs(), variant, BulkCycle.Result::start, slow ? "2.40 s" : "1.40 s",
                    slow ? 1.3 : 0.4));
            if (!variant.directStarts().isEmpty()) {
                List<Double> direct = variant.directStarts().stream().map(nanos -> nanos / 1e9).toList();
                lines.add(new Line("… the same starts by supervisord alone (same placement, one plain client per"
                        + " instance, after each cycle)", direct, 0, "-", Double.NaN));
            }
            lines.add(callLine("`stop_application('bulk', True)` (startsecs=" + variant.startsecs() + ")", variant,
                    BulkCycle.Result::stop, "1.13 s", 0.3));
        }
        if (!variants.isEmpty()) {
            List<BulkCycle.Call> calls = variants.stream().flatMap(variant -> variant.cycles().stream())
                    .flatMap(cycle -> List.of(cycle.start(), cycle.stop()).stream()).toList();
            List<Double> gaps = calls.stream().filter(BulkCycle.Call::succeeded)
                    .map(BulkCycle.Call::lastEventToAnswer).filter(value -> !value.isNaN()).toList();
            lines.add(new Line("… last event of the processes → answer of the call (every start and stop above)",
                    gaps, calls.size() - gaps.size(), "≤ 1 s (stop: " + STOP_WAIT_019 + ")", 0.1));
        }
        for (Scenario scenario : Scenario.values()) {
            List<CommanderBench.GuardianRun> selected = runs.stream().filter(run -> run.scenario() == scenario)
                    .toList();
            if (selected.isEmpty()) {
                continue;
            }
            String victim = scenario == Scenario.MASTER ? "the Master" : "a non-Master";
            lines.add(failureLine("kill -9 of " + victim + " running `sentinel:guardian` (supervisord and agent) →"
                    + " seen lost by both survivors", selected, GuardianFailure.Result::lost, "3.0 s", Double.NaN));
            lines.add(failureLine("… → guardian seen STARTING or RUNNING elsewhere (first survivor)", selected,
                    GuardianFailure.Result::starting, "-", Double.NaN));
            lines.add(failureLine("… → guardian RUNNING elsewhere, seen by both survivors", selected,
                    GuardianFailure.Result::running, scenario == Scenario.MASTER ? "19.1 s" : "9.0 s", 2.5));
        }
        out.println("| measure | median | min | max | n | 0.19 | target | verdict |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (Line line : lines) {
            Summary summary = Summary.of(line.values());
            boolean target = !Double.isNaN(line.target());
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d | %s | %s | %s |%n", line.label(),
                    seconds(summary.median()), seconds(summary.min()), seconds(summary.max()), summary.n(),
                    line.original(), target ? "≤ " + seconds(line.target()) : "-",
                    target ? Verdict.ofRuns(line.values(), line.notReached(), line.target(), "s")
                            : line.notReached() > 0 ? "not reached in " + line.notReached() + " runs" : "");
        }
        if (!variants.isEmpty()) {
            out.println();
            spreads(out, variants);
        }
    }

    private static Line callLine(String label, CommanderBench.BulkVariant variant,
                                 Function<BulkCycle.Result, BulkCycle.Call> call, String original, double target) {
        List<BulkCycle.Call> calls = variant.cycles().stream().map(call).toList();
        List<Double> values = calls.stream().filter(BulkCycle.Call::succeeded).map(c -> c.nanos() / 1e9).toList();
        return new Line(label, values, calls.isEmpty() ? 1 : calls.size() - values.size(), original, target);
    }

    private static Line failureLine(String label, List<CommanderBench.GuardianRun> runs,
                                    ToLongFunction<GuardianFailure.Result> time, String original, double target) {
        List<Double> values = runs.stream().flatMap(run -> run.failure().stream()).mapToLong(time)
                .filter(nanos -> nanos >= 0).mapToObj(nanos -> nanos / 1e9).toList();
        return new Line(label, values, runs.size() - values.size(), original, target);
    }

    /** The spreads chosen by LESS_LOADED, how many cycles chose each. */
    private static void spreads(PrintStream out, List<CommanderBench.BulkVariant> variants) {
        out.println("| bulk workers per instance chosen by LESS_LOADED (supv1/supv2/supv3) | cycles | 0.19 |");
        out.println("| --- | ---: | --- |");
        for (CommanderBench.BulkVariant variant : variants) {
            Map<String, Long> counts = variant.cycles().stream().collect(Collectors.groupingBy(
                    cycle -> spread(cycle.spread()), LinkedHashMap::new, Collectors.counting()));
            counts.forEach((spread, count) -> out.printf(Locale.ROOT, "| startsecs=%d: %s | %d | 20/10/20 |%n",
                    variant.startsecs(), spread, count));
        }
    }

    static void bulkCycles(PrintStream out, List<CommanderBench.BulkVariant> variants) {
        out.println("| startsecs | launch → OPERATION s | Master | caller | cycle | start s | answer | RUNNING after"
                + " | last event → answer ms | CPU s: supervisord, agents, machine | by supervisord alone s | spread"
                + " | stop s | answer"
                + " | STOPPED after | last event → answer ms | CPU s: supervisord, agents, machine |");
        out.println("| ---: | ---: | --- | --- | ---: | ---: | --- | ---: | ---: | --- | ---: | --- | ---: | --- |"
                + " ---: | ---: | --- |");
        for (CommanderBench.BulkVariant variant : variants) {
            String head = String.format(Locale.ROOT, "| %d | %s | %s | %s ", variant.startsecs(),
                    plain(nanos(variant.launchNanos())),
                    variant.master().isEmpty() ? "-" : variant.master(),
                    variant.caller().isEmpty() ? "-" : variant.caller());
            for (int i = 0; i < variant.cycles().size(); i++) {
                BulkCycle.Result cycle = variant.cycles().get(i);
                String direct = i < variant.directStarts().size()
                        ? String.format(Locale.ROOT, "%.3f", variant.directStarts().get(i) / 1e9) : "-";
                out.printf(Locale.ROOT, "%s| %d | %s | %s | %s | %s |%n", head, cycle.index(), call(cycle.start()),
                        direct, spread(cycle.spread()), call(cycle.stop()));
            }
            if (!variant.error().isEmpty()) {
                out.printf(Locale.ROOT, "%s| failed: %s | | | | | | | | | | | | |%n", head,
                        variant.error().lines().findFirst().orElse("").replace("|", "/"));
            }
        }
    }

    private static String call(BulkCycle.Call call) {
        return String.format(Locale.ROOT, "%.3f | %s | %d/%d | %s | %.2f, %.2f, %.2f", call.nanos() / 1e9,
                call.answer().replace("|", "/"), call.reached(), call.total(),
                Double.isNaN(call.lastEventToAnswer()) ? "-"
                        : String.format(Locale.ROOT, "%.0f", call.lastEventToAnswer() * 1e3),
                call.cpu().supervisords(), call.cpu().agents(), call.cpu().machine());
    }

    private static String spread(Map<String, Integer> spread) {
        return spread.values().stream().map(String::valueOf).collect(Collectors.joining("/"));
    }

    static void guardianRuns(PrintStream out, List<CommanderBench.GuardianRun> runs) {
        out.println("| run | victim | kill delay ms | launch → OPERATION s | Master before | guardian moved from |"
                + " seen lost s (by survivor) | guardian STARTING elsewhere s | guardian RUNNING s (by survivor) |"
                + " guardian now on | Master after |");
        out.println("| ---: | --- | ---: | ---: | --- | --- | --- | ---: | --- | --- | --- |");
        for (CommanderBench.GuardianRun run : runs) {
            String launch = plain(nanos(run.launchNanos()));
            if (run.failure().isEmpty()) {
                out.printf(Locale.ROOT, "| %d | %s | %.0f | %s | failed: %s | | | | | | |%n", run.index(),
                        run.scenario().label(), run.delayNanos() / 1e6, launch,
                        run.error().lines().findFirst().orElse("").replace("|", "/"));
                continue;
            }
            GuardianFailure.Result failure = run.failure().get();
            out.printf(Locale.ROOT, "| %d | %s %s | %.0f | %s | %s | %s | %s | %s | %s | %s | %s |%n", run.index(),
                    run.scenario().label(), failure.victim(), run.delayNanos() / 1e6, launch, failure.master(),
                    failure.moved().isEmpty() ? "-" : failure.moved(),
                    bySurvivor(failure, GuardianProbe.Seen::lostAt), plain(nanos(failure.starting())),
                    bySurvivor(failure, GuardianProbe.Seen::runningAt),
                    failure.survivors().stream().map(GuardianProbe.Seen::runningOn).filter(on -> !on.isEmpty())
                            .distinct().collect(Collectors.joining(", ")),
                    failure.masterAfter());
        }
    }

    /** One line of progress for a cycle. */
    static String describe(BulkCycle.Result cycle) {
        return String.format(Locale.ROOT, "cycle %d: start %.3f s (%s, %d/%d RUNNING), spread %s; stop %.3f s (%s,"
                        + " %d/%d STOPPED)", cycle.index(), cycle.start().nanos() / 1e9, cycle.start().answer(),
                cycle.start().reached(), cycle.start().total(), spread(cycle.spread()), cycle.stop().nanos() / 1e9,
                cycle.stop().answer(), cycle.stop().reached(), cycle.stop().total());
    }

    /** One line of progress for a loss of the guardian's instance. */
    static String describe(GuardianFailure.Result failure) {
        return String.format(Locale.ROOT, "%s killed (guardian %s), guardian RUNNING on %s after %.2f s%s",
                failure.victim(), failure.moved().isEmpty() ? "in place" : "moved from " + failure.moved(),
                failure.survivors().get(0).runningOn(), failure.running() / 1e9,
                failure.outcome().isEmpty() ? "" : "; " + failure.outcome());
    }

    /** What each survivor saw, change by change. */
    static void details(PrintStream err, CommanderBench.GuardianRun run) {
        if (!run.error().isEmpty()) {
            err.println("  run " + run.index() + " failed: " + run.error());
        }
        run.failure().ifPresent(failure -> {
            for (GuardianProbe.Seen seen : failure.survivors()) {
                err.println("  " + seen.nickname() + " saw: " + String.join("; ", seen.transitions()));
            }
            if (!failure.outcome().isEmpty()) {
                err.println("  " + failure.outcome());
            }
        });
    }

    private static String bySurvivor(GuardianFailure.Result failure, ToLongFunction<GuardianProbe.Seen> time) {
        return failure.survivors().stream().map(seen -> seen.nickname() + " "
                + plain(nanos(time.applyAsLong(seen)))).collect(Collectors.joining(", "));
    }

    private static double nanos(long nanos) {
        return nanos < 0 ? Double.NaN : nanos / 1e9;
    }

    private static String plain(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String seconds(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f s", value);
    }
}
