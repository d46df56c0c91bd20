package org.supvisors.client.event;

import java.util.List;
import java.util.Map;

/**
 * Topic {@code process}: the synthetic status of one process over all instances (one {@code get_process_info}
 * entry); a last status with statecode -1, statename {@code DELETED}, when it disappeared everywhere.
 *
 * @param identifiers the instances where the process is running
 */
public record ProcessStatus(String applicationName, String processName, double nowMonotonic, int statecode,
                            String statename, boolean expectedExit, double lastEventMtime, List<String> identifiers,
                            String extraArgs, Map<String, Object> body) implements SupvisorsEvent {

    static ProcessStatus of(Map<String, Object> body) {
        return new ProcessStatus(Body.string(body, "application_name"), Body.string(body, "process_name"),
                Body.number(body, "now_monotonic"), Body.integer(body, "statecode"), Body.string(body, "statename"),
                Body.bool(body, "expected_exit"), Body.number(body, "last_event_mtime"),
                Body.strings(body, "identifiers"), Body.string(body, "extra_args"), body);
    }

    @Override
    public Topic topic() {
        return Topic.PROCESS;
    }

    /** {@code application:process}, or {@code process} when they are equal. */
    public String namespec() {
        return applicationName.equals(processName) ? processName : applicationName + ":" + processName;
    }

    public boolean isDeleted() {
        return statecode == -1;
    }
}
