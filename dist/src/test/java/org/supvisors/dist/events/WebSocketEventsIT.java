package org.supvisors.dist.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supvisors.client.event.ApplicationStatus;
import org.supvisors.client.event.InstanceStatus;
import org.supvisors.client.event.ProcessEvent;
import org.supvisors.client.event.ProcessStatus;
import org.supvisors.client.event.SupvisorsEvent;
import org.supvisors.client.event.SupvisorsEventSubscriber;
import org.supvisors.client.event.Topic;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingCluster;

/** The WebSocket event interface of real agents on two real supervisord instances. */
class WebSocketEventsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int BURST = 30;
    private static TestingCluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = TestingCluster.of("events-ws", List.of("A", "B"), b -> {
            b.option("event_link", "WS").option("synchro_options", "STRICT")
                    .program("sleeper", "/bin/sleep 1000");
            StringBuilder group = new StringBuilder("[group:burst]\nprograms = ");
            for (int i = 0; i < BURST; i++) {
                b.program(String.format("b%02d", i), "/bin/sleep 1000", "startsecs = 0");
                group.append(i == 0 ? "" : ",").append(String.format("b%02d", i));
            }
            b.section(group + "\n");
        }).startAll().awaitOperation(TIMEOUT);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void idle() throws Exception {
        for (int i = 0; i < cluster.size(); i++) {
            int index = i;
            Await.until(TIMEOUT, () -> assertThat(cluster.agent(index).processState("sleeper"))
                    .isIn("STOPPED", "EXITED"));
        }
    }

    private static int eventPort(int index) {
        return cluster.agent(index).supervisord().httpPort() + 1;
    }

    private static SupvisorsEventSubscriber subscribe(int index, EventRecorder recorder, Topic... topics) {
        SupvisorsEventSubscriber subscriber = SupvisorsEventSubscriber.webSocket("127.0.0.1", eventPort(index))
                .subscribe(topics).listener(recorder).reconnectDelay(Duration.ofMillis(200)).start();
        Await.until(TIMEOUT, () -> assertThat(subscriber.isConnected()).isTrue());
        return subscriber;
    }

    @Test
    void a_subscriber_on_one_instance_receives_the_process_events_of_every_instance_in_order() throws Exception {
        EventRecorder recorder = new EventRecorder();
        try (SupvisorsEventSubscriber subscriber = subscribe(0, recorder, Topic.EVENT, Topic.PROCESS,
                Topic.APPLICATION)) {
            for (int i = 0; i < cluster.size(); i++) {
                cluster.agent(i).supervisor("supervisor.startProcess", "sleeper", true);
                cluster.agent(i).supervisor("supervisor.stopProcess", "sleeper", true);
                String identifier = cluster.identifier(i);
                Await.until(TIMEOUT, () -> assertThat(recorder.states("sleeper", identifier))
                        .containsExactly("STARTING", "RUNNING", "STOPPING", "STOPPED"));
            }
            List<SupvisorsEvent> all = recorder.all();
            int checked = 0;
            for (int at = 0; at < all.size(); at++) {
                if (!(all.get(at) instanceof ProcessEvent) || !((ProcessEvent) all.get(at)).name().equals("sleeper")) {
                    continue;
                }
                ProcessEvent event = (ProcessEvent) all.get(at);
                EventShapes.assertShape(event.body(), EventShapes.EVENT);
                assertThat(event.kind()).isEqualTo(ProcessEvent.Kind.STATE_CHANGE);
                assertThat(event.group()).isEqualTo("sleeper");
                int index = event.identifier().equals(cluster.identifier(0)) ? 0 : 1;
                assertThat(event.nickIdentifier()).isEqualTo(cluster.nick(index));
                if (event.state() == 10 || event.state() == 20) {
                    assertThat(event.pid() != 0).as("pid of %s", event.stateName()).isEqualTo(event.state() == 20);
                }
                // event, then process, then application (event-interface.md §5)
                assertThat(all.get(at + 1)).isInstanceOf(ProcessStatus.class);
                assertThat(((ProcessStatus) all.get(at + 1)).processName()).isEqualTo("sleeper");
                EventShapes.assertShape(all.get(at + 1).body(), EventShapes.PROCESS);
                assertThat(all.get(at + 2)).isInstanceOf(ApplicationStatus.class);
                assertThat(((ApplicationStatus) all.get(at + 2)).applicationName()).isEqualTo("sleeper");
                EventShapes.assertShape(all.get(at + 2).body(), EventShapes.APPLICATION);
                checked++;
            }
            assertThat(checked).isEqualTo(8);
            ProcessStatus running = recorder.of(ProcessStatus.class).stream()
                    .filter(p -> p.statename().equals("RUNNING")).findFirst().orElseThrow();
            assertThat(running.identifiers()).containsExactly(cluster.identifier(0));
        }
    }

    @Test
    void instance_event_process_and_application_messages_have_their_structure() throws Exception {
        EventRecorder recorder = new EventRecorder();
        try (SupvisorsEventSubscriber subscriber = SupvisorsEventSubscriber.webSocket("127.0.0.1", eventPort(1))
                .subscribeAll().listener(recorder).start()) {
            Await.until(TIMEOUT, () -> assertThat(subscriber.isConnected()).isTrue());
            cluster.agent(0).supervisor("supervisor.startProcess", "sleeper", true);
            cluster.agent(0).supervisor("supervisor.stopProcess", "sleeper", true);
            // instance: every local tick (5 s) and every tick received from the other instance
            Await.until(TIMEOUT, () -> {
                List<String> ticking = recorder.of(InstanceStatus.class).stream().map(InstanceStatus::identifier)
                        .distinct().sorted().collect(Collectors.toList());
                assertThat(ticking).containsExactlyInAnyOrder(cluster.identifier(0), cluster.identifier(1));
                assertThat(recorder.states("sleeper", cluster.identifier(0))).contains("STOPPED");
            });
            for (InstanceStatus instance : recorder.of(InstanceStatus.class)) {
                EventShapes.assertShape(instance.body(), EventShapes.INSTANCE);
                assertThat(instance.statename()).isEqualTo("RUNNING");
            }
            for (ProcessEvent event : recorder.of(ProcessEvent.class)) {
                EventShapes.assertShape(event.body(), EventShapes.EVENT);
            }
            recorder.of(ProcessStatus.class).forEach(p -> EventShapes.assertShape(p.body(), EventShapes.PROCESS));
            recorder.of(ApplicationStatus.class).forEach(a -> EventShapes.assertShape(a.body(),
                    EventShapes.APPLICATION));
            // supvisors: published on changes of state & modes only: see EventReconnectionIT
        }
    }

    @Test
    void a_subscriber_that_stops_reading_loses_messages_while_another_keeps_receiving_everything_in_order()
            throws Exception {
        EventRecorder recorder = new EventRecorder();
        int rounds = 10;
        try (Socket stuck = stuckSubscriber(eventPort(0));
             SupvisorsEventSubscriber subscriber = subscribe(0, recorder, Topic.EVENT)) {
            for (int round = 0; round < rounds; round++) {
                cluster.agent(0).supervisor("supervisor.startProcessGroup", "burst", true);
                cluster.agent(0).supervisor("supervisor.stopProcessGroup", "burst", true);
            }
            List<String> expected = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                expected.addAll(List.of("STARTING", "RUNNING", "STOPPING", "STOPPED"));
            }
            List<String> programs = IntStream.range(0, BURST).mapToObj(i -> String.format("b%02d", i))
                    .collect(Collectors.toList());
            Await.until(TIMEOUT, () -> {
                for (String program : programs) {
                    assertThat(recorder.states(program, cluster.identifier(0))).as(program)
                            .containsExactlyElementsOf(expected);
                }
            });
            Await.until(TIMEOUT, () -> assertThat(cluster.agent(0).agentLog())
                    .contains("does not keep up: its oldest messages are dropped (more than 1024 waiting)"));
            assertThat(stuck.isClosed()).isFalse();
        }
    }

    /** Subscribes to everything with a tiny receive buffer, and never reads. */
    private static Socket stuckSubscriber(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(5000);
        assertThat(exchange(socket, upgrade("/all"))).startsWith("HTTP/1.1 101 ");
        return socket;
    }

    @Test
    void malformed_subscription_paths_are_refused_with_the_reason() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", eventPort(0))) {
            socket.setSoTimeout(5000);
            String answer = exchange(socket, upgrade("/proces"));
            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n");
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .startsWith("subscription path: /proces names no topic (expected: segments among all,");
        }
        try (Socket socket = new Socket("127.0.0.1", eventPort(0))) {
            socket.setSoTimeout(5000);
            assertThat(exchange(socket, "GET /all HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith(
                    "HTTP/1.1 426 Upgrade Required\r\n");
        }
        Await.until(TIMEOUT, () -> assertThat(cluster.agent(0).agentLog()).contains("event subscriber",
                "refused: subscription path: /proces names no topic"));
    }

    static String upgrade(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    }

    /** Writes a request and reads the answer's head. */
    static String exchange(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

}
