package org.supvisors.core.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.supvisors.core.strategy.RunningFailureStrategy;
import org.supvisors.core.strategy.StartingFailureStrategy;

/**
 * The rules of a process (the {@code <program>} element of the rules files, or the documented defaults).
 *
 * @param identifiers where the process may run: {@code *} or names (identifiers, nicknames, stereotypes), aliases
 *     expanded; with a sign, the reference list of the sign ({@code *} for all instances)
 * @param sign the {@code #} or {@code @} sign of a rule selected by pattern, or NONE
 * @param startSequence order in the application start sequence; 0 means not started automatically
 * @param stopSequence order in the application stop sequence
 * @param required a failure to start it is a failure of the application
 * @param waitExit the application start waits for it to exit (expectedly)
 * @param expectedLoading the declared load, in percent of a node
 * @param startingFailureStrategy what a start failure of this process does to its application start
 * @param runningFailureStrategy what a crash or loss of this process does
 */
public record ProcessRules(List<String> identifiers, IdentifierSign sign, int startSequence, int stopSequence,
                           boolean required,
                           boolean waitExit, int expectedLoading, StartingFailureStrategy startingFailureStrategy,
                           RunningFailureStrategy runningFailureStrategy) {

    public ProcessRules {
        identifiers = List.copyOf(identifiers);
        Objects.requireNonNull(sign, "sign");
        Objects.requireNonNull(startingFailureStrategy, "startingFailureStrategy");
        Objects.requireNonNull(runningFailureStrategy, "runningFailureStrategy");
    }

    /** The rules of a process that no rule matches: anywhere, no sequence, no load, the application's strategies. */
    public static ProcessRules defaults(StartingFailureStrategy starting, RunningFailureStrategy running) {
        return new ProcessRules(List.of("*"), IdentifierSign.NONE, 0, 0, false, false, 0, starting, running);
    }

    /**
     * The structure of {@code get_process_rules}, without the names.
     *
     * @param assigned the instance a {@code #}/{@code @} rule assigned, if resolved (an unresolved sign shows no
     *     identifier)
     */
    public Map<String, Object> toMap(java.util.Optional<String> assigned) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("identifiers", sign == IdentifierSign.NONE ? identifiers
                : assigned.map(List::of).orElse(List.of()));
        map.put("start_sequence", startSequence);
        map.put("stop_sequence", stopSequence);
        map.put("required", required);
        map.put("wait_exit", waitExit);
        map.put("expected_loading", expectedLoading);
        map.put("starting_failure_strategy", startingFailureStrategy.name());
        map.put("running_failure_strategy", runningFailureStrategy.name());
        return map;
    }
}
