package org.supvisors.client.model;

import java.util.List;
import java.util.Map;

/**
 * The synthetic status of a process over all instances ({@code get_all_process_info}, {@code get_process_info},
 * {@code get_conflicts}).
 *
 * @param applicationName the group name
 * @param processName the process name
 * @param nowMonotonic the monotonic time of the answer (seconds)
 * @param state the displayed state ({@code statecode}; a forced state, if any, wins)
 * @param expectedExit whether the exit was expected (meaningful when EXITED)
 * @param lastEventMtime the monotonic time of the last information received for this process (seconds)
 * @param identifiers the instances where it runs (more than one: a conflict)
 * @param extraArgs the extra arguments last used
 * @param raw the whole struct as received, unknown keys included
 */
public record ProcessInfo(String applicationName, String processName, double nowMonotonic, ProcessState state,
                          boolean expectedExit, double lastEventMtime, List<String> identifiers, String extraArgs,
                          Map<String, Object> raw) {

    /** Copies the collections into read-only ones. */
    public ProcessInfo {
        identifiers = List.copyOf(identifiers);
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as the agent sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static ProcessInfo fromMap(Map<String, ?> map) {
        Struct s = Struct.of("ProcessInfo", map);
        return new ProcessInfo(s.string("application_name"), s.string("process_name"), s.number("now_monotonic"),
                s.code("statecode", ProcessState::fromCode), s.bool("expected_exit"), s.number("last_event_mtime"),
                s.strings("identifiers"), s.string("extra_args"), s.raw());
    }

    /** {@code group:process}, or {@code process} when both names are equal. */
    public String namespec() {
        return Namespecs.of(applicationName, processName);
    }
}
