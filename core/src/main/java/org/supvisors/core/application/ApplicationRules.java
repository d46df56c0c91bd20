package org.supvisors.core.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.supvisors.core.strategy.DistributionRule;
import org.supvisors.core.strategy.RunningFailureStrategy;
import org.supvisors.core.strategy.StartingFailureStrategy;
import org.supvisors.core.strategy.StartingStrategy;

/**
 * The rules of an application (the {@code <application>} element of the rules files, or the defaults).
 *
 * @param managed an {@code <application>} element matches it
 * @param distribution how its processes may be spread
 * @param identifiers where it may run, as written after alias expansion ({@code *} or names); with the
 *     {@code #} sign, the reference list of the sign
 * @param hashSign {@code #} in its identifiers: one copy of the application per instance, by the index ending its
 *     name
 * @param startSequence its order in the automatic start; 0 means not started automatically
 * @param stopSequence its order when all applications are stopped
 * @param startingStrategy its default starting strategy
 * @param startingFailureStrategy the default of its processes
 * @param runningFailureStrategy the default of its processes
 * @param statusFormula the operational status formula, empty if none
 */
public record ApplicationRules(boolean managed, DistributionRule distribution, List<String> identifiers,
                               boolean hashSign, int startSequence, int stopSequence, StartingStrategy startingStrategy,
                               StartingFailureStrategy startingFailureStrategy,
                               RunningFailureStrategy runningFailureStrategy, String statusFormula) {

    public ApplicationRules {
        Objects.requireNonNull(distribution, "distribution");
        identifiers = List.copyOf(identifiers);
        Objects.requireNonNull(startingStrategy, "startingStrategy");
        Objects.requireNonNull(startingFailureStrategy, "startingFailureStrategy");
        Objects.requireNonNull(runningFailureStrategy, "runningFailureStrategy");
        Objects.requireNonNull(statusFormula, "statusFormula");
    }

    /** The rules of an application that no rule matches (rules.md, "Defaults summary"). */
    public static ApplicationRules unmanaged(StartingStrategy defaultStartingStrategy) {
        return new ApplicationRules(false, DistributionRule.ALL_INSTANCES, List.of("*"), false, 0, 0,
                defaultStartingStrategy, StartingFailureStrategy.ABORT, RunningFailureStrategy.CONTINUE, "");
    }

    /** The structure of {@code get_application_rules}: only the names and {@code managed} when unmanaged. */
    public Map<String, Object> toMap(String applicationName) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("application_name", applicationName);
        map.put("managed", managed);
        if (managed) {
            map.put("distribution", distribution.name());
            map.put("identifiers", identifiers);
            map.put("start_sequence", startSequence);
            map.put("stop_sequence", stopSequence);
            map.put("starting_strategy", startingStrategy.name());
            map.put("starting_failure_strategy", startingFailureStrategy.name());
            map.put("running_failure_strategy", runningFailureStrategy.name());
            map.put("status_formula", statusFormula);
        }
        return map;
    }
}
