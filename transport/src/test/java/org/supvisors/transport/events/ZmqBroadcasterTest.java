package org.supvisors.transport.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supvisors.core.testing.Await;
import org.supvisors.transport.testing.FreePorts;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The ZeroMQ publisher with JeroMQ SUB sockets on 127.0.0.1, in the publisher's context (JeroMQ loses a subscription
 * now and then between two contexts of one JVM).
 */
class ZmqBroadcasterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ZContext context = new ZContext(1);
    private ZmqBroadcaster broadcaster;

    @AfterEach
    void close() {
        if (broadcaster != null) {
            broadcaster.close();
        }
        context.close();
    }

    private ZMQ.Socket subscriber(int port, String... prefixes) {
        ZMQ.Socket socket = context.createSocket(SocketType.SUB);
        socket.setReceiveTimeOut(200);
        for (String prefix : prefixes) {
            socket.subscribe(prefix.getBytes(StandardCharsets.UTF_8));
        }
        socket.connect("tcp://127.0.0.1:" + port);
        return socket;
    }

    private static Map<String, Object> body(int sequence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identifier", "supv-01");
        body.put("sequence", sequence);
        return body;
    }

    /** Publishes a probe until the subscriber receives one: its subscription is in place (PUB/SUB's slow joiner). */
    private void awaitJoined(ZMQ.Socket socket, String topic) {
        Await.until(TIMEOUT, () -> {
            broadcaster.publish(topic, Map.of("probe", true));
            String header = socket.recvStr();
            assertThat(header).isNotNull();
            socket.recvStr();
        });
    }

    /** Receives the probes left. */
    private static void drain(ZMQ.Socket... sockets) {
        for (ZMQ.Socket socket : sockets) {
            while (socket.recvStr() != null) {
                socket.recvStr();
            }
        }
    }

    @Test
    void messages_have_two_parts_topic_and_json_body_and_prefix_filters_select_topics() {
        int port = FreePorts.one();
        broadcaster = new ZmqBroadcaster(EventSettings.of(port), context).start();
        Await.until(TIMEOUT, () -> assertThat(broadcaster.boundPort()).contains(port));
        ZMQ.Socket events = subscriber(port, "event");
        ZMQ.Socket all = subscriber(port, "");
        awaitJoined(events, "event");
        awaitJoined(all, "event");
        drain(events, all);
        for (int i = 0; i < 100; i++) {
            broadcaster.publish("event", body(i));
            broadcaster.publish("process", body(i));
        }
        for (int i = 0; i < 100; i++) {
            assertThat(events.recvStr()).isEqualTo("event");
            assertThat(events.hasReceiveMore()).isTrue();
            assertThat(events.recvStr()).isEqualTo("{\"identifier\": \"supv-01\", \"sequence\": " + i + "}");
            assertThat(events.hasReceiveMore()).isFalse();
        }
        assertThat(events.recvStr()).isNull();
        for (int i = 0; i < 100; i++) {
            assertThat(all.recvStr()).isEqualTo("event");
            all.recvStr();
            assertThat(all.recvStr()).isEqualTo("process");
            assertThat(all.recvStr()).isEqualTo("{\"identifier\": \"supv-01\", \"sequence\": " + i + "}");
        }
    }

    @Test
    void a_busy_port_is_bound_as_soon_as_it_is_free() throws Exception {
        int port = FreePorts.one();
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(port));
            broadcaster = new ZmqBroadcaster(new EventSettings(port, 16, Duration.ofSeconds(20),
                    Duration.ofMillis(100)), context).start();
            broadcaster.publish("event", body(0));
            assertThat(broadcaster.boundPort()).isEmpty();
        }
        Await.until(TIMEOUT, () -> assertThat(broadcaster.boundPort()).contains(port));
        ZMQ.Socket all = subscriber(port, "");
        awaitJoined(all, "supvisors");
        drain(all);
        broadcaster.publish("instance", body(1));
        assertThat(all.recvStr()).isEqualTo("instance");
    }

    @Test
    void publishing_never_blocks_and_drops_the_oldest_beyond_the_limit_when_the_thread_is_behind() {
        int port = FreePorts.one();
        broadcaster = new ZmqBroadcaster(EventSettings.of(port).withQueueLimit(8));
        // not started: nothing takes from the queue
        for (int i = 0; i < 100; i++) {
            broadcaster.publish("event", body(i));
        }
        assertThat(broadcaster.droppedMessages()).isEqualTo(100 - 9);
        broadcaster.close();
    }

    @Test
    void close_unbinds_the_port() throws Exception {
        int port = FreePorts.one();
        broadcaster = new ZmqBroadcaster(EventSettings.of(port), context).start();
        Await.until(TIMEOUT, () -> assertThat(broadcaster.boundPort()).contains(port));
        broadcaster.close();
        Await.until(TIMEOUT, () -> {
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress(port));
            }
        });
    }
}
