package org.supvisors.client.event;

import java.util.Map;

/**
 * Topic {@code application}: the status of one application.
 *
 * @param statecode 0 STOPPED, 1 STARTING, 2 RUNNING, 3 STOPPING, 4 DELETED
 */
public record ApplicationStatus(String applicationName, boolean managed, double nowMonotonic, int statecode,
                                String statename, boolean majorFailure, boolean minorFailure,
                                Map<String, Object> body) implements SupvisorsEvent {

    static ApplicationStatus of(Map<String, Object> body) {
        return new ApplicationStatus(Body.string(body, "application_name"), Body.bool(body, "managed"),
                Body.number(body, "now_monotonic"), Body.integer(body, "statecode"), Body.string(body, "statename"),
                Body.bool(body, "major_failure"), Body.bool(body, "minor_failure"), body);
    }

    @Override
    public Topic topic() {
        return Topic.APPLICATION;
    }

    /** The application was removed (statename {@code DELETED}). */
    public boolean isDeleted() {
        return "DELETED".equals(statename);
    }
}
