package org.supvisors.core.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.supvisors.core.config.EventLink;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.effect.PublishEvent;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.supervisor.ProcessGroupEvent;
import org.supvisors.core.supervisor.ProcessStateEvent;
import org.supvisors.core.testing.CoreFixture;

class EventPublisherTest {

    private static CoreFixture started() {
        CoreFixture core = CoreFixture.of(SupvisorsOptions.builder().eventLink(EventLink.WS), "localhost:60000",
                "localhost:60000");
        core.supvisors.start();
        core.supvisors.onLocalProcesses(List.of(core.process("web", "web", ProcessState.STOPPED)));
        core.effects.clear();
        return core;
    }

    @Test
    void a_process_change_publishes_event_then_process_then_application() {
        CoreFixture core = started();
        core.supvisors.onSupervisordEvent(new ProcessStateEvent("web", "web", ProcessState.STARTING,
                ProcessState.STOPPED, 0, true, 0));
        List<PublishEvent> events = core.drain(PublishEvent.class);
        assertThat(events.stream().map(PublishEvent::topic).collect(Collectors.toList()))
                .containsSubsequence("event", "process", "application");
        PublishEvent event = events.stream().filter(e -> e.topic().equals("event")).findFirst().orElseThrow();
        assertThat(event.body()).containsEntry("identifier", "localhost:60000").containsEntry("group", "web")
                .containsEntry("state", 10).containsEntry("disabled", false).containsKey("event_mtime");
        assertThat(events.stream().filter(e -> e.topic().equals("process")).findFirst().orElseThrow().body())
                .containsEntry("statename", "STARTING");
        assertThat(events.stream().filter(e -> e.topic().equals("application")).findFirst().orElseThrow().body())
                .containsEntry("statename", "STARTING");
    }

    @Test
    void a_removed_group_publishes_the_removal_and_deleted_statuses() {
        CoreFixture core = started();
        core.supvisors.onSupervisordEvent(new ProcessGroupEvent("web", false));
        List<PublishEvent> events = core.drain(PublishEvent.class);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.topic()).isEqualTo("event");
            assertThat(e.body()).containsEntry("state", -1).containsEntry("name", "web");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.topic()).isEqualTo("process");
            assertThat(e.body()).containsEntry("statecode", -1).containsEntry("statename", "DELETED");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.topic()).isEqualTo("application");
            assertThat(e.body()).containsEntry("statecode", 4).containsEntry("statename", "DELETED");
        });
    }

    @Test
    void the_supvisors_status_is_published_when_it_changes_and_the_local_instance_at_every_tick() {
        CoreFixture core = started();
        core.clock.advance(5.0);
        core.supvisors.onTimer();
        List<PublishEvent> events = core.drain(PublishEvent.class);
        assertThat(events).anySatisfy(e -> assertThat(e.topic()).isEqualTo("instance"));
        assertThat(events).noneSatisfy(e -> assertThat(e.topic()).isEqualTo("supvisors"));
    }

    @Test
    void without_event_link_nothing_is_published() {
        CoreFixture core = CoreFixture.alone();
        core.supvisors.start();
        core.supvisors.onLocalProcesses(List.of(core.process("web", "web", ProcessState.STOPPED)));
        assertThat(core.drain(PublishEvent.class)).isEmpty();
    }
}
