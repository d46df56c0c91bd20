package org.supvisors.client.event;

import java.util.Map;

/**
 * Topic {@code event}: one process event, as the instance where it happened told it. Four shapes exist
 * ({@link #kind()}); keys absent from a shape read as defaults.
 *
 * @param identifier the instance where the process changed ({@code ""} in some shapes)
 * @param state the Supervisor state code: 0 STOPPED, 10 STARTING, 20 RUNNING, 30 BACKOFF, 40 STOPPING, 100 EXITED,
 *     200 FATAL, 1000 UNKNOWN, -1 when the process was removed
 * @param now POSIX time of the change, on the origin's clock
 * @param nowMonotonic monotonic time of the change, on the origin's clock
 * @param eventMtime monotonic time of the publication on the publishing instance
 */
public record ProcessEvent(String identifier, String nickIdentifier, String group, String name, int state,
                           double now, double nowMonotonic, int pid, boolean expected, String spawnerr,
                           String extraArgs, boolean disabled, double eventMtime, Map<String, Object> body)
        implements SupvisorsEvent {

    /** The shapes of a process event. */
    public enum Kind {
        /** A state change received from supervisord (the normal case). */
        STATE_CHANGE,
        /** A state forced by Supvisors when the expected event did not come (no {@code disabled} key). */
        FORCED_STATE,
        /** The process was removed ({@code name}, {@code group} and {@code state} -1 only). */
        REMOVED,
        /** The process was enabled or disabled (the local process info, without {@code event_mtime}). */
        ENABLEMENT
    }

    static ProcessEvent of(Map<String, Object> body) {
        return new ProcessEvent(Body.string(body, "identifier"), Body.string(body, "nick_identifier"),
                Body.string(body, "group"), Body.string(body, "name"), Body.integer(body, "state"),
                Body.number(body, "now"), Body.number(body, "now_monotonic"), Body.integer(body, "pid"),
                Body.bool(body, "expected"), Body.string(body, "spawnerr"), Body.string(body, "extra_args"),
                Body.bool(body, "disabled"), Body.number(body, "event_mtime"), body);
    }

    @Override
    public Topic topic() {
        return Topic.EVENT;
    }

    /** Which of the four shapes this message has. */
    public Kind kind() {
        if (state == -1 && !has("event_mtime")) {
            return Kind.REMOVED;
        }
        if (!has("event_mtime")) {
            return Kind.ENABLEMENT;
        }
        return has("disabled") ? Kind.STATE_CHANGE : Kind.FORCED_STATE;
    }

    /** {@code group:name}, or {@code name} when they are equal (Supervisor's namespec). */
    public String namespec() {
        return group.equals(name) ? name : group + ":" + name;
    }

    /** The name of {@link #state()}: {@code RUNNING}, ..., {@code DELETED} for -1, or the code itself. */
    public String stateName() {
        switch (state) {
            case 0: return "STOPPED";
            case 10: return "STARTING";
            case 20: return "RUNNING";
            case 30: return "BACKOFF";
            case 40: return "STOPPING";
            case 100: return "EXITED";
            case 200: return "FATAL";
            case 1000: return "UNKNOWN";
            case -1: return "DELETED";
            default: return String.valueOf(state);
        }
    }
}
