package org.supvisors.transport.supervisord;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One process configuration as {@code supervisor.getAllConfigInfo} gives it (supervisord 4.2.5).
 *
 * <p>What supervisord answers, found on 4.2.5:
 * <ul>
 * <li>Keys: {@code autostart command directory exitcodes group group_prio inuse killasgroup name process_prio
 * redirect_stderr serverurl startretries startsecs stderr_capture_maxbytes stderr_events_enabled stderr_logfile
 * stderr_logfile_backups stderr_logfile_maxbytes stderr_syslog stdout_capture_maxbytes stdout_events_enabled
 * stdout_logfile stdout_logfile_backups stdout_logfile_maxbytes stdout_syslog stopsignal stopwaitsecs uid}, sorted by
 * process name. No {@code autorestart} (only Supervisor after 4.2.5 has it), no {@code numprocs}, no program
 * name.</li>
 * <li>{@code stdout_logfile}: {@code "none"} for NONE (and OFF); {@code "none"} with {@code stdout_syslog} true for
 * the deprecated {@code syslog} value; a path as configured; for AUTO, the path supervisord chose in
 * {@code childlogdir} ({@code <name>-stdout---supervisor-<random>.log}), but {@code "auto"} for a group not in use
 * and for <em>every</em> group after a {@code reloadConfig} (the files are parsed anew, while running processes
 * keep their old configuration). {@code stderr_logfile} alike, and {@code "none"} when {@code redirect_stderr}.</li>
 * <li>Other {@code None} values (directory, uid, serverurl) read {@code "none"}; {@code stopsignal} is a number.</li>
 * <li>It describes the files as last read, not necessarily what runs: a group removed from the files by a
 * {@code reloadConfig} still runs but is no longer listed.</li>
 * </ul>
 *
 * @param group Supervisor group name
 * @param name Supervisor process name
 * @param command the command line
 * @param autostart {@code autostart}
 * @param autorestart {@code autorestart} as {@code true}, {@code false} or {@code unexpected}, when supervisord
 *     tells it (not 4.2.5)
 * @param exitcodes the expected exit codes
 * @param startsecs {@code startsecs}
 * @param startretries {@code startretries}
 * @param stopwaitsecs {@code stopwaitsecs}
 * @param stopsignal the stop signal number
 * @param stdoutLogfile {@code stdout_logfile} as answered: a path, {@code "auto"} or {@code "none"}
 * @param stderrLogfile {@code stderr_logfile} as answered: a path, {@code "auto"} or {@code "none"}
 * @param stdoutSyslog {@code stdout_syslog}
 * @param stderrSyslog {@code stderr_syslog}
 * @param redirectStderr {@code redirect_stderr}
 * @param inUse the group is in use (added), not only read from the files
 * @param groupPriority {@code group_prio}
 * @param processPriority {@code process_prio}
 * @param raw every key and value answered, arrays as lists
 */
public record ProcessConfigInfo(String group, String name, String command, boolean autostart,
                                Optional<String> autorestart, List<Integer> exitcodes, int startsecs,
                                int startretries, int stopwaitsecs, int stopsignal, String stdoutLogfile,
                                String stderrLogfile, boolean stdoutSyslog, boolean stderrSyslog,
                                boolean redirectStderr, boolean inUse, int groupPriority, int processPriority,
                                Map<String, Object> raw) {

    /** The value for "no log file". */
    static final String NONE = "none";

    /** {@code group:name}, or {@code name} when both are equal. */
    public String namespec() {
        return group.equals(name) ? name : group + ":" + name;
    }

    /** A stdout log file is configured: not NONE, not syslog. */
    public boolean hasStdoutLog() {
        return !stdoutLogfile.isEmpty() && !stdoutLogfile.equals(NONE);
    }

    /** A stderr log file is configured: not NONE, not syslog, not redirected to stdout. */
    public boolean hasStderrLog() {
        return !stderrLogfile.isEmpty() && !stderrLogfile.equals(NONE);
    }

    static ProcessConfigInfo read(XmlRpcStruct struct) throws SupervisordTransportException {
        return new ProcessConfigInfo(struct.string("group"), struct.string("name"), struct.string("command"),
                struct.bool("autostart"), normalisedAutorestart(struct.get("autorestart")), struct.integers("exitcodes"),
                struct.integer("startsecs"), struct.integer("startretries"), struct.integer("stopwaitsecs"),
                struct.integer("stopsignal"), struct.string("stdout_logfile"), struct.string("stderr_logfile"),
                struct.bool("stdout_syslog"), struct.bool("stderr_syslog"), struct.bool("redirect_stderr"),
                struct.bool("inuse"), struct.integer("group_prio"), struct.integer("process_prio"), struct.asMap());
    }

    /** Normalises Supervisor's {@code autorestart}: a boolean, or the string {@code unexpected}. */
    static Optional<String> normalisedAutorestart(Object value) {
        if (value instanceof Boolean) {
            return Optional.of(value.toString());
        }
        if (value instanceof String) {
            String text = ((String) value).toLowerCase(java.util.Locale.ROOT);
            if (text.equals("true") || text.equals("false") || text.equals("unexpected")) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
