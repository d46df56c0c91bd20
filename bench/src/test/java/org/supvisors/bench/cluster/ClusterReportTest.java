package org.supvisors.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.supvisors.bench.workload.LaunchWatch;
import org.supvisors.bench.workload.Scenario;

class ClusterReportTest {

    private static RunResult run(int index, Scenario scenario, double operation, double failed, double converged,
                                 int failedQueries) {
        LaunchWatch.Launch launch = new LaunchWatch.Launch(Map.of("supv1", nanos(operation - 0.01)),
                Map.of("supv1", nanos(operation)), Map.of());
        FailureWatch.Failure failure = new FailureWatch.Failure("supv2", nanos(1), nanos(failed), nanos(converged),
                "supv1", List.of(), List.of(new QueryPoller.Count("supv1", 100, failedQueries, 0, 1_000_000,
                List.of())), "");
        return new RunResult(index, scenario, 0, "supv1", Optional.of(launch), Optional.of(failure), "");
    }

    private static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    private static List<String> summary(List<RunResult> runs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ClusterReport.summary(new PrintStream(bytes, true, StandardCharsets.UTF_8), runs);
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void verdictsAreOnTheMedianForTimesAndOnEveryRunForFailedQueries() {
        List<RunResult> runs = new ArrayList<>();
        runs.add(run(1, Scenario.MASTER, 3.0, 0.05, 0.10, 0));
        runs.add(run(2, Scenario.MASTER, 4.0, 0.07, 2.50, 0));
        runs.add(run(3, Scenario.MASTER, 5.0, 0.06, 0.20, 3));

        List<String> lines = summary(runs);

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(
                "| launch of the 3 supervisord → DISTRIBUTION (or later) on all 3 | 3.99 s | 2.99 s | 4.99 s | 3 |"
                        + " 26.4 s | ≤ 2.00 s | missed by 1.99 s (+100 %) (median); above the target in 3 of 3"
                        + " runs |"));
        assertThat(lines).anySatisfy(line -> assertThat(line).isEqualTo(
                "| … → new Master in OPERATION on both survivors | 0.20 s | 0.10 s | 2.50 s | 3 | 23.1 s | ≤ 2.00 s |"
                        + " met (median); above the target in 1 of 3 runs |"));
        assertThat(lines).anySatisfy(line -> assertThat(line).isEqualTo(
                "| … failed queries of a 50 ms poller (worst survivor) | 0 | 0 | 3 | 3 | ~190 | 0 |"
                        + " missed: up to 3 queries, above 0 in 1 of 3 runs |"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("non-Master"));
    }

    @Test
    void aFailedRunCountsAsNotReached() {
        RunResult failed = new RunResult(2, Scenario.NON_MASTER, 0, "", Optional.empty(), Optional.empty(),
                "supv2: OPERATION not reached within 60 s of the launch");

        List<String> lines = summary(List.of(run(1, Scenario.NON_MASTER, 3.0, 0.05, 0.06, 0), failed));

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(
                "| launch of the 3 supervisord → OPERATION on all 3 | 3.00 s | 3.00 s | 3.00 s | 1 | 36.5 s | ≤ 8.00 s"
                        + " | missed: not reached in 1 of 2 runs |"));
    }
}
