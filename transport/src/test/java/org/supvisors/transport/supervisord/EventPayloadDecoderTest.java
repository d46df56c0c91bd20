package org.supvisors.transport.supervisord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.supervisor.ProcessGroupEvent;
import org.supvisors.core.supervisor.ProcessStateEvent;
import org.supvisors.core.supervisor.SupervisorStateEvent;
import org.supvisors.core.supervisor.Tick5Event;

class EventPayloadDecoderTest {

    @Test
    void starting_and_backoff_carry_tries_and_no_pid() throws Exception {
        assertThat(EventPayloadDecoder.decode("PROCESS_STATE_STARTING",
                "processname:web groupname:app from_state:STOPPED tries:0"))
                .contains(new ProcessStateEvent("app", "web", ProcessState.STARTING, ProcessState.STOPPED, 0, true, 0));
        assertThat(EventPayloadDecoder.decode("PROCESS_STATE_BACKOFF",
                "processname:web groupname:app from_state:STARTING tries:2"))
                .contains(new ProcessStateEvent("app", "web", ProcessState.BACKOFF, ProcessState.STARTING, 0, true, 2));
    }

    @ParameterizedTest
    @CsvSource({"RUNNING,STARTING", "STOPPING,RUNNING", "STOPPED,STOPPING"})
    void running_stopping_stopped_carry_the_pid(String state, String from) throws Exception {
        assertThat(EventPayloadDecoder.decode("PROCESS_STATE_" + state,
                "processname:web groupname:app from_state:" + from + " pid:4321"))
                .contains(new ProcessStateEvent("app", "web", ProcessState.valueOf(state), ProcessState.valueOf(from),
                        4321, true, 0));
    }

    @Test
    void exited_carries_expected_and_pid() throws Exception {
        assertThat(EventPayloadDecoder.decode("PROCESS_STATE_EXITED",
                "processname:web groupname:app from_state:RUNNING expected:0 pid:77"))
                .contains(new ProcessStateEvent("app", "web", ProcessState.EXITED, ProcessState.RUNNING, 77, false, 0));
        assertThat(EventPayloadDecoder.decode("PROCESS_STATE_EXITED",
                "processname:web groupname:app from_state:RUNNING expected:1 pid:77"))
                .contains(new ProcessStateEvent("app", "web", ProcessState.EXITED, ProcessState.RUNNING, 77, true, 0));
    }

    @Test
    void fatal_has_neither_pid_nor_tries() throws Exception {
        assertThat(EventPayloadDecoder.decode("PROCESS_STATE_FATAL",
                "processname:web_01 groupname:app from_state:BACKOFF"))
                .contains(new ProcessStateEvent("app", "web_01", ProcessState.FATAL, ProcessState.BACKOFF, 0, true, 0));
    }

    @Test
    void names_with_spaces_and_colons_are_kept_whole() throws Exception {
        assertThat(EventPayloadDecoder.decode("PROCESS_STATE_RUNNING",
                "processname:my web groupname:app:x from_state:STARTING pid:1"))
                .contains(new ProcessStateEvent("app:x", "my web", ProcessState.RUNNING, ProcessState.STARTING, 1,
                        true, 0));
    }

    @Test
    void group_added_and_removed_end_with_a_line_feed() throws Exception {
        assertThat(EventPayloadDecoder.decode("PROCESS_GROUP_ADDED", "groupname:app\n"))
                .contains(new ProcessGroupEvent("app", true));
        assertThat(EventPayloadDecoder.decode("PROCESS_GROUP_REMOVED", "groupname:app\n"))
                .contains(new ProcessGroupEvent("app", false));
    }

    @Test
    void supervisor_state_changes_have_an_empty_payload() throws Exception {
        assertThat(EventPayloadDecoder.decode("SUPERVISOR_STATE_CHANGE_RUNNING", ""))
                .contains(new SupervisorStateEvent(true));
        assertThat(EventPayloadDecoder.decode("SUPERVISOR_STATE_CHANGE_STOPPING", ""))
                .contains(new SupervisorStateEvent(false));
    }

    @Test
    void tick_5_carries_when() throws Exception {
        assertThat(EventPayloadDecoder.decode("TICK_5", "when:1700000005"))
                .contains(new Tick5Event(1_700_000_005L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TICK_60", "TICK_3600", "REMOTE_COMMUNICATION", "PROCESS_LOG_STDOUT",
            "PROCESS_COMMUNICATION_STDOUT", "EVENT"})
    void events_the_agent_does_not_use_decode_to_nothing(String eventName) throws Exception {
        assertThat(EventPayloadDecoder.decode(eventName, "type:x\nwhatever: it is")).isEmpty();
    }

    @Test
    void unknown_process_state_is_named_in_the_error() {
        assertThatThrownBy(() -> EventPayloadDecoder.decode("PROCESS_STATE_DELETED",
                "processname:web groupname:app from_state:RUNNING"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("PROCESS_STATE_DELETED: eventname: 'DELETED' (expected: a Supervisor process state such as RUNNING)");
        assertThatThrownBy(() -> EventPayloadDecoder.decode("PROCESS_STATE_RUNNING",
                "processname:web groupname:app from_state:BOGUS pid:1"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("from_state: 'BOGUS'");
    }

    @Test
    void missing_or_bad_fields_are_named_in_the_error() {
        assertThatThrownBy(() -> EventPayloadDecoder.decode("PROCESS_STATE_RUNNING", "groupname:app from_state:STARTING"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("processname");
        assertThatThrownBy(() -> EventPayloadDecoder.decode("PROCESS_STATE_RUNNING",
                "processname:web groupname:app from_state:STARTING pid:abc"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("PROCESS_STATE_RUNNING: pid: 'abc' (expected: a non-negative integer)");
        assertThatThrownBy(() -> EventPayloadDecoder.decode("PROCESS_STATE_EXITED",
                "processname:web groupname:app from_state:RUNNING pid:1"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("expected");
        assertThatThrownBy(() -> EventPayloadDecoder.decode("PROCESS_STATE_EXITED",
                "processname:web groupname:app from_state:RUNNING expected:yes pid:1"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("(expected: 0 or 1)");
        assertThatThrownBy(() -> EventPayloadDecoder.decode("TICK_5", "when:-5"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("when");
        assertThatThrownBy(() -> EventPayloadDecoder.decode("PROCESS_GROUP_CHANGED", "groupname:x\n"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("PROCESS_GROUP_ADDED");
        assertThatThrownBy(() -> EventPayloadDecoder.decode("SUPERVISOR_STATE_CHANGE_PAUSED", ""))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("SUPERVISOR_STATE_CHANGE_RUNNING");
        assertThatThrownBy(() -> EventPayloadDecoder.decode("PROCESS_GROUP_ADDED", "garbage"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("'garbage'");
    }
}
