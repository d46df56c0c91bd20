package org.supvisors.core.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supvisors.core.effect.LoadLocalGroup;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.testing.CoreFixture;

/**
 * A group of the local supervisord is read once at a time, and read again when something happened to it while it
 * was read: the answer, read before that, would otherwise undo it (a group added with autostarted processes, or
 * removed and added again by update_numprocs, sends many events before its first read is answered).
 */
class LocalGroupReadTest {

    private CoreFixture core;

    @BeforeEach
    void loaded() {
        core = CoreFixture.alone();
        core.supvisors.start();
        core.supvisors.onLocalProcesses(List.of(core.process("web", "web", ProcessState.STOPPED)));
        core.effects.clear();
    }

    @Test
    void when_events_of_unknown_processes_come_during_a_read_then_one_more_read_follows_it() {
        event("late", "late_0", ProcessState.STARTING, ProcessState.STOPPED);
        event("late", "late_1", ProcessState.STARTING, ProcessState.STOPPED);
        event("late", "late_0", ProcessState.RUNNING, ProcessState.STARTING);
        assertThat(core.drain(LoadLocalGroup.class)).containsExactly(new LoadLocalGroup("late"));
        assertThat(core.supvisors.localSupervisor().isReadingGroup("late")).isTrue();

        core.supvisors.onLocalGroup("late", List.of(core.process("late", "late_0", ProcessState.STARTING),
                core.process("late", "late_1", ProcessState.STOPPED)));
        assertThat(core.drain(LoadLocalGroup.class)).containsExactly(new LoadLocalGroup("late"));
        core.supvisors.onLocalGroup("late", List.of(core.process("late", "late_0", ProcessState.RUNNING),
                core.process("late", "late_1", ProcessState.RUNNING)));
        assertThat(core.drain(LoadLocalGroup.class)).isEmpty();
        assertThat(core.supvisors.localSupervisor().isReadingGroup("late")).isFalse();
        assertThat(core.supvisors.api().getLocalProcessInfo("late:late_1")).containsEntry("statename", "RUNNING");
    }

    @Test
    void when_an_answer_may_predate_an_event_then_it_is_not_applied_and_the_group_is_read_again() {
        // a process of the group unknown here (added to it since): the group is read
        event("web", "web_2", ProcessState.STARTING, ProcessState.STOPPED);
        assertThat(core.drain(LoadLocalGroup.class)).containsExactly(new LoadLocalGroup("web"));
        event("web", "web", ProcessState.STARTING, ProcessState.STOPPED);
        event("web", "web", ProcessState.RUNNING, ProcessState.STARTING);
        // read before the start
        core.supvisors.onLocalGroup("web", List.of(core.process("web", "web", ProcessState.STOPPED)));
        assertThat(core.supvisors.api().getLocalProcessInfo("web")).as("the older answer is not applied")
                .containsEntry("statename", "RUNNING");
        assertThat(core.drain(LoadLocalGroup.class)).containsExactly(new LoadLocalGroup("web"));
        core.supvisors.onLocalGroup("web", List.of(core.process("web", "web", ProcessState.RUNNING)));
        assertThat(core.supvisors.api().getLocalProcessInfo("web")).containsEntry("statename", "RUNNING");
        assertThat(core.drain(LoadLocalGroup.class)).isEmpty();
    }

    @Test
    void when_a_group_already_read_is_announced_then_it_is_not_read_again_unless_it_was_removed_first() {
        // the events of supervisord's start come after the agent's first read
        core.supvisors.onSupervisordEvent(new ProcessGroupEvent("web", true));
        assertThat(core.drain(LoadLocalGroup.class)).isEmpty();
        core.supvisors.onSupervisordEvent(new ProcessGroupEvent("web", false));
        core.supvisors.onSupervisordEvent(new ProcessGroupEvent("web", true));
        assertThat(core.drain(LoadLocalGroup.class)).containsExactly(new LoadLocalGroup("web"));
    }

    @Test
    void when_a_read_is_never_answered_then_it_is_given_up_and_asked_again() {
        event("late", "late", ProcessState.STARTING, ProcessState.STOPPED);
        assertThat(core.drain(LoadLocalGroup.class)).hasSize(1);
        core.clock.advance(10);
        event("late", "late", ProcessState.RUNNING, ProcessState.STARTING);
        assertThat(core.drain(LoadLocalGroup.class)).containsExactly(new LoadLocalGroup("late"));
    }

    private void event(String group, String name, ProcessState state, ProcessState from) {
        core.supvisors.onSupervisordEvent(new ProcessStateEvent(group, name, state, from, 0, true, 0));
    }
}
