package org.supvisors.transport.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supvisors.core.testing.Await;
import org.supvisors.transport.testing.FreePorts;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

/** The WebSocket publisher on real sockets on 127.0.0.1. */
class WebSocketBroadcasterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private EventLoopGroup loops;
    private WebSocketBroadcaster broadcaster;

    @BeforeEach
    void loops() {
        loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    }

    @AfterEach
    void close() {
        if (broadcaster != null) {
            broadcaster.close();
        }
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private int start(EventSettings settings) {
        broadcaster = new WebSocketBroadcaster(settings).start(loops);
        return Await.value(TIMEOUT, () -> broadcaster.localAddress().map(InetSocketAddress::getPort).orElse(null));
    }

    private void awaitSubscribers(int count) {
        Await.until(TIMEOUT, () -> assertThat(broadcaster.subscriberCount()).isEqualTo(count));
    }

    private static Map<String, Object> body(String name, int sequence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("sequence", sequence);
        return body;
    }

    @Test
    void a_subscriber_receives_only_its_topics_in_order_as_json_arrays_of_topic_and_body() throws Exception {
        int port = start(EventSettings.of(0));
        try (JdkSubscriber events = new JdkSubscriber(port, "/event/process");
             JdkSubscriber all = new JdkSubscriber(port, "/all")) {
            awaitSubscribers(2);
            for (int i = 0; i < 100; i++) {
                broadcaster.publish("event", body("e", i));
                broadcaster.publish("instance", body("i", i));
                broadcaster.publish("process", body("p", i));
            }
            List<String> expected = new ArrayList<>();
            List<String> expectedAll = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                expected.add("[\"event\", {\"name\": \"e\", \"sequence\": " + i + "}]");
                expectedAll.add("[\"event\", {\"name\": \"e\", \"sequence\": " + i + "}]");
                expectedAll.add("[\"instance\", {\"name\": \"i\", \"sequence\": " + i + "}]");
                expected.add("[\"process\", {\"name\": \"p\", \"sequence\": " + i + "}]");
                expectedAll.add("[\"process\", {\"name\": \"p\", \"sequence\": " + i + "}]");
            }
            assertThat(events.take(200)).isEqualTo(expected);
            assertThat(all.take(300)).isEqualTo(expectedAll);
            assertThat(events.texts).isEmpty();
        }
    }

    @Test
    void each_message_is_one_unmasked_final_text_frame() throws Exception {
        int port = start(EventSettings.of(0));
        try (RawSubscriber raw = RawSubscriber.connect(port, 0)) {
            String head = raw.request(RawSubscriber.upgradeRequest("/supvisors"));
            assertThat(head).startsWith("HTTP/1.1 101 Switching Protocols\r\n")
                    .contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
            awaitSubscribers(1);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("fsm_statename", "OPERATION");
            body.put("now_monotonic", 12.5);
            broadcaster.publish("supvisors", body);
            RawSubscriber.Frame frame = raw.readFrame();
            assertThat(frame.fin()).isTrue();
            assertThat(frame.opcode()).isEqualTo(1);
            assertThat(frame.text()).isEqualTo("[\"supvisors\", {\"fsm_statename\": \"OPERATION\","
                    + " \"now_monotonic\": 12.5}]");
        }
    }

    @Test
    void a_subscriber_to_the_root_receives_nothing() throws Exception {
        int port = start(EventSettings.of(0));
        try (JdkSubscriber nothing = new JdkSubscriber(port, "/");
             JdkSubscriber all = new JdkSubscriber(port, "/all")) {
            awaitSubscribers(2);
            broadcaster.publish("event", body("e", 1));
            all.take(1);
            broadcaster.publish("application", body("a", 2));
            all.take(1);
            assertThat(nothing.texts).isEmpty();
        }
    }

    @Test
    void malformed_subscription_paths_are_refused_with_a_reason() throws Exception {
        int port = start(EventSettings.of(0));
        assertRefused(port, RawSubscriber.upgradeRequest("/proces"), "400 Bad Request",
                "subscription path: /proces names no topic (expected: segments among all, supvisors, instance,"
                        + " application, event, process, hstats, pstats, e.g. /all or /event/process)");
        assertRefused(port, RawSubscriber.upgradeRequest("/all?x=1"), "400 Bad Request",
                "subscription path: '/all?x=1' has '?' at 4");
        assertRefused(port, "GET /all HTTP/1.1\r\nHost: x\r\n\r\n", "426 Upgrade Required",
                "this port serves the Supvisors event interface: a WebSocket client is expected");
        assertRefused(port, "POST /all HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", "405 Method Not Allowed",
                "method: POST (expected: GET, a WebSocket upgrade");
        assertRefused(port, RawSubscriber.upgradeRequest("/all").replace("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ"
                + "==\r\n", ""), "400 Bad Request", "WebSocket handshake: ");
        assertThat(broadcaster.subscriberCount()).isZero();
    }

    private static void assertRefused(int port, String request, String status, String reason) throws Exception {
        try (RawSubscriber raw = RawSubscriber.connect(port, 0)) {
            assertThat(raw.request(request)).startsWith("HTTP/1.1 " + status + "\r\n").contains("connection: close");
            assertThat(raw.readToEnd()).startsWith(reason);
        }
    }

    @Test
    void a_subscriber_that_stops_reading_loses_its_oldest_messages_while_another_receives_everything()
            throws Exception {
        int limit = 64;
        int port = start(EventSettings.of(0).withQueueLimit(limit));
        int count = 10_000;
        try (RawSubscriber stuck = RawSubscriber.connect(port, 4096);
             JdkSubscriber reader = new JdkSubscriber(port, "/event")) {
            stuck.request(RawSubscriber.upgradeRequest("/event"));
            awaitSubscribers(2);
            String padding = "z".repeat(400);
            long longest = 0;
            List<String> received = new ArrayList<>();
            // the reader keeps up: never more than 50 messages (< limit) on their way to it
            for (int i = 0; i < count; i++) {
                Map<String, Object> body = body(padding, i);
                long start = System.nanoTime();
                broadcaster.publish("event", body);
                longest = Math.max(longest, System.nanoTime() - start);
                if (i % 50 == 49) {
                    received.addAll(reader.take(50));
                }
            }
            for (int i = 0; i < count; i++) {
                assertThat(received.get(i)).endsWith("\"sequence\": " + i + "}]");
            }
            // the stuck one holds at most its limit beyond the sockets' and Netty's buffers (~400 KiB): the rest was
            // dropped
            Await.until(TIMEOUT, () -> assertThat(broadcaster.droppedMessages()).isGreaterThan(count / 2));
            assertThat(TimeUnit.NANOSECONDS.toMillis(longest)).as("longest publish call, ms").isLessThan(500);
            // what it reads at last is in order, with a gap where messages were dropped
            int previous = -1;
            boolean gap = false;
            for (int i = 0; i < 50; i++) {
                String text = stuck.readFrame().text();
                int sequence = Integer.parseInt(text.substring(text.lastIndexOf(' ') + 1, text.length() - 2));
                assertThat(sequence).isGreaterThan(previous);
                gap |= previous >= 0 && sequence != previous + 1;
                previous = sequence;
            }
            while (previous < count - 1) {
                String text = stuck.readFrame().text();
                int sequence = Integer.parseInt(text.substring(text.lastIndexOf(' ') + 1, text.length() - 2));
                assertThat(sequence).isGreaterThan(previous);
                gap |= sequence != previous + 1;
                previous = sequence;
            }
            assertThat(gap).as("a gap where the oldest were dropped").isTrue();
        }
    }

    @Test
    void a_subscriber_that_does_not_answer_pings_is_closed_and_one_that_does_stays() throws Exception {
        int port = start(EventSettings.of(0).withKeepalive(Duration.ofMillis(200)));
        try (RawSubscriber silent = RawSubscriber.connect(port, 0);
             JdkSubscriber answering = new JdkSubscriber(port, "/all")) {
            silent.request(RawSubscriber.upgradeRequest("/all"));
            awaitSubscribers(2);
            RawSubscriber.Frame ping = silent.readFrame();
            assertThat(ping.opcode()).isEqualTo(9);
            Await.until(TIMEOUT, () -> assertThat(broadcaster.subscriberCount()).isEqualTo(1));
            assertThat(silent.isClosedByPeer()).isTrue();
            // several keepalive periods later, the JDK client (which answers pings) still receives
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000);
            while (System.nanoTime() < until) {
                broadcaster.publish("event", body("e", 0));
                assertThat(answering.take(1)).hasSize(1);
                assertThat(answering.closed).isFalse();
                Thread.onSpinWait();
            }
            assertThat(broadcaster.subscriberCount()).isEqualTo(1);
        }
    }

    @Test
    void pings_of_a_subscriber_are_answered_and_its_close_is_acknowledged() throws Exception {
        int port = start(EventSettings.of(0));
        try (RawSubscriber raw = RawSubscriber.connect(port, 0)) {
            raw.request(RawSubscriber.upgradeRequest("/all"));
            awaitSubscribers(1);
            raw.send(9, "hi".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            RawSubscriber.Frame pong = raw.readFrame();
            assertThat(pong.opcode()).isEqualTo(10);
            assertThat(pong.text()).isEqualTo("hi");
            raw.send(8, new byte[] {0x03, (byte) 0xe8});
            assertThat(raw.readFrame().opcode()).isEqualTo(8);
            Await.until(TIMEOUT, () -> assertThat(broadcaster.subscriberCount()).isZero());
        }
    }

    @Test
    void a_busy_port_is_bound_as_soon_as_it_is_free() throws Exception {
        int port = FreePorts.one();
        ServerSocket busy = new ServerSocket();
        busy.setReuseAddress(true);
        busy.bind(new InetSocketAddress(port));
        try {
            broadcaster = new WebSocketBroadcaster(new EventSettings(port, 16, Duration.ofSeconds(20),
                    Duration.ofMillis(100))).start(loops);
            Await.until(Duration.ofMillis(300), () -> {
                throw new AssertionError("keep trying for a while");
            });
        } catch (AssertionError expected) {
            assertThat(broadcaster.localAddress()).isEmpty();
        } finally {
            busy.close();
        }
        Await.until(TIMEOUT, () -> assertThat(broadcaster.localAddress()).isPresent());
        try (JdkSubscriber all = new JdkSubscriber(port, "/all")) {
            awaitSubscribers(1);
            broadcaster.publish("hstats", body("h", 1));
            assertThat(all.take(1)).containsExactly("[\"hstats\", {\"name\": \"h\", \"sequence\": 1}]");
        }
    }

    @Test
    void a_message_that_cannot_be_encoded_is_dropped_and_the_next_goes_through() throws Exception {
        int port = start(EventSettings.of(0));
        try (JdkSubscriber all = new JdkSubscriber(port, "/all")) {
            awaitSubscribers(1);
            broadcaster.publish("pstats", Map.of("cpu", Double.NaN));
            broadcaster.publish("nonsense", body("n", 0));
            broadcaster.publish("pstats", body("p", 2));
            assertThat(all.take(1)).containsExactly("[\"pstats\", {\"name\": \"p\", \"sequence\": 2}]");
        }
    }

    @Test
    void close_disconnects_every_subscriber() throws Exception {
        int port = start(EventSettings.of(0));
        JdkSubscriber all = new JdkSubscriber(port, "/all");
        awaitSubscribers(1);
        broadcaster.close();
        Await.until(TIMEOUT, () -> assertThat(all.closed).isTrue());
        all.close();
    }
}
