package org.supvisors.client.model;

import java.util.List;
import java.util.Map;

/**
 * The rules of a process ({@code get_process_rules}).
 *
 * @param applicationName the group name
 * @param processName the process name
 * @param identifiers the names written in the rules ({@code *} for all); empty while a {@code #}/{@code @} rule is
 *                    unresolved
 * @param startSequence its rank in its application's start sequence
 * @param stopSequence its rank in its application's stop sequence
 * @param required whether its failure is a major failure of the application
 * @param waitExit whether the start sequence waits for it to exit
 * @param expectedLoading its declared load (%)
 * @param startingFailureStrategy what happens when it fails to start
 * @param runningFailureStrategy what happens when it crashes
 * @param raw the whole struct as received, unknown keys included
 */
public record ProcessRules(String applicationName, String processName, List<String> identifiers, int startSequence,
                           int stopSequence, boolean required, boolean waitExit, int expectedLoading,
                           StartingFailureStrategy startingFailureStrategy,
                           RunningFailureStrategy runningFailureStrategy, Map<String, Object> raw) {

    /** Copies the collections into read-only ones. */
    public ProcessRules {
        identifiers = List.copyOf(identifiers);
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as the agent sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static ProcessRules fromMap(Map<String, ?> map) {
        Struct s = Struct.of("ProcessRules", map);
        return new ProcessRules(s.string("application_name"), s.string("process_name"), s.strings("identifiers"),
                s.integer("start_sequence"), s.integer("stop_sequence"), s.bool("required"), s.bool("wait_exit"),
                s.integer("expected_loading"), s.name("starting_failure_strategy", StartingFailureStrategy::fromName),
                s.name("running_failure_strategy", RunningFailureStrategy::fromName), s.raw());
    }

    /** {@code group:process}, or {@code process} when both names are equal. */
    public String namespec() {
        return Namespecs.of(applicationName, processName);
    }
}
