package org.supvisors.transport.supervisord;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.supvisors.core.api.WireEnum;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.supervisor.ProcessGroupEvent;
import org.supvisors.core.supervisor.ProcessStateEvent;
import org.supvisors.core.supervisor.SupervisorStateEvent;
import org.supvisors.core.supervisor.SupervisordEvent;
import org.supvisors.core.supervisor.Tick5Event;

/**
 * Turns an event name and its payload into a core {@link SupervisordEvent}. Payloads, as supervisord 4.2 writes
 * them:
 * <pre>
 * PROCESS_STATE_STARTING, _BACKOFF         processname:X groupname:G from_state:S tries:N
 * PROCESS_STATE_RUNNING, _STOPPING, _STOPPED processname:X groupname:G from_state:S pid:N
 * PROCESS_STATE_EXITED                     processname:X groupname:G from_state:S expected:0|1 pid:N
 * PROCESS_STATE_FATAL, _UNKNOWN            processname:X groupname:G from_state:S
 * PROCESS_GROUP_ADDED, _REMOVED            groupname:G\n
 * SUPERVISOR_STATE_CHANGE_RUNNING, _STOPPING (empty)
 * TICK_5                                   when:N
 * </pre>
 * Every other event (TICK_60, REMOTE_COMMUNICATION, PROCESS_LOG_*, PROCESS_COMMUNICATION_*…) is of no use to the
 * agent and decodes to nothing.
 */
final class EventPayloadDecoder {

    private static final String PROCESS_STATE = "PROCESS_STATE_";
    private static final String PROCESS_GROUP = "PROCESS_GROUP_";
    private static final String SUPERVISOR_STATE = "SUPERVISOR_STATE_CHANGE_";
    private static final Set<String> PROCESS_KEYS = Set.of("processname", "groupname", "from_state", "tries", "pid",
            "expected");
    private static final Set<String> GROUP_KEYS = Set.of("groupname");
    private static final Set<String> TICK_KEYS = Set.of("when");

    private EventPayloadDecoder() {
    }

    /**
     * The event, or empty for an event type the agent does not use.
     *
     * @throws MalformedEventException for an event type the agent uses whose name or payload does not read
     */
    static Optional<SupervisordEvent> decode(String eventName, String payload) throws MalformedEventException {
        if (eventName.startsWith(PROCESS_STATE)) {
            return Optional.of(processState(eventName, payload));
        }
        if (eventName.startsWith(PROCESS_GROUP)) {
            return Optional.of(processGroup(eventName, payload));
        }
        if (eventName.startsWith(SUPERVISOR_STATE)) {
            return Optional.of(supervisorState(eventName));
        }
        if (eventName.equals("TICK_5")) {
            Map<String, String> fields = KeyValueText.parse(firstLine(payload), TICK_KEYS, eventName);
            return Optional.of(new Tick5Event(number(fields, "when", eventName)));
        }
        return Optional.empty();
    }

    private static ProcessStateEvent processState(String eventName, String payload) throws MalformedEventException {
        ProcessState state = state(eventName.substring(PROCESS_STATE.length()), "eventname", eventName);
        Map<String, String> fields = KeyValueText.parse(firstLine(payload), PROCESS_KEYS, eventName);
        String name = text(fields, "processname", eventName);
        String group = text(fields, "groupname", eventName);
        ProcessState fromState = state(text(fields, "from_state", eventName), "from_state", eventName);
        int pid = fields.containsKey("pid") ? (int) number(fields, "pid", eventName) : 0;
        int tries = fields.containsKey("tries") ? (int) number(fields, "tries", eventName) : 0;
        boolean expected = true;
        if (state == ProcessState.EXITED) {
            String value = text(fields, "expected", eventName);
            if (!value.equals("0") && !value.equals("1")) {
                throw new MalformedEventException(eventName + ": expected: " + Texts.excerpt(value)
                        + " (expected: 0 or 1)");
            }
            expected = value.equals("1");
        }
        return new ProcessStateEvent(group, name, state, fromState, pid, expected, tries);
    }

    private static ProcessGroupEvent processGroup(String eventName, String payload) throws MalformedEventException {
        String kind = eventName.substring(PROCESS_GROUP.length());
        if (!kind.equals("ADDED") && !kind.equals("REMOVED")) {
            throw new MalformedEventException("eventname: " + Texts.excerpt(eventName)
                    + " (expected: PROCESS_GROUP_ADDED or PROCESS_GROUP_REMOVED)");
        }
        Map<String, String> fields = KeyValueText.parse(firstLine(payload), GROUP_KEYS, eventName);
        return new ProcessGroupEvent(text(fields, "groupname", eventName), kind.equals("ADDED"));
    }

    private static SupervisorStateEvent supervisorState(String eventName) throws MalformedEventException {
        String kind = eventName.substring(SUPERVISOR_STATE.length());
        if (!kind.equals("RUNNING") && !kind.equals("STOPPING")) {
            throw new MalformedEventException("eventname: " + Texts.excerpt(eventName)
                    + " (expected: SUPERVISOR_STATE_CHANGE_RUNNING or SUPERVISOR_STATE_CHANGE_STOPPING)");
        }
        return new SupervisorStateEvent(kind.equals("RUNNING"));
    }

    private static ProcessState state(String name, String key, String eventName) throws MalformedEventException {
        if (!name.equals(ProcessState.DELETED.name())) {
            try {
                return WireEnum.fromName(ProcessState.class, name);
            } catch (IllegalArgumentException unknown) {
                // reported below with the event name
            }
        }
        throw new MalformedEventException(eventName + ": " + key + ": " + Texts.excerpt(name)
                + " (expected: a Supervisor process state such as RUNNING)");
    }

    private static String text(Map<String, String> fields, String key, String eventName)
            throws MalformedEventException {
        String value = fields.get(key);
        if (value == null) {
            throw new MalformedEventException(eventName + ": no " + key + ": field in " + fields.keySet());
        }
        return value;
    }

    private static long number(Map<String, String> fields, String key, String eventName)
            throws MalformedEventException {
        String value = text(fields, key, eventName);
        try {
            long number = Long.parseLong(value);
            if (number >= 0 && number <= Integer.MAX_VALUE || key.equals("when") && number >= 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the key
        }
        throw new MalformedEventException(eventName + ": " + key + ": " + Texts.excerpt(value)
                + " (expected: a non-negative integer)");
    }

    private static String firstLine(String payload) {
        int end = payload.indexOf('\n');
        return end < 0 ? payload : payload.substring(0, end);
    }
}
