package org.supvisors.client.model;

import java.util.Map;

/**
 * A process as the supervisord of the instance called knows it ({@code get_all_local_process_info},
 * {@code get_local_process_info}), with what Supvisors adds.
 *
 * @param group the Supervisor group name
 * @param name the Supervisor process name
 * @param state the Supervisor state ({@code state})
 * @param start the POSIX time of its last start (0 if never)
 * @param stop the POSIX time of its last stop (0 if never)
 * @param now the POSIX time of the answer
 * @param pid its pid (0 if not running)
 * @param description Supervisor's description ({@code pid 123, uptime 0:01:02}, {@code Not started}...)
 * @param spawnerr Supervisor's spawn error, {@code ""} if none
 * @param expected whether its last exit was expected
 * @param startMonotonic the monotonic time of its last start (0.0 if never)
 * @param stopMonotonic the monotonic time of its last stop (0.0 if never)
 * @param nowMonotonic the monotonic time of the answer
 * @param extraArgs its current extra arguments
 * @param startsecs its program's {@code startsecs}
 * @param stopwaitsecs its program's {@code stopwaitsecs}
 * @param processIndex its 0-based index among the processes of its program
 * @param programName its program section name
 * @param disabled whether its program is disabled on this instance
 * @param hasStdout whether a stdout log file is configured
 * @param hasStderr whether a stderr log file is configured
 * @param raw the whole struct as received, unknown keys included
 */
public record LocalProcessInfo(String group, String name, ProcessState state, long start, long stop, long now, int pid,
                               String description, String spawnerr, boolean expected, double startMonotonic,
                               double stopMonotonic, double nowMonotonic, String extraArgs, int startsecs,
                               int stopwaitsecs, int processIndex, String programName, boolean disabled,
                               boolean hasStdout, boolean hasStderr, Map<String, Object> raw) {

    /** Copies {@code raw} into a read-only map. */
    public LocalProcessInfo {
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as the agent sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static LocalProcessInfo fromMap(Map<String, ?> map) {
        return of(Struct.of("LocalProcessInfo", map));
    }

    static LocalProcessInfo of(Struct s) {
        return new LocalProcessInfo(s.string("group"), s.string("name"), s.code("state", ProcessState::fromCode),
                s.longInteger("start"), s.longInteger("stop"), s.longInteger("now"), s.integer("pid"),
                s.string("description"), s.string("spawnerr"), s.bool("expected"), s.number("start_monotonic"),
                s.number("stop_monotonic"), s.number("now_monotonic"), s.string("extra_args"), s.integer("startsecs"),
                s.integer("stopwaitsecs"), s.integer("process_index"), s.string("program_name"), s.bool("disabled"),
                s.bool("has_stdout"), s.bool("has_stderr"), s.raw());
    }

    /** {@code group:name}, or {@code name} when both names are equal. */
    public String namespec() {
        return Namespecs.of(group, name);
    }
}
