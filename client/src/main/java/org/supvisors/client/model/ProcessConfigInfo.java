package org.supvisors.client.model;

import java.util.List;
import java.util.Map;

/**
 * The configuration of a process ({@code supervisor.getAllConfigInfo}); the keys not listed here (log sizes,
 * {@code uid}, {@code directory}, {@code serverurl}...) are in {@link #raw()}.
 *
 * @param name the process name
 * @param group the group name
 * @param inuse whether its group is active in supervisord
 * @param command its command line
 * @param autostart its {@code autostart}
 * @param startsecs its {@code startsecs}
 * @param startretries its {@code startretries}
 * @param stopwaitsecs its {@code stopwaitsecs}
 * @param stopsignal its {@code stopsignal}, as a number
 * @param exitcodes its {@code exitcodes}
 * @param groupPriority its group's {@code priority}
 * @param processPriority its {@code priority}
 * @param stdoutLogfile its {@code stdout_logfile} ({@code none}, {@code auto} or a path)
 * @param stderrLogfile its {@code stderr_logfile} ({@code none}, {@code auto} or a path)
 * @param raw the whole struct as received
 */
public record ProcessConfigInfo(String name, String group, boolean inuse, String command, boolean autostart,
                                int startsecs, int startretries, int stopwaitsecs, int stopsignal,
                                List<Integer> exitcodes, int groupPriority, int processPriority, String stdoutLogfile,
                                String stderrLogfile, Map<String, Object> raw) {

    /** Copies the collections into read-only ones. */
    public ProcessConfigInfo {
        exitcodes = List.copyOf(exitcodes);
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as supervisord sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static ProcessConfigInfo fromMap(Map<String, ?> map) {
        Struct s = Struct.of("ProcessConfigInfo", map);
        return new ProcessConfigInfo(s.string("name"), s.string("group"), s.bool("inuse"), s.string("command"),
                s.bool("autostart"), s.integer("startsecs"), s.integer("startretries"), s.integer("stopwaitsecs"),
                s.integer("stopsignal"), s.integers("exitcodes"), s.integer("group_prio"), s.integer("process_prio"),
                s.string("stdout_logfile"), s.string("stderr_logfile"), s.raw());
    }

    /** {@code group:name}, or {@code name} when both names are equal. */
    public String namespec() {
        return Namespecs.of(group, name);
    }
}
