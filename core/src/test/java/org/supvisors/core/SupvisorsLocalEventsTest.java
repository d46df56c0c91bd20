package org.supvisors.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supvisors.core.api.Fault;
import org.supvisors.core.api.SupvisorsFault;
import org.supvisors.core.effect.LoadLocalGroup;
import org.supvisors.core.effect.LoadLocalProcesses;
import org.supvisors.core.effect.RefreshLocalProcess;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.supervisor.LocalProcess;
import org.supvisors.core.supervisor.ProcessGroupEvent;
import org.supvisors.core.supervisor.ProcessStateEvent;
import org.supvisors.core.testing.CoreFixture;

class SupvisorsLocalEventsTest {

    private CoreFixture core;

    @BeforeEach
    void operational() {
        core = CoreFixture.alone();
        core.supvisors.start();
        core.supvisors.onLocalProcesses(List.of(
                core.process("web", "web", ProcessState.STOPPED),
                core.process("db", "db_00", ProcessState.RUNNING),
                core.process("db", "db_01", ProcessState.RUNNING)));
        core.effects.clear();
    }

    private Map<String, Object> processInfo(String namespec) {
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) core.supvisors.api().getProcessInfo(namespec).get(0);
        return info;
    }

    private void event(String group, String name, ProcessState state, ProcessState from, int pid, boolean expected) {
        core.supvisors.onSupervisordEvent(new ProcessStateEvent(group, name, state, from, pid, expected, 0));
    }

    @Test
    void when_a_process_starts_then_its_synthetic_state_and_running_identifiers_follow() {
        core.clock.advance(1);
        event("web", "web", ProcessState.STARTING, ProcessState.STOPPED, 0, true);
        assertThat(processInfo("web")).containsEntry("statename", "STARTING")
                .containsEntry("identifiers", List.of("localhost:60000"));
        assertThat(core.supvisors.api().getApplicationInfo("web")).containsEntry("statename", "STARTING");

        core.clock.advance(1);
        event("web", "web", ProcessState.RUNNING, ProcessState.STARTING, 1234, true);
        assertThat(processInfo("web")).containsEntry("statecode", 20).containsEntry("expected_exit", true);
        assertThat(core.supvisors.api().getLocalProcessInfo("web")).containsEntry("pid", 1234)
                .containsEntry("statename", "RUNNING")
                .containsEntry("description", "pid 1234, uptime 0:00:01");
        assertThat(core.supvisors.api().getApplicationInfo("web")).containsEntry("statename", "RUNNING");

        core.clock.advance(1);
        event("web", "web", ProcessState.STOPPING, ProcessState.RUNNING, 1234, true);
        event("web", "web", ProcessState.STOPPED, ProcessState.STOPPING, 1234, true);
        assertThat(processInfo("web")).containsEntry("statename", "STOPPED").containsEntry("identifiers", List.of());
        assertThat(core.supvisors.api().getLocalProcessInfo("web")).containsEntry("pid", 0)
                .containsEntry("stop", (int) core.clock.epochTime());
    }

    @Test
    void when_a_process_exits_unexpectedly_then_it_is_crashed_and_the_instance_shows_a_failure() {
        event("db", "db_00", ProcessState.EXITED, ProcessState.RUNNING, 77, false);
        assertThat(processInfo("db:db_00")).containsEntry("statename", "EXITED").containsEntry("expected_exit", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> instance = (Map<String, Object>) core.supvisors.api().getInstanceInfo("localhost:60000")
                .get(0);
        assertThat(instance).containsEntry("process_failure", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) core.supvisors.api()
                .getInnerProcessInfo("localhost:60000", "db:db_00").get(0);
        assertThat(inner).containsEntry("has_crashed", true).containsEntry("identifier", "localhost:60000");
    }

    @Test
    void when_a_process_goes_fatal_then_its_spawn_error_is_fetched_and_applied() {
        event("web", "web", ProcessState.STARTING, ProcessState.STOPPED, 0, true);
        event("web", "web", ProcessState.BACKOFF, ProcessState.STARTING, 0, true);
        event("web", "web", ProcessState.FATAL, ProcessState.BACKOFF, 0, true);
        assertThat(core.drain(RefreshLocalProcess.class)).extracting(RefreshLocalProcess::namespec)
                .containsExactly("web", "web");
        LocalProcess fatal = core.process("web", "web", ProcessState.FATAL);
        core.supvisors.onLocalProcessRefreshed(new LocalProcess(fatal.group(), fatal.name(), ProcessState.FATAL,
                0, 0, fatal.now(), 0, "can't find command '/nope'", "can't find command '/nope'", 0, false, 1, 10,
                "web", 0, true, true, "unexpected", true, false));
        Map<String, Object> local = core.supvisors.api().getLocalProcessInfo("web");
        assertThat(local).containsEntry("spawnerr", "can't find command '/nope'")
                .containsEntry("description", "can't find command '/nope'")
                .containsEntry("statename", "FATAL").containsEntry("expected", false);
    }

    @Test
    void when_a_group_is_added_then_it_is_loaded_and_when_removed_it_is_forgotten() {
        core.supvisors.onSupervisordEvent(new ProcessGroupEvent("batch", true));
        assertThat(core.drain(LoadLocalGroup.class)).containsExactly(new LoadLocalGroup("batch"));
        core.supvisors.onLocalGroup("batch", List.of(core.process("batch", "batch", ProcessState.STOPPED),
                core.process("web", "web", ProcessState.STOPPED)));
        assertThat(core.supvisors.api().getAllApplicationsInfo()).hasSize(3);
        assertThat(core.supvisors.api().getAllLocalProcessInfo()).hasSize(4);

        core.supvisors.onSupervisordEvent(new ProcessGroupEvent("batch", false));
        assertThat(core.supvisors.api().getAllApplicationsInfo()).hasSize(2);
        assertThatThrownBy(() -> core.supvisors.api().getApplicationInfo("batch"))
                .isInstanceOfSatisfying(SupvisorsFault.class, f -> assertThat(f.faultString())
                        .isEqualTo("BAD_NAME: application=batch unknown to Supvisors"));
    }

    @Test
    void when_an_event_names_an_unknown_process_then_its_group_is_read() {
        event("late", "late", ProcessState.STARTING, ProcessState.STOPPED, 0, true);
        assertThat(core.drain(LoadLocalGroup.class)).containsExactly(new LoadLocalGroup("late"));
    }

    @Test
    void when_the_agent_itself_changes_state_then_the_model_ignores_it() {
        core.supvisors.onSupervisordEvent(new ProcessStateEvent("supvisors", "supvisors", ProcessState.RUNNING,
                ProcessState.STARTING, 99, true, 0));
        assertThat(core.effects).isEmpty();
        assertThat(core.supvisors.api().getAllLocalProcessInfo()).hasSize(3);
    }

    @Test
    void when_events_were_lost_then_everything_is_read_again_and_vanished_processes_are_removed() {
        core.supvisors.onLocalEventsLost("poolserial gap");
        assertThat(core.drain(LoadLocalProcesses.class)).hasSize(1);
        core.supvisors.onLocalProcesses(List.of(core.process("web", "web", ProcessState.RUNNING)));
        assertThat(core.supvisors.api().getAllProcessInfo()).hasSize(1);
        assertThat(processInfo("web")).containsEntry("statename", "RUNNING");
    }

    @Test
    void when_a_process_changes_during_a_reload_then_the_older_answer_is_not_applied_and_the_read_is_repeated() {
        core.supvisors.onLocalEventsLost("poolserial gap");
        assertThat(core.drain(LoadLocalProcesses.class)).hasSize(1);
        event("web", "web", ProcessState.STARTING, ProcessState.STOPPED, 0, true);
        event("web", "web", ProcessState.RUNNING, ProcessState.STARTING, 1234, true);
        // read before the start: web STOPPED
        core.supvisors.onLocalProcesses(List.of(core.process("web", "web", ProcessState.STOPPED),
                core.process("db", "db_00", ProcessState.RUNNING), core.process("db", "db_01", ProcessState.RUNNING)));
        assertThat(processInfo("web")).containsEntry("statename", "RUNNING");
        assertThat(core.drain(LoadLocalProcesses.class)).as("read again").hasSize(1);

        core.supvisors.onLocalProcesses(List.of(core.process("web", "web", ProcessState.RUNNING),
                core.process("db", "db_00", ProcessState.RUNNING), core.process("db", "db_01", ProcessState.EXITED)));
        assertThat(processInfo("db:db_01")).containsEntry("statename", "EXITED");
        assertThat(core.drain(LoadLocalProcesses.class)).as("a quiet read is the last").isEmpty();
    }

    @Test
    void when_reloads_are_asked_during_a_read_then_the_read_under_way_answers_them() {
        core.supvisors.onLocalEventsLost("poolserial gap");
        core.supvisors.onLocalEventsLost("another gap");
        assertThat(core.drain(LoadLocalProcesses.class)).hasSize(1);
    }

    @Test
    void when_a_process_changes_during_the_first_read_then_it_is_applied_and_read_again() {
        CoreFixture fresh = CoreFixture.alone();
        fresh.supvisors.start();
        assertThat(fresh.drain(LoadLocalProcesses.class)).hasSize(1);
        // dropped: nothing is loaded yet, but the first answer may predate it
        fresh.supvisors.onSupervisordEvent(new ProcessStateEvent("web", "web", ProcessState.STARTING,
                ProcessState.STOPPED, 0, true, 0));
        fresh.supvisors.onLocalProcesses(List.of(fresh.process("web", "web", ProcessState.STOPPED)));
        assertThat(fresh.supvisors.api().getAllLocalProcessInfo()).hasSize(1);
        assertThat(fresh.drain(LoadLocalProcesses.class)).as("read again").hasSize(1);
        fresh.supvisors.onLocalProcesses(List.of(fresh.process("web", "web", ProcessState.RUNNING)));
        assertThat(fresh.supvisors.api().getLocalProcessInfo("web")).containsEntry("statename", "RUNNING");
        assertThat(fresh.drain(LoadLocalProcesses.class)).isEmpty();
    }

    @Test
    void when_names_are_unknown_then_the_faults_of_0_19_are_raised() {
        assertThatThrownBy(() -> core.supvisors.api().getProcessInfo("db:nope"))
                .isInstanceOfSatisfying(SupvisorsFault.class, f -> assertThat(f.faultString())
                        .isEqualTo("BAD_NAME: process=nope unknown in application=db"));
        assertThatThrownBy(() -> core.supvisors.api().getInstanceInfo("nowhere"))
                .isInstanceOfSatisfying(SupvisorsFault.class, f -> assertThat(f.faultString())
                        .isEqualTo("BAD_NAME: identifier=nowhere is unknown to Supvisors"));
        assertThatThrownBy(() -> core.supvisors.api().getLocalProcessInfo("db:nope"))
                .isInstanceOfSatisfying(SupvisorsFault.class, f -> {
                    assertThat(f.fault()).isEqualTo(Fault.BAD_NAME);
                    assertThat(f.faultString()).isEqualTo("BAD_NAME: db:nope");
                });
        assertThat(core.supvisors.api().getProcessInfo("db:*")).hasSize(2);
        assertThat(core.supvisors.api().getProcessRules("db:")).hasSize(2);
    }

    @Test
    void when_supervisord_acknowledges_a_start_then_the_caller_is_answered_once_the_model_shows_it() {
        List<Object> answers = new java.util.ArrayList<>();
        org.supvisors.core.api.Reply reply = new org.supvisors.core.api.Reply() {
            @Override
            public void value(Object value) {
                answers.add(value);
            }

            @Override
            public void fault(SupvisorsFault fault) {
                answers.add(fault);
            }
        };
        core.supvisors.onLocalStartAnswered("web", true, true, reply);
        assertThat(answers).isEmpty();
        event("web", "web", ProcessState.STARTING, ProcessState.STOPPED, 0, true);
        assertThat(answers).isEmpty();
        event("web", "web", ProcessState.RUNNING, ProcessState.STARTING, 1234, true);
        assertThat(answers).containsExactly(true);
        assertThat(processInfo("web")).containsEntry("statename", "RUNNING");

        core.supvisors.onLocalStartAnswered("db:db_00", true, false, reply);
        assertThat(answers).containsExactly(true, true);

        event("db", "db_01", ProcessState.STOPPED, ProcessState.RUNNING, 0, true);
        core.supvisors.onLocalStartAnswered("db:db_01", true, true, reply);
        core.clock.advance(0.5);
        core.supvisors.onTimer();
        assertThat(answers).hasSize(2);
        core.clock.advance(0.6);
        core.supvisors.onTimer();
        assertThat(answers).containsExactly(true, true, true);
    }
}
