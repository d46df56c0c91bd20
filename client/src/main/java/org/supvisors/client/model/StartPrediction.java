package org.supvisors.client.model;

import java.util.List;
import java.util.Map;

/**
 * One process of a simulated start ({@code test_start_application}, {@code test_start_process}).
 *
 * @param applicationName the group name
 * @param processName the process name
 * @param state the predicted state ({@code RUNNING}, {@code EXITED}, {@code FATAL}...)
 * @param forcedReason why the state is forced ({@code No resource available}), {@code ""} otherwise
 * @param runningIdentifiers where it would run
 * @param raw the whole struct as received, unknown keys included
 */
public record StartPrediction(String applicationName, String processName, ProcessState state, String forcedReason,
                              List<String> runningIdentifiers, Map<String, Object> raw) {

    /** Copies the collections into read-only ones. */
    public StartPrediction {
        runningIdentifiers = List.copyOf(runningIdentifiers);
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as the agent sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static StartPrediction fromMap(Map<String, ?> map) {
        Struct s = Struct.of("StartPrediction", map);
        return new StartPrediction(s.string("application_name"), s.string("process_name"),
                s.name("state", ProcessState::fromName), s.string("forced_reason"), s.strings("running_identifiers"),
                s.raw());
    }

    /** {@code group:process}, or {@code process} when both names are equal. */
    public String namespec() {
        return Namespecs.of(applicationName, processName);
    }
}
