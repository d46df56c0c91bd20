package org.supvisors.transport.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.core.testing.Await;

/** Real sockets: instances on the loopback interface, on a group and port of their own for each test. */
class DiscoveryTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private InetSocketAddress group;

    @BeforeEach
    void aGroupOfItsOwn() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        group = new InetSocketAddress(InetAddress.getByName("239.255." + random.nextInt(1, 255) + "."
                + random.nextInt(1, 255)), random.nextInt(20000, 59000));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void two_instances_hear_each_other_but_not_themselves() {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        start(announcement("a", 9001, "@SERVER"), a, Duration.ofSeconds(5), 3);
        start(announcement("b", 9002), b, Duration.ofSeconds(5), 3);
        Await.until(WAIT, () -> {
            assertThat(a.nicks()).containsExactly("b");
            assertThat(b.nicks()).containsExactly("a");
        });
        assertThat(b.heard.get(0).stereotypes()).containsExactly("@SERVER");
    }

    @Test
    void a_newcomer_is_answered_at_once_rather_than_at_the_next_period() throws Exception {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        try (DatagramChannel witness = member()) {
            start(announcement("a", 9001), a, Duration.ofSeconds(60), 1);
            assertThat(receive(witness)).contains("\"nick_identifier\": \"a\"");
            // a has sent its only announcement of the next minute: b can only learn a from its answer
            start(announcement("b", 9002), b, Duration.ofSeconds(60), 1);
            Await.until(Duration.ofSeconds(3), () -> assertThat(b.nicks()).containsExactly("a"));
            assertThat(a.nicks()).containsExactly("b");
        }
    }

    @Test
    void malformed_datagrams_and_repeats_are_not_passed_on() throws Exception {
        Recorder a = new Recorder();
        try (DatagramChannel raw = member()) {
            start(announcement("a", 9001), a, Duration.ofSeconds(60), 1);
            receive(raw);
            send(raw, "[4, {\"identifier\": \"x:1\"}]");
            send(raw, "not json");
            send(raw, new String(AnnouncementCodec.encode(announcement("c", 9003)), StandardCharsets.US_ASCII));
            send(raw, new String(AnnouncementCodec.encode(announcement("c", 9003)), StandardCharsets.US_ASCII));
            send(raw, new String(AnnouncementCodec.encode(announcement("c", 9003, "@LATE")),
                    StandardCharsets.US_ASCII));
            send(raw, new String(AnnouncementCodec.encode(announcement("d", 9004)), StandardCharsets.US_ASCII));
            Await.until(WAIT, () -> assertThat(a.nicks()).containsExactly("c", "c", "d"));
            assertThat(a.heard.get(1).stereotypes()).containsExactly("@LATE");
        }
    }

    @Test
    void an_announcement_claiming_the_local_identifier_is_not_passed_on() throws Exception {
        Recorder a = new Recorder();
        try (DatagramChannel raw = member()) {
            start(announcement("a", 9001), a, Duration.ofSeconds(60), 1);
            receive(raw);
            Announcement impostor = new Announcement(new InstanceIdentity("127.0.0.1:9001", "impostor", "127.0.0.1",
                    9001), List.of());
            send(raw, new String(AnnouncementCodec.encode(impostor), StandardCharsets.US_ASCII));
            send(raw, new String(AnnouncementCodec.encode(announcement("d", 9004)), StandardCharsets.US_ASCII));
            Await.until(WAIT, () -> assertThat(a.nicks()).containsExactly("d"));
        }
    }

    @Test
    void an_interface_address_that_is_not_local_is_refused_with_its_value() {
        assertThatThrownBy(() -> MulticastEndpoint.networkInterface(group,
                Optional.of(InetAddress.getByName("192.0.2.123"))))
                .isInstanceOf(IOException.class)
                .hasMessage("multicast_interface 192.0.2.123 is no address of this host");
    }

    @Test
    void a_discovery_that_cannot_join_does_not_throw_and_its_thread_ends_on_close() {
        DiscoverySettings unusable = new DiscoverySettings(group, Optional.of(addressOf("192.0.2.123")), 1,
                announcement("a", 9001), Duration.ofSeconds(5), 1);
        Discovery discovery = Discovery.start(unusable, (announcement, sender) -> { });
        Await.until(WAIT, () -> assertThat(discoveryThreads()).isNotEmpty());
        discovery.close();
        assertThat(discoveryThreads()).isEmpty();
    }

    @Test
    void closing_ends_the_thread_of_a_running_discovery() {
        start(announcement("a", 9001), new Recorder(), Duration.ofSeconds(5), 1).close();
        assertThat(discoveryThreads()).isEmpty();
    }

    // ---- helpers

    private Discovery start(Announcement local, DiscoveryListener listener, Duration period, int quickStart) {
        Discovery discovery = Discovery.start(new DiscoverySettings(group, Optional.of(LOOPBACK), 1, local, period,
                quickStart), listener);
        opened.add(discovery);
        return discovery;
    }

    private static Announcement announcement(String nick, int port, String... stereotypes) {
        return new Announcement(new InstanceIdentity("127.0.0.1:" + port, nick, "127.0.0.1", port),
                List.of(stereotypes));
    }

    /** A raw member of the group on loopback, to see and to send datagrams. */
    private DatagramChannel member() throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        channel.bind(group);
        NetworkInterface lo = NetworkInterface.getByInetAddress(LOOPBACK);
        channel.join(group.getAddress(), lo);
        channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, lo);
        channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
        return channel;
    }

    private static String receive(DatagramChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        channel.receive(buffer);
        buffer.flip();
        return StandardCharsets.UTF_8.decode(buffer).toString();
    }

    private void send(DatagramChannel channel, String text) throws IOException {
        channel.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), group);
    }

    private static List<Thread> discoveryThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("supvisors-discovery") && t.isAlive()).collect(Collectors.toList());
    }

    private static InetAddress addressOf(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static final class Recorder implements DiscoveryListener {
        final List<Announcement> heard = new CopyOnWriteArrayList<>();

        @Override
        public void onAnnouncement(Announcement announcement, InetSocketAddress sender) {
            heard.add(announcement);
        }

        List<String> nicks() {
            return heard.stream().map(a -> a.identity().nickIdentifier()).collect(Collectors.toList());
        }
    }
}
