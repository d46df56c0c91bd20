package org.supvisors.client.model;

import java.util.Map;

/**
 * A process as supervisord describes it ({@code supervisor.getProcessInfo}, {@code supervisor.getAllProcessInfo}).
 *
 * @param name the process name
 * @param group the group name
 * @param description the description ({@code pid 123, uptime 0:01:02}, {@code Not started}, an error...)
 * @param start the POSIX time of its last start (0 if never)
 * @param stop the POSIX time of its last stop (0 if never)
 * @param now the POSIX time of the answer
 * @param state its state ({@code state})
 * @param spawnerr the spawn error, {@code ""} if none
 * @param exitstatus its last exit status
 * @param stdoutLogfile its stdout log file, {@code ""} if none
 * @param stderrLogfile its stderr log file, {@code ""} if none
 * @param pid its pid (0 if not running)
 * @param raw the whole struct as received, unknown keys included ({@code statename}, {@code logfile}...)
 */
public record SupervisorProcessInfo(String name, String group, String description, long start, long stop, long now,
                                    ProcessState state, String spawnerr, int exitstatus, String stdoutLogfile,
                                    String stderrLogfile, int pid, Map<String, Object> raw) {

    /** Copies {@code raw} into a read-only map. */
    public SupervisorProcessInfo {
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as supervisord sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static SupervisorProcessInfo fromMap(Map<String, ?> map) {
        Struct s = Struct.of("SupervisorProcessInfo", map);
        return new SupervisorProcessInfo(s.string("name"), s.string("group"), s.string("description"),
                s.longInteger("start"), s.longInteger("stop"), s.longInteger("now"),
                s.code("state", ProcessState::fromCode), s.string("spawnerr"), s.integer("exitstatus"),
                s.string("stdout_logfile"), s.string("stderr_logfile"), s.integer("pid"), s.raw());
    }

    /** {@code group:name}, or {@code name} when both names are equal. */
    public String namespec() {
        return Namespecs.of(group, name);
    }
}
