package org.supvisors.bench.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.supvisors.bench.workload.LaunchWatch;
import org.supvisors.bench.workload.Scenario;

/**
 * One run: a fresh cluster launched, then one instance killed.
 *
 * @param killDelayNanos the wait between the survivors' watchers being ready and the kill
 * @param master the Master before the kill (nickname), empty when the launch failed
 * @param launch empty when the launch failed
 * @param failure empty when the launch failed or the watch of the failure stopped on an error
 * @param error what stopped the run, empty when nothing did
 */
record RunResult(int index, Scenario scenario, long killDelayNanos, String master,
                 Optional<LaunchWatch.Launch> launch, Optional<FailureWatch.Failure> failure, String error) {

    /** The same, with the launch phases read in the logs. */
    RunResult withPhases(Map<String, Long> phases) {
        return new RunResult(index, scenario, killDelayNanos, master, launch.map(l -> l.withPhases(phases)),
                failure, error);
    }

    static double seconds(long nanos) {
        return nanos < 0 ? Double.NaN : nanos / 1e9;
    }

    /** A time of the launch in seconds, NaN when not reached. */
    double launchSeconds(Function<LaunchWatch.Launch, Long> time) {
        return launch.map(time).map(RunResult::seconds).orElse(Double.NaN);
    }

    /** A time of the failure in seconds, NaN when not reached. */
    double failureSeconds(Function<FailureWatch.Failure, Long> time) {
        return failure.map(time).map(RunResult::seconds).orElse(Double.NaN);
    }
}
