package org.supvisors.core.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supvisors.core.api.Fault;
import org.supvisors.core.api.Reply;
import org.supvisors.core.api.SupvisorsFault;
import org.supvisors.core.effect.ApplyNumprocs;
import org.supvisors.core.effect.CheckNumprocs;
import org.supvisors.core.effect.LoadLocalGroup;
import org.supvisors.core.effect.StartLocalProcess;
import org.supvisors.core.effect.StopLocalProcess;
import org.supvisors.core.fsm.SupvisorsState;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.testing.CoreFixture;

/**
 * {@code update_numprocs} in the core: the checks in 0.19's order and the phases (configuration read again, excess
 * processes stopped, supervisord's groups changed, the model followed), with supervisord's answers played by hand.
 */
class NumprocsUpdaterTest {

    private static final String TEMPLATE = "%(program_name)s_%(process_num)d";

    private CoreFixture core;

    /** A group {@code g} with {@code worker_0..2} (RUNNING, RUNNING, STOPPED) and {@code control}. */
    @BeforeEach
    void operational() {
        core = CoreFixture.alone();
        core.supvisors.start();
        core.supvisors.onLocalProcesses(List.of(
                process("g", "worker_0", ProcessState.RUNNING, "worker", 0),
                process("g", "worker_1", ProcessState.RUNNING, "worker", 1),
                process("g", "worker_2", ProcessState.STOPPED, "worker", 2),
                process("g", "control", ProcessState.RUNNING, "control", 0)));
        assertThat(core.supvisors.fsm().state()).isEqualTo(SupvisorsState.OPERATION);
        core.effects.clear();
    }

    // ---- the checks

    @Test
    void when_not_in_operation_then_the_state_is_refused() {
        CoreFixture starting = CoreFixture.alone();
        starting.supvisors.start();
        Answer answer = new Answer();
        starting.supvisors.control(c -> c.updateNumprocs("worker", 2, true, false, answer), answer);
        assertThat(answer.fault().code()).isEqualTo(Fault.BAD_SUPVISORS_STATE.code());
    }

    @Test
    void when_the_program_is_unknown_then_bad_name_comes_before_the_value_check() {
        assertThat(call("nope", 0, true, false).fault().faultString())
                .isEqualTo("BAD_NAME: program=nope unknown to Supvisors");
        assertThat(core.effects).isEmpty();
    }

    @Test
    void when_the_program_is_the_agent_itself_then_it_is_not_applicable() {
        assertThat(call("supvisors", 2, true, false).fault().faultString())
                .isEqualTo("NOT_APPLICABLE: numprocs not applicable to program=supvisors (the Supvisors agent"
                        + " itself)");
    }

    @Test
    void when_numprocs_is_not_an_integer_above_zero_then_incorrect_parameters_names_it() {
        for (Object value : List.of(0, -1, "x", "0", "2.5", "", "1__0", 0.5, false, List.of(2))) {
            Answer answer = call("worker", value, true, false);
            assertThat(answer.fault().code()).as("numprocs=%s", value).isEqualTo(Fault.INCORRECT_PARAMETERS.code());
        }
        assertThat(call("worker", 0, true, false).fault().faultString())
                .isEqualTo("INCORRECT_PARAMETERS: program=worker incorrect numprocs=0 - integer > 0 expected");
        assertThat(call("worker", "x", true, false).fault().faultString())
                .isEqualTo("INCORRECT_PARAMETERS: program=worker incorrect numprocs=x - integer > 0 expected");
        assertThat(core.effects).isEmpty();
    }

    @Test
    void when_numprocs_is_the_current_value_in_any_form_python_int_accepts_then_true_and_nothing_done() {
        for (Object value : List.of(3, "3", " +3 ", "0_3", 3.7)) {
            assertThat(call("worker", value, true, false).value()).as("numprocs=%s", value).isEqualTo(true);
        }
        assertThat(call("control", true, true, false).value()).isEqualTo(true);
        assertThat(core.effects).isEmpty();
    }

    @Test
    void when_process_name_has_no_process_num_then_more_than_one_process_is_not_applicable() {
        Answer answer = call("control", "5", true, false);
        CheckNumprocs check = single(CheckNumprocs.class);
        assertThat(check.program()).isEqualTo("control");
        core.supvisors.onNumprocsChecked(check.request(), new NumprocsCheck(Optional.of("program"),
                "%(program_name)s", Optional.empty()));
        assertThat(answer.fault().faultString()).isEqualTo("NOT_APPLICABLE: numprocs not applicable to program=control");
        assertThat(core.drain(ApplyNumprocs.class)).isEmpty();
    }

    @Test
    void when_supervisord_does_not_read_the_override_last_then_the_fault_says_what_to_add() {
        Answer answer = call("worker", 5, true, false);
        core.supvisors.onNumprocsChecked(single(CheckNumprocs.class).request(), new NumprocsCheck(
                Optional.of("program"), TEMPLATE, Optional.of("/etc/supvisors-numprocs.conf is not the last file"
                        + " supervisord reads: end files of [include] with supvisors-numprocs.conf")));
        assertThat(answer.fault().code()).isEqualTo(Fault.SUPVISORS_CONF_ERROR.code());
        assertThat(answer.fault().faultString()).isEqualTo("SUPVISORS_CONF_ERROR: update_numprocs needs the"
                + " override file: /etc/supvisors-numprocs.conf is not the last file supervisord reads: end files of"
                + " [include] with supvisors-numprocs.conf");
    }

    @Test
    void when_the_files_no_longer_define_the_program_then_a_configuration_error() {
        Answer answer = call("worker", 5, true, false);
        core.supvisors.onNumprocsChecked(single(CheckNumprocs.class).request(), new NumprocsCheck(Optional.empty(),
                "", Optional.empty()));
        assertThat(answer.fault().faultString()).isEqualTo("SUPVISORS_CONF_ERROR: program=worker not found in the"
                + " configuration files of supervisord");
    }

    // ---- increase

    @Test
    void when_increased_then_the_answer_waits_for_the_model_to_show_the_group_removed_and_added_again() {
        core.supvisors.context().instances().local().process("g:worker_1").orElseThrow().setExtraArgs("-v");
        Answer answer = call("worker", 5, false, false);
        ApplyNumprocs apply = checked();
        assertThat(apply.section()).isEqualTo("program:worker");
        assertThat(apply.numprocs()).isEqualTo(5);
        assertThat(apply.groups()).containsExactly("g");
        assertThat(apply.stopTimeout()).isEqualTo(15.0);
        assertThat(answer.isPending()).isTrue();

        core.supvisors.onNumprocsApplied(apply.request(), new NumprocsOutcome(Map.of("g", workers(5)),
                List.of("g:worker_0", "g:worker_1", "g:control"), Optional.empty()));
        // a read of the group that would come before supervisord's removal event does not count
        core.supvisors.onLocalGroup("g", group(5, ProcessState.STOPPED));
        assertThat(answer.isPending()).isTrue();

        core.supvisors.onSupervisordEvent(new ProcessGroupEvent("g", false));
        assertThat(core.supvisors.context().application("g")).isEmpty();
        assertThat(answer.isPending()).isTrue();
        core.supvisors.onSupervisordEvent(new ProcessGroupEvent("g", true));
        assertThat(core.drain(LoadLocalGroup.class)).containsExactly(new LoadLocalGroup("g"));
        core.supvisors.onLocalGroup("g", group(5, ProcessState.STOPPED));

        assertThat(answer.value()).isEqualTo(true);
        assertThat(core.supvisors.api().getProcessInfo("g:*")).hasSize(6);
        assertThat(core.drain(StartLocalProcess.class)).extracting(StartLocalProcess::namespec,
                StartLocalProcess::extraArgs).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("g:worker_0", ""),
                org.assertj.core.groups.Tuple.tuple("g:worker_1", "-v"),
                org.assertj.core.groups.Tuple.tuple("g:control", ""));
        assertThat(core.supvisors.context().instances().local().process("g:worker_1").orElseThrow().extraArgs())
                .isEqualTo("-v");
        assertThat(core.supvisors.numprocs().isBusy()).isFalse();
    }

    @Test
    void when_the_model_does_not_follow_in_time_then_failed_names_the_missing_processes() {
        Answer answer = call("worker", 4, true, false);
        ApplyNumprocs apply = checked();
        core.supvisors.onNumprocsApplied(apply.request(), new NumprocsOutcome(Map.of("g", workers(4)), List.of(),
                Optional.empty()));
        core.supvisors.onSupervisordEvent(new ProcessGroupEvent("g", false));
        core.supvisors.onLocalGroup("g", group(3, ProcessState.STOPPED));
        assertThat(answer.isPending()).isTrue();
        core.clock.advance(NumprocsUpdater.MODEL_GRACE);
        core.supvisors.onTimer();
        assertThat(answer.fault().faultString()).isEqualTo("FAILED: processes=['g:worker_3']");
    }

    @Test
    void when_supervisord_cannot_reread_its_files_then_its_fault_is_the_answer() {
        Answer answer = call("worker", 4, true, false);
        ApplyNumprocs apply = checked();
        core.supvisors.onNumprocsApplied(apply.request(), NumprocsOutcome.failed(new SupvisorsFault(
                Fault.CANT_REREAD, "program section program:x does not specify a command")));
        assertThat(answer.fault().code()).isEqualTo(Fault.CANT_REREAD.code());
        assertThat(core.supvisors.numprocs().isBusy()).isFalse();
    }

    // ---- decrease

    @Test
    void when_decreased_with_wait_then_the_running_excess_is_stopped_before_the_groups_change() {
        Answer answer = call("worker", 1, true, false);
        answerCheck();
        assertThat(core.drain(StopLocalProcess.class)).containsExactly(new StopLocalProcess("g:worker_1"));
        assertThat(core.drain(ApplyNumprocs.class)).isEmpty();
        assertThat(answer.isPending()).isTrue();

        event("worker_1", ProcessState.STOPPING, ProcessState.RUNNING);
        assertThat(core.drain(ApplyNumprocs.class)).isEmpty();
        event("worker_1", ProcessState.STOPPED, ProcessState.STOPPING);
        ApplyNumprocs apply = single(ApplyNumprocs.class);
        assertThat(apply.numprocs()).isEqualTo(1);

        core.supvisors.onNumprocsApplied(apply.request(), new NumprocsOutcome(Map.of("g", workers(1)),
                List.of("g:worker_0", "g:control"), Optional.empty()));
        core.supvisors.onSupervisordEvent(new ProcessGroupEvent("g", false));
        core.supvisors.onLocalGroup("g", group(1, ProcessState.STOPPED));
        assertThat(answer.value()).isEqualTo(true);
        assertThat(core.supvisors.api().getProcessInfo("g:*")).hasSize(2);
    }

    @Test
    void when_decreased_without_wait_then_true_once_checked_and_the_change_goes_on() {
        Answer answer = call("worker", 2, false, false);
        answerCheck();
        assertThat(answer.value()).isEqualTo(true);
        // worker_2 is already stopped: nothing to stop, the groups change at once
        assertThat(core.drain(StopLocalProcess.class)).isEmpty();
        assertThat(core.drain(ApplyNumprocs.class)).hasSize(1);
    }

    @Test
    void when_the_excess_does_not_stop_in_time_then_still_running_and_no_change() {
        Answer answer = call("worker", 1, true, false);
        answerCheck();
        core.clock.advance(10 + NumprocsUpdater.STOP_MARGIN);
        core.supvisors.onTimer();
        assertThat(answer.fault().faultString()).isEqualTo("STILL_RUNNING: processes=['g:worker_1']");
        assertThat(core.drain(ApplyNumprocs.class)).isEmpty();
    }

    @Test
    void when_lazy_then_true_at_once_and_the_groups_change_once_the_excess_has_stopped_by_itself() {
        Answer answer = call("worker", 1, true, true);
        answerCheck();
        assertThat(answer.value()).isEqualTo(true);
        assertThat(core.drain(StopLocalProcess.class)).isEmpty();
        assertThat(core.drain(ApplyNumprocs.class)).isEmpty();

        // the same target again: nothing more; another one while it waits: replaces it
        assertThat(call("worker", "1", true, true).value()).isEqualTo(true);
        assertThat(core.effects).isEmpty();

        event("worker_1", ProcessState.EXITED, ProcessState.RUNNING);
        assertThat(single(ApplyNumprocs.class).numprocs()).isEqualTo(1);
        assertThat(call("worker", 2, true, false).fault().faultString())
                .isEqualTo("FAILED: numprocs of program=worker already being changed to 1");
    }

    @Test
    void when_a_lazy_change_waits_then_a_new_value_replaces_it() {
        call("worker", 1, true, true);
        answerCheck();
        assertThat(call("worker", 3, true, false).value()).isEqualTo(true);
        assertThat(core.supvisors.numprocs().isBusy()).isFalse();
        event("worker_1", ProcessState.EXITED, ProcessState.RUNNING);
        assertThat(core.drain(ApplyNumprocs.class)).isEmpty();
    }

    // ---- helpers

    private Answer call(String program, Object numprocs, boolean wait, boolean lazy) {
        Answer answer = new Answer();
        core.supvisors.control(c -> c.updateNumprocs(program, numprocs, wait, lazy, answer), answer);
        return answer;
    }

    /** Answers the check asked as the files of supervisord would for worker, an applicable program. */
    private void answerCheck() {
        core.supvisors.onNumprocsChecked(single(CheckNumprocs.class).request(), new NumprocsCheck(
                Optional.of("program"), TEMPLATE, Optional.empty()));
    }

    /** Answers the check of an increase, and returns the change asked. */
    private ApplyNumprocs checked() {
        answerCheck();
        return single(ApplyNumprocs.class);
    }

    private <T extends org.supvisors.core.effect.Effect> T single(Class<T> type) {
        List<T> found = core.drain(type);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private void event(String name, ProcessState state, ProcessState from) {
        core.supvisors.onSupervisordEvent(new ProcessStateEvent("g", name, state, from, 0, true, 0));
    }

    private static List<String> workers(int count) {
        List<String> names = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            names.add("worker_" + index);
        }
        return names;
    }

    /** The group {@code g} as supervisord describes it with {@code count} workers. */
    private List<LocalProcess> group(int count, ProcessState state) {
        List<LocalProcess> processes = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            processes.add(process("g", "worker_" + index, state, "worker", index));
        }
        processes.add(process("g", "control", state, "control", 0));
        return processes;
    }

    /** A process of a program at an index; the workers use the launcher of extra arguments. */
    private LocalProcess process(String group, String name, ProcessState state, String program, int index) {
        LocalProcess p = core.process(group, name, state);
        return new LocalProcess(p.group(), p.name(), p.state(), p.start(), p.stop(), p.now(), p.pid(),
                p.description(), p.spawnerr(), p.exitstatus(), p.expected(), p.startsecs(), p.stopwaitsecs(), program,
                index, p.hasStdout(), p.hasStderr(), p.autorestart(), p.autostart(), program.equals("worker"));
    }

    /** What a call answered, if it has. */
    private static final class Answer implements Reply {
        private final List<Object> values = new ArrayList<>();
        private final List<SupvisorsFault> faults = new ArrayList<>();

        @Override
        public void value(Object value) {
            values.add(value);
        }

        @Override
        public void fault(SupvisorsFault fault) {
            faults.add(fault);
        }

        boolean isPending() {
            return values.isEmpty() && faults.isEmpty();
        }

        Object value() {
            assertThat(faults).isEmpty();
            assertThat(values).hasSize(1);
            return values.get(0);
        }

        SupvisorsFault fault() {
            assertThat(values).isEmpty();
            assertThat(faults).hasSize(1);
            return faults.get(0);
        }
    }
}
