package org.supvisors.core.supervisor;

import java.util.Objects;

import org.supvisors.core.process.ProcessState;

/**
 * What the local supervisord says of one of its processes: {@code supervisor.getProcessInfo} merged with
 * {@code supervisor.getAllConfigInfo} and with what only the configuration files tell (program name, index).
 *
 * @param group Supervisor group name
 * @param name Supervisor process name
 * @param state Supervisor state
 * @param start POSIX time of the last start, 0 if never
 * @param stop POSIX time of the last stop, 0 if never
 * @param now POSIX time at which supervisord answered
 * @param pid UNIX pid, 0 if not running
 * @param description Supervisor's description (e.g. {@code pid 123, uptime 0:01:02})
 * @param spawnerr Supervisor's spawn error, empty if none
 * @param exitstatus the last exit status
 * @param expected whether the last exit was expected (EXITED: the exit status is among the program's
 *     {@code exitcodes}; FATAL: false; otherwise: no spawn error)
 * @param startsecs program {@code startsecs}
 * @param stopwaitsecs program {@code stopwaitsecs}
 * @param programName the program section name ({@code x} of {@code [program:x]})
 * @param processIndex 0-based index of the process among those its program generates
 * @param hasStdout a stdout log file is configured
 * @param hasStderr a stderr log file is configured
 * @param autorestart the program's {@code autorestart}: {@code true}, {@code false} or {@code unexpected}
 * @param autostart the program's {@code autostart}
 * @param launcher the program's command starts with the launcher ({@code supvisors-launch}), which appends the
 *     extra arguments the agent recorded
 */
public record LocalProcess(String group, String name, ProcessState state, long start, long stop, long now, int pid,
                           String description, String spawnerr, int exitstatus, boolean expected, int startsecs,
                           int stopwaitsecs, String programName, int processIndex, boolean hasStdout,
                           boolean hasStderr, String autorestart, boolean autostart, boolean launcher) {

    public LocalProcess {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(spawnerr, "spawnerr");
        Objects.requireNonNull(programName, "programName");
        Objects.requireNonNull(autorestart, "autorestart");
    }

    /** {@code group:name}, or {@code name} when both are equal. */
    public String namespec() {
        return group.equals(name) ? name : group + ":" + name;
    }
}
