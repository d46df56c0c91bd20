package org.supvisors.client.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The subscriber against a minimal WebSocket publisher and a JeroMQ PUB socket, on 127.0.0.1. */
class SupvisorsEventSubscriberTest {

    private static final Duration FAST = Duration.ofMillis(100);

    /** Records what the subscriber receives. */
    private static final class Recorder implements SupvisorsEventListener {
        final BlockingQueue<SupvisorsEvent> events = new LinkedBlockingQueue<>();
        final BlockingQueue<String> connections = new LinkedBlockingQueue<>();

        @Override
        public void onEvent(SupvisorsEvent event) {
            events.add(event);
        }

        @Override
        public void onConnected(URI endpoint) {
            connections.add("connected");
        }

        @Override
        public void onDisconnected(URI endpoint, String reason) {
            connections.add("disconnected");
        }

        SupvisorsEvent next() throws InterruptedException {
            SupvisorsEvent event = events.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("an event within 10 s").isNotNull();
            return event;
        }

        String nextConnection() throws InterruptedException {
            String change = connections.poll(10, TimeUnit.SECONDS);
            assertThat(change).as("a connection change within 10 s").isNotNull();
            return change;
        }
    }

    @Test
    void websocket_subscriptions_form_the_path_and_messages_arrive_typed_and_in_order() throws Exception {
        try (TinyWebSocketServer server = new TinyWebSocketServer(0)) {
            Recorder recorder = new Recorder();
            try (SupvisorsEventSubscriber subscriber = SupvisorsEventSubscriber.webSocket("127.0.0.1", server.port())
                    .subscribe(Topic.EVENT, Topic.PROCESS).listener(recorder).reconnectDelay(FAST).start()) {
                assertThat(server.paths.poll(10, TimeUnit.SECONDS)).isEqualTo("/event/process");
                assertThat(recorder.nextConnection()).isEqualTo("connected");
                for (int i = 0; i < 50; i++) {
                    server.send("[\"event\", {\"group\": \"g\", \"name\": \"p\", \"pid\": " + i + "}]");
                    server.send("[\"process\", {\"application_name\": \"g\", \"process_name\": \"p\"}]");
                }
                server.send("[\"supvisors\", {}]");   // not subscribed: ignored
                server.send("[\"bogus\", {}]");       // unknown topic: logged, ignored
                server.send("not json");             // logged, ignored
                server.send("[\"event\", {\"pid\": 99}]");
                for (int i = 0; i < 50; i++) {
                    assertThat(((ProcessEvent) recorder.next()).pid()).isEqualTo(i);
                    assertThat(recorder.next()).isInstanceOf(ProcessStatus.class);
                }
                assertThat(((ProcessEvent) recorder.next()).pid()).isEqualTo(99);
                assertThat(subscriber.received()).isEqualTo(101);
            }
        }
    }

    @Test
    void websocket_reconnects_after_the_publisher_drops_it_and_after_a_change_of_subscriptions() throws Exception {
        try (TinyWebSocketServer server = new TinyWebSocketServer(0)) {
            Recorder recorder = new Recorder();
            try (SupvisorsEventSubscriber subscriber = SupvisorsEventSubscriber.webSocket("127.0.0.1", server.port())
                    .subscribeAll().listener(recorder).reconnectDelay(FAST).start()) {
                assertThat(server.paths.poll(10, TimeUnit.SECONDS)).isEqualTo("/all");
                assertThat(recorder.nextConnection()).isEqualTo("connected");
                server.dropAll();
                assertThat(recorder.nextConnection()).isEqualTo("disconnected");
                assertThat(server.paths.poll(10, TimeUnit.SECONDS)).isEqualTo("/all");
                assertThat(recorder.nextConnection()).isEqualTo("connected");
                assertThat(subscriber.isConnected()).isTrue();
                server.send("[\"instance\", {\"identifier\": \"a\"}]");
                assertThat(((InstanceStatus) recorder.next()).identifier()).isEqualTo("a");

                subscriber.unsubscribe(Topic.HSTATS, Topic.PSTATS);
                assertThat(server.paths.poll(10, TimeUnit.SECONDS))
                        .isEqualTo("/supvisors/instance/application/event/process");
                assertThat(subscriber.subscriptions()).doesNotContain(Topic.HSTATS);
            }
        }
    }

    @Test
    void websocket_keeps_trying_while_no_publisher_listens() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Recorder recorder = new Recorder();
        try (SupvisorsEventSubscriber subscriber = SupvisorsEventSubscriber.webSocket("127.0.0.1", port)
                .subscribe(Topic.SUPVISORS).listener(recorder).reconnectDelay(FAST).start()) {
            assertThat(recorder.connections.poll(500, TimeUnit.MILLISECONDS)).isNull();
            try (TinyWebSocketServer server = new TinyWebSocketServer(port)) {
                assertThat(recorder.nextConnection()).isEqualTo("connected");
                assertThat(server.paths.poll(10, TimeUnit.SECONDS)).isEqualTo("/supvisors");
            }
        }
    }

    @Test
    void zeromq_receives_two_part_messages_of_its_topics_and_reconnects_to_a_new_publisher() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Recorder recorder = new Recorder();
        ZContext context = ZmqContexts.shared();
        try (SupvisorsEventSubscriber subscriber = SupvisorsEventSubscriber.zeroMq("127.0.0.1", port)
                     .zmqContext(ZmqContexts.shared()).subscribe(Topic.APPLICATION).listener(recorder)
                     .reconnectDelay(FAST).start()) {
            for (int round = 0; round < 2; round++) {
                ZMQ.Socket publisher = context.createSocket(SocketType.PUB);
                publisher.setLinger(0);
                bindSoon(publisher, port);
                assertThat(recorder.nextConnection()).isEqualTo("connected");
                // PUB/SUB: publish until the subscription has reached the publisher
                SupvisorsEvent first = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (first == null && System.nanoTime() < deadline) {
                    publisher.sendMore("event");
                    publisher.send("{}");
                    publisher.sendMore("application");
                    publisher.send("{\"application_name\": \"web\", \"statename\": \"RUNNING\"}");
                    first = recorder.events.poll(50, TimeUnit.MILLISECONDS);
                }
                assertThat(first).isInstanceOf(ApplicationStatus.class);
                assertThat(((ApplicationStatus) first).applicationName()).isEqualTo("web");
                context.destroySocket(publisher);
                assertThat(recorder.nextConnection()).isEqualTo("disconnected");
                recorder.events.clear();
            }
            assertThat(recorder.events).isEmpty();
        }
    }

    /** Binds, retrying while the previous publisher's port is being released (closing is asynchronous). */
    private static void bindSoon(ZMQ.Socket publisher, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                publisher.bind("tcp://127.0.0.1:" + port);
                return;
            } catch (org.zeromq.ZMQException busy) {
                if (System.nanoTime() > deadline) {
                    throw busy;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
            }
        }
    }

    @Test
    void zeromq_subscriptions_change_on_the_live_socket() throws Exception {
        Recorder recorder = new Recorder();
        // one context for both ends (see ZmqContexts)
        ZContext context = ZmqContexts.shared();
        ZMQ.Socket publisher = context.createSocket(SocketType.PUB);
        try {
            publisher.setLinger(0);
            int port = publisher.bindToRandomPort("tcp://127.0.0.1");
            try (SupvisorsEventSubscriber subscriber = SupvisorsEventSubscriber.zeroMq("127.0.0.1", port)
                    .subscribe(Topic.HSTATS).listener(recorder).reconnectDelay(FAST).start()) {
                assertThat(receiveWhilePublishing(publisher, recorder, "hstats")).isInstanceOf(HostStatistics.class);
                subscriber.unsubscribe(Topic.HSTATS);
                subscriber.subscribe(Topic.PSTATS);
                SupvisorsEvent next = receiveWhilePublishing(publisher, recorder, "pstats");
                // hstats messages still on their way when the change happened are filtered out
                assertThat(next).isInstanceOf(ProcessStatistics.class);
            }
        } finally {
            context.destroySocket(publisher);
        }
    }

    private static SupvisorsEvent receiveWhilePublishing(ZMQ.Socket publisher, Recorder recorder, String topic)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (String each : List.of("hstats", "pstats")) {
                publisher.sendMore(each);
                publisher.send("{\"identifier\": \"x\"}".getBytes(StandardCharsets.UTF_8), 0);
            }
            SupvisorsEvent event = recorder.events.poll(50, TimeUnit.MILLISECONDS);
            if (event != null && event.topic().wireName().equals(topic)) {
                recorder.events.clear();
                return event;
            }
            assertThat(event == null || event.topic().wireName().equals("hstats")).isTrue();
        }
        throw new AssertionError("no " + topic + " message within 10 s");
    }

    @Test
    void lifecycle_and_options_are_checked() {
        SupvisorsEventSubscriber subscriber = SupvisorsEventSubscriber.webSocket("localhost", 60002).build();
        subscriber.close();
        assertThatThrownBy(subscriber::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("subscriber of ws://localhost:60002/: CLOSED (expected: started once)");
        assertThatThrownBy(() -> SupvisorsEventSubscriber.zeroMq("localhost", 0)).isInstanceOf(
                IllegalArgumentException.class).hasMessage("port: 0 (expected: in [1;65535])");
        assertThatThrownBy(() -> SupvisorsEventSubscriber.zeroMq("localhost", 1)
                .httpClient(java.net.http.HttpClient.newHttpClient())).isInstanceOf(IllegalStateException.class)
                .hasMessage("httpClient: a ZMQ subscriber (expected: WS)");
        assertThat(WebSocketLoop.url(URI.create("ws://h:1/"), java.util.EnumSet.allOf(Topic.class)).toString())
                .isEqualTo("ws://h:1/all");
        assertThat(WebSocketLoop.url(URI.create("ws://h:1/"), java.util.Set.of()).toString()).isEqualTo("ws://h:1/");
    }
}
