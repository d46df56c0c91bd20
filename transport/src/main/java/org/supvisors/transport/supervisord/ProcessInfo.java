package org.supvisors.transport.supervisord;

import org.supvisors.core.process.ProcessState;

/**
 * One process as {@code supervisor.getProcessInfo} describes it: the live process, with the configuration it was
 * created with (a {@code reloadConfig} does not change it until its group is removed and added again).
 *
 * @param group Supervisor group name
 * @param name Supervisor process name
 * @param state Supervisor state
 * @param description Supervisor's text, e.g. {@code pid 123, uptime 0:01:02}, {@code Not started}, a spawn error
 * @param start POSIX time of the last start, 0 if never
 * @param stop POSIX time of the last stop, 0 if never
 * @param now POSIX time of the answer
 * @param pid UNIX pid, 0 if not running
 * @param spawnerr the spawn error, empty if none
 * @param exitstatus the last exit status; 0 after a spawn failure (FATAL "Exited too quickly" too)
 * @param stdoutLogfile the stdout log file, empty when none (NONE, syslog); AUTO resolved to its path
 * @param stderrLogfile the stderr log file, empty when none (NONE, syslog, {@code redirect_stderr})
 */
public record ProcessInfo(String group, String name, ProcessState state, String description, long start, long stop,
                          long now, int pid, String spawnerr, int exitstatus, String stdoutLogfile,
                          String stderrLogfile) {

    /** {@code group:name}, or {@code name} when both are equal. */
    public String namespec() {
        return group.equals(name) ? name : group + ":" + name;
    }

    static ProcessInfo read(XmlRpcStruct struct, String url, String method) throws SupervisordTransportException {
        int code = struct.integer("state");
        ProcessState state;
        try {
            state = ProcessState.fromCode(code);
        } catch (IllegalArgumentException unknown) {
            throw new SupervisordTransportException(url, method, "unexpected answer: state: " + code
                    + " (expected: a Supervisor process state code)", unknown);
        }
        return new ProcessInfo(struct.string("group"), struct.string("name"), state, struct.string("description"),
                struct.integer("start"), struct.integer("stop"), struct.integer("now"), struct.integer("pid"),
                struct.string("spawnerr"), struct.integer("exitstatus"), struct.string("stdout_logfile"),
                struct.string("stderr_logfile"));
    }
}
