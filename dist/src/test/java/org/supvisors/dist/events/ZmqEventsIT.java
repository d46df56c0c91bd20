package org.supvisors.dist.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supvisors.client.event.InstanceStatus;
import org.supvisors.client.event.ProcessEvent;
import org.supvisors.client.event.SupvisorsEventSubscriber;
import org.supvisors.client.event.Topic;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingCluster;

/** The ZeroMQ event interface of real agents, read by the client library's ZeroMQ subscriber. */
class ZmqEventsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void a_zeromq_subscriber_receives_the_process_events_of_both_instances_in_order() throws Exception {
        try (TestingCluster cluster = TestingCluster.of("events-zmq", List.of("A", "B"), b -> b
                .option("event_link", "ZMQ").option("synchro_options", "STRICT")
                .program("sleeper", "/bin/sleep 1000")).startAll().awaitOperation(TIMEOUT)) {
            EventRecorder recorder = new EventRecorder();
            try (SupvisorsEventSubscriber subscriber = SupvisorsEventSubscriber.zeroMq("127.0.0.1",
                    cluster.agent(1).supervisord().httpPort() + 1).subscribe(Topic.EVENT, Topic.INSTANCE)
                    .listener(recorder).start()) {
                // the instance ticks (every 5 s) prove the subscriptions have reached the publisher
                Await.until(TIMEOUT, () -> assertThat(recorder.of(InstanceStatus.class)).isNotEmpty());
                for (int i = 0; i < cluster.size(); i++) {
                    cluster.agent(i).supervisor("supervisor.startProcess", "sleeper", true);
                    cluster.agent(i).supervisor("supervisor.stopProcess", "sleeper", true);
                    String identifier = cluster.identifier(i);
                    Await.until(TIMEOUT, () -> assertThat(recorder.states("sleeper", identifier))
                            .containsExactly("STARTING", "RUNNING", "STOPPING", "STOPPED"));
                }
                recorder.of(ProcessEvent.class).forEach(e -> EventShapes.assertShape(e.body(), EventShapes.EVENT));
                recorder.of(InstanceStatus.class).forEach(i -> EventShapes.assertShape(i.body(),
                        EventShapes.INSTANCE));
                assertThat(recorder.of(ProcessEvent.class)).extracting(ProcessEvent::nickIdentifier)
                        .containsOnly("A", "B");
            }
        }
    }
}
