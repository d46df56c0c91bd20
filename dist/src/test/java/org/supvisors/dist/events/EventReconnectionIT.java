package org.supvisors.dist.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supvisors.client.event.InstanceStatus;
import org.supvisors.client.event.ProcessEvent;
import org.supvisors.client.event.SupvisorsEventSubscriber;
import org.supvisors.client.event.SupvisorsStatus;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;
import org.supvisors.dist.testing.TestingCluster;

/**
 * Agents restarting under a subscriber: the one it subscribed to (it reconnects to the next one), another one (the
 * {@code supvisors} and {@code instance} topics tell it).
 */
class EventReconnectionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    private static void killAgent(TestingAgent agent) throws Exception {
        int pid = agent.agentPid();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        Await.until(TIMEOUT, () -> assertThat(agent.agentPid()).isNotIn(0, pid));
    }

    @Test
    void the_subscriber_follows_the_restart_of_another_agent_then_reconnects_after_the_restart_of_its_own()
            throws Exception {
        try (TestingCluster cluster = TestingCluster.of("events-restart", List.of("A", "B"), b -> b
                .option("event_link", "WS").option("synchro_options", "STRICT")
                .program("sleeper", "/bin/sleep 1000")).startAll().awaitOperation(TIMEOUT)) {
            String b = cluster.identifier(1);
            EventRecorder recorder = new EventRecorder();
            try (SupvisorsEventSubscriber subscriber = SupvisorsEventSubscriber.webSocket("127.0.0.1",
                    cluster.agent(0).supervisord().httpPort() + 1).subscribeAll().listener(recorder)
                    .reconnectDelay(Duration.ofMillis(200)).start()) {
                Await.until(TIMEOUT, () -> assertThat(subscriber.isConnected()).isTrue());

                killAgent(cluster.agent(1));
                cluster.awaitOperation(TIMEOUT);
                Await.until(TIMEOUT, () -> {
                    assertThat(recorder.of(SupvisorsStatus.class)).anySatisfy(s -> assertThat(
                            s.instanceStates().get(b)).isNotEqualTo("RUNNING"));
                    assertThat(recorder.of(InstanceStatus.class)).anySatisfy(i -> {
                        assertThat(i.identifier()).isEqualTo(b);
                        assertThat(i.statename()).isNotEqualTo("RUNNING");
                    });
                    List<InstanceStatus> instances = recorder.of(InstanceStatus.class);
                    InstanceStatus last = instances.stream().filter(i -> i.identifier().equals(b))
                            .reduce((x, y) -> y).orElseThrow();
                    assertThat(last.statename()).isEqualTo("RUNNING");
                });
                recorder.of(SupvisorsStatus.class).forEach(s -> {
                    EventShapes.assertShape(s.body(), EventShapes.SUPVISORS);
                    assertThat(s.identifier()).isEqualTo(cluster.identifier(0));
                });
                recorder.of(InstanceStatus.class).forEach(i -> EventShapes.assertShape(i.body(),
                        EventShapes.INSTANCE));

                assertThat(recorder.disconnections()).isZero();
                killAgent(cluster.agent(0));
                Await.until(TIMEOUT, () -> assertThat(recorder.disconnections()).isEqualTo(1));
                cluster.awaitOperation(TIMEOUT);
                Await.until(TIMEOUT, () -> assertThat(recorder.connections()).isEqualTo(2));
                recorder.clear();
                cluster.agent(1).supervisor("supervisor.startProcess", "sleeper", false);
                Await.until(TIMEOUT, () -> assertThat(recorder.states("sleeper", b)).contains("STARTING"));
                ProcessEvent starting = recorder.of(ProcessEvent.class).get(0);
                EventShapes.assertShape(starting.body(), EventShapes.EVENT);
                assertThat(starting.nickIdentifier()).isEqualTo("B");
                cluster.agent(1).supervisor("supervisor.stopProcess", "sleeper", true);
            }
        }
    }
}
