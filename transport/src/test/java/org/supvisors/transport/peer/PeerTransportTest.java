package org.supvisors.transport.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.core.peer.Heartbeat;
import org.supvisors.core.peer.PeerCodec;
import org.supvisors.core.peer.PeerMessage;
import org.supvisors.core.testing.Await;
import org.supvisors.transport.testing.FreePorts;

/** Agents linked over real sockets on 127.0.0.1, each with its XML-RPC server on the same port. */
class PeerTransportTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final LogLines log = new LogLines();
    private final List<PeerNode> nodes = new ArrayList<>();

    @AfterEach
    void closeAll() {
        nodes.forEach(PeerNode::close);
        log.close();
    }

    private PeerNode node() {
        return track(PeerNode.start());
    }

    private PeerNode track(PeerNode node) {
        nodes.add(node);
        return node;
    }

    /** Nodes on free ports, sorted by identifier. */
    private List<PeerNode> sortedNodes(int count) {
        List<PeerNode> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(node());
        }
        started.sort(Comparator.comparing(PeerNode::id));
        return started;
    }

    /** Every node gets every node in its directory (itself included, as the core does not). */
    private static void directories(List<PeerNode> all) {
        for (PeerNode node : all) {
            node.transport.directory(all.stream().map(PeerNode::endpoint).toList());
        }
    }

    private static void awaitLinked(PeerNode a, PeerNode b) {
        Await.until(DEADLINE, () -> {
            assertThat(a.transport.connected()).contains(b.id());
            assertThat(b.transport.connected()).contains(a.id());
        });
    }

    private static List<PeerMessage> heartbeats(int from, int count) {
        List<PeerMessage> beats = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            beats.add(PeerMessages.heartbeat(i));
        }
        return beats;
    }

    /** Sends heartbeats both ways, then waits until each side got them all, in order. */
    private static void exchange(PeerNode a, PeerNode b, int from) {
        List<PeerMessage> beats = heartbeats(from, 20);
        for (PeerMessage beat : beats) {
            a.transport.send(List.of(b.id()), beat);
            b.transport.send(List.of(a.id()), beat);
        }
        Await.until(DEADLINE, () -> {
            assertThat(b.listener.messagesFrom(a.id())).endsWith(beats.toArray(new PeerMessage[0]));
            assertThat(a.listener.messagesFrom(b.id())).endsWith(beats.toArray(new PeerMessage[0]));
        });
    }

    @Test
    void the_smaller_identifier_dials_and_messages_flow_both_ways_in_order() {
        List<PeerNode> two = sortedNodes(2);
        PeerNode a = two.get(0);
        PeerNode b = two.get(1);

        directories(two);

        awaitLinked(a, b);
        assertThat(log.matching("peer link with " + b.id() + " (127.0.0.1:" + b.agentPort() + ") established "
                + "(dialled)")).hasSize(1);
        assertThat(log.matching("peer link with " + a.id(), "established (accepted)")).hasSize(1);
        assertThat(a.listener.events()).containsExactly("connected " + b.id());
        assertThat(b.listener.events()).containsExactly("connected " + a.id());

        List<PeerMessage> everyKind = PeerMessages.everyKind(b.identity);
        List<PeerMessage> beats = heartbeats(0, 200);
        for (int i = 0; i < beats.size(); i++) {
            a.transport.send(List.of(b.id()), beats.get(i));
            b.transport.send(List.of(a.id()), i < everyKind.size() ? everyKind.get(i) : beats.get(i));
        }
        List<PeerMessage> toA = new ArrayList<>(everyKind);
        toA.addAll(beats.subList(everyKind.size(), beats.size()));
        Await.until(DEADLINE, () -> {
            assertThat(b.listener.messagesFrom(a.id())).containsExactlyElementsOf(beats);
            assertThat(a.listener.messagesFrom(b.id())).containsExactlyElementsOf(toA);
        });
        assertThat(a.transport.droppedMessages()).isZero();
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void three_instances_link_every_pair_once() throws Exception {
        List<PeerNode> three = sortedNodes(3);

        directories(three);

        Await.until(DEADLINE, () -> {
            for (PeerNode node : three) {
                assertThat(node.transport.connected()).hasSize(2);
            }
        });
        assertThat(log.matching("established (dialled)")).hasSize(3);
        assertThat(log.matching("established (accepted)")).hasSize(3);
        for (PeerNode node : three) {
            List<String> others = three.stream().map(PeerNode::id).filter(id -> !id.equals(node.id())).toList();
            node.transport.send(others, new Heartbeat(node.httpPort(), 1, 2.0));
        }
        Await.until(DEADLINE, () -> {
            for (PeerNode receiver : three) {
                for (PeerNode sender : three) {
                    if (sender != receiver) {
                        assertThat(receiver.listener.messagesFrom(sender.id()))
                                .containsExactly(new Heartbeat(sender.httpPort(), 1, 2.0));
                    }
                }
            }
        });
    }

    @Test
    void a_restarted_peer_is_lost_then_linked_again_whichever_side_restarts() throws Exception {
        List<PeerNode> two = sortedNodes(2);
        directories(two);
        awaitLinked(two.get(0), two.get(1));

        for (int restarted = 1; restarted >= 0; restarted--) {
            PeerNode gone = two.get(restarted);
            PeerNode stays = two.get(1 - restarted);
            gone.close();
            nodes.remove(gone);

            Await.until(DEADLINE, () -> assertThat(stays.listener.events()).last().asString()
                    .startsWith("lost " + gone.id() + ": "));
            assertThat(stays.transport.connected()).isEmpty();

            PeerNode back = track(PeerNode.start(gone.httpPort(), Optional.empty(), Optional.empty(), PeerGate.OPEN,
                    Duration.ofSeconds(5)));
            two.set(restarted, back);
            directories(two);

            Await.until(DEADLINE, () -> assertThat(stays.listener.events()).last()
                    .isEqualTo("connected " + back.id()));
            awaitLinked(stays, back);
            exchange(two.get(0), two.get(1), 100 * restarted);
        }
    }

    @Test
    void a_disconnected_peer_is_dialled_again_and_one_out_of_the_directory_is_not() {
        List<PeerNode> two = sortedNodes(2);
        PeerNode a = two.get(0);
        PeerNode b = two.get(1);
        directories(two);
        awaitLinked(a, b);

        b.transport.disconnect(a.id(), "declared FAILED by the core");

        Await.until(DEADLINE, () -> assertThat(a.listener.events()).containsExactly("connected " + b.id(),
                "lost " + b.id() + ": closed by the peer: declared FAILED by the core", "connected " + b.id()));
        assertThat(b.listener.events()).containsExactly("connected " + a.id(),
                "lost " + a.id() + ": declared FAILED by the core", "connected " + a.id());

        a.transport.directory(List.of(a.endpoint()));

        Await.until(DEADLINE, () -> assertThat(b.listener.events()).last().isEqualTo("lost " + a.id()
                + ": closed by the peer: no longer in the directory"));
        assertThat(a.listener.events()).last().isEqualTo("lost " + b.id() + ": no longer in the directory");

        a.transport.directory(List.of(a.endpoint(), b.endpoint()));

        awaitLinked(a, b);
        exchange(a, b, 0);
    }

    @Test
    void right_credentials_link_and_wrong_ones_are_refused_on_both_sides() throws Exception {
        int[] ports = {FreePorts.block(3), FreePorts.block(3), FreePorts.block(3)};
        java.util.Arrays.sort(ports);
        Optional<String> user = Optional.of("chris");
        PeerNode a = track(PeerNode.start(ports[0], user, Optional.of("p@ss"), PeerGate.OPEN, Duration.ofSeconds(5)));
        PeerNode b = track(PeerNode.start(ports[1], user, Optional.of("p@ss"), PeerGate.OPEN, Duration.ofSeconds(5)));
        PeerNode c = track(PeerNode.start(ports[2], user, Optional.of("wrong"), PeerGate.OPEN, Duration.ofSeconds(5)));

        directories(List.of(a, b, c));

        awaitLinked(a, b);
        exchange(a, b, 0);
        Await.until(DEADLINE, () -> {
            assertThat(log.warnings("peer link from " + a.id() + " (127.0.0.1:", ") refused: wrong credentials: its"
                    + " proof does not match (expected: the same user name and password on every instance)"))
                    .isNotEmpty();
            assertThat(log.warnings("peer link to " + c.id() + " (127.0.0.1:" + c.agentPort() + ") refused: by the"
                    + " peer: wrong credentials")).isNotEmpty();
        });
        assertThat(c.listener.events()).isEmpty();
        assertThat(c.transport.connected()).isEmpty();
        assertThat(a.transport.connected()).containsExactly(b.id());
        assertThat(c.echo("still serving")).isEqualTo("still serving");
    }

    @Test
    void credentials_on_one_side_only_are_refused() {
        int[] ports = {FreePorts.block(3), FreePorts.block(3)};
        java.util.Arrays.sort(ports);
        PeerNode a = track(PeerNode.start(ports[0], Optional.empty(), Optional.empty(), PeerGate.OPEN,
                Duration.ofSeconds(5)));
        PeerNode b = track(PeerNode.start(ports[1], Optional.of("chris"), Optional.of("p@ss"), PeerGate.OPEN,
                Duration.ofSeconds(5)));

        directories(List.of(a, b));

        Await.until(DEADLINE, () -> {
            assertThat(log.warnings("peer link from " + a.id(), "refused: no credentials are configured on its side,"
                    + " some are here (expected: the same credentials on every instance)")).isNotEmpty();
            assertThat(log.warnings("peer link to " + b.id(), "refused: credentials are configured on its side, not"
                    + " here")).isNotEmpty();
        });
        assertThat(a.listener.events()).isEmpty();
        assertThat(b.listener.events()).isEmpty();
    }

    /** Two linked agents with credentials, a short handshake timeout, and a raw peer listed in B's directory. */
    private final class Hostile {
        final PeerNode a;
        final PeerNode b;
        final Optional<String> user = Optional.of("chris");
        final Optional<String> password = Optional.of("s3cret");
        // identifiers that sort before those of A and B, whose ports are 5 digits from 10000 (the smaller dials)
        final InstanceIdentity raw = new InstanceIdentity("127.0.0.1:1000", "raw", "127.0.0.1", 1000);
        final InstanceIdentity farAway = new InstanceIdentity("10.255.255.1:1999", "far", "10.255.255.1", 1999);
        final InstanceIdentity refused = new InstanceIdentity("127.0.0.1:100", "refused", "127.0.0.1", 100);
        final InstanceIdentity larger = new InstanceIdentity("127.0.0.1:9999", "larger", "127.0.0.1", 9999);
        int exchanges;

        Hostile() {
            int[] ports = {FreePorts.block(3), FreePorts.block(3)};
            java.util.Arrays.sort(ports);
            PeerGate gate = claimed -> claimed.identifier().equals("127.0.0.1:100")
                    ? Optional.of("the core does not know 127.0.0.1:100") : Optional.empty();
            a = track(PeerNode.start(ports[0], user, password, gate, Duration.ofMillis(500)));
            b = track(PeerNode.start(ports[1], user, password, gate, Duration.ofMillis(500)));
            a.transport.directory(List.of(a.endpoint(), b.endpoint()));
            b.transport.directory(List.of(a.endpoint(), b.endpoint(), PeerNode.endpoint(raw),
                    PeerNode.endpoint(farAway), PeerNode.endpoint(refused)));
            awaitLinked(a, b);
        }

        RawPeer connect() throws Exception {
            return new RawPeer(b.agentPort());
        }

        /** The link A-B and XML-RPC on B's port still work. */
        void stillServing() throws Exception {
            exchange(a, b, 1000 * exchanges++);
            assertThat(b.echo("still serving")).isEqualTo("still serving");
            assertThat(a.listener.events()).containsExactly("connected " + b.id());
        }

        /**
         * The connection of the raw peer is closed after a bye telling the reason, and that reason is logged on one
         * line, the only one naming the connection.
         */
        void refusedOnce(RawPeer peer, int localPort, String name, String reason) throws Exception {
            peer.awaitClose();
            String line = "peer link from " + name + " refused: " + reason;
            Await.until(DEADLINE, () -> assertThat(log.warnings(line)).as("log %s", log.all()).hasSize(1));
            assertThat(linesNaming(localPort)).hasSize(1);
            assertThat(peer.lastBye()).hasValue(reason);
        }
    }

    /** The log lines naming the connection from this local port of 127.0.0.1. */
    private List<String> linesNaming(int localPort) {
        List<String> lines = new ArrayList<>(log.matching("127.0.0.1:" + localPort + " "));
        lines.addAll(log.matching("127.0.0.1:" + localPort + ")"));
        return lines;
    }

    @Test
    void what_is_not_a_handshake_is_refused_with_one_line_while_the_link_and_xml_rpc_go_on() throws Exception {
        Hostile hostile = new Hostile();
        Object[][] cases = {
            {ascii("GET / HTTP/1.1\r\n\r\n"), "frame length: 1195725856 (expected: 11 to 4096 before authentication)"},
            {ascii("\0\0\0\u0020\u0007\u0001" + "\0".repeat(8)), "protocol version: 7 (expected: 1)"},
            {ascii("\0\0\u0010\u0001"), "frame length: 4097 (expected: 11 to 4096 before authentication)"},
            {Frames.frame(PeerMessage.Kind.HEARTBEAT.code(), 0, Map.of()), "HEARTBEAT frame before authentication"
                    + " (expected: hello)"},
            {new byte[0], "no complete handshake within 500 ms (step: AWAIT_HELLO)"},
        };
        for (Object[] bad : cases) {
            try (RawPeer peer = hostile.connect()) {
                peer.magic();
                peer.send((byte[]) bad[0]);
                int port = peer.localPort();
                hostile.refusedOnce(peer, port, "127.0.0.1:" + port, (String) bad[1]);
            }
            hostile.stillServing();
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void a_truncated_frame_is_refused_when_the_connection_closes() throws Exception {
        Hostile hostile = new Hostile();
        int port;
        try (RawPeer peer = hostile.connect()) {
            port = peer.localPort();
            peer.magic();
            byte[] hello = Frames.frame(Handshake.HELLO, 0, new Handshake(hostile.user, hostile.password)
                    .hello(hostile.raw, new byte[32]));
            peer.send(java.util.Arrays.copyOf(hello, 30));
            peer.shutdownOutput();
            peer.awaitClose();
        }
        String name = "127.0.0.1:" + port;
        Await.until(DEADLINE, () -> assertThat(log.warnings("peer link from " + name + " refused: truncated frame:"
                + " the connection closed after 16 of the ")).hasSize(1));
        assertThat(linesNaming(port)).hasSize(1);
        hostile.stillServing();
    }

    @Test
    void wrong_identities_are_refused_naming_the_identifier_they_claim() throws Exception {
        Hostile hostile = new Hostile();
        InstanceIdentity unknown = new InstanceIdentity("127.0.0.1:10", "unknown", "127.0.0.1", 10);
        Object[][] cases = {
            {hostile.refused, "the core does not know 127.0.0.1:100"},
            {hostile.farAway, "connects from 127.0.0.1 but its host 10.255.255.1 resolves to [10.255.255.1]"
                    + " (expected: one of them)"},
            {unknown, "not in the directory of " + hostile.b.id() + " (expected: a known, non-isolated instance)"},
            {hostile.larger, "dials although its identifier sorts after " + hostile.b.id() + " (expected: the"
                    + " smaller identifier dials)"},
            {hostile.b.identity, "claims the local identifier " + hostile.b.id()},
        };
        for (Object[] identityCase : cases) {
            InstanceIdentity claimed = (InstanceIdentity) identityCase[0];
            try (RawPeer peer = hostile.connect()) {
                Inbound.Frame answer = peer.introduce(claimed, new Handshake(hostile.user, hostile.password));
                assertThat(answer.kind()).isEqualTo(Handshake.BYE);
                int port = peer.localPort();
                hostile.refusedOnce(peer, port, claimed.identifier() + " (127.0.0.1:" + port + ")",
                        (String) identityCase[1]);
            }
        }
        try (RawPeer peer = hostile.connect()) {
            Inbound.Frame answer = peer.handshake(hostile.raw, hostile.user, Optional.of("guess"));
            assertThat(answer.kind()).isEqualTo(Handshake.BYE);
            int port = peer.localPort();
            hostile.refusedOnce(peer, port, hostile.raw.identifier() + " (127.0.0.1:" + port + ")", "wrong"
                    + " credentials: its proof does not match (expected: the same user name and password on every"
                    + " instance)");
        }
        assertThat(hostile.b.listener.events()).containsExactly("connected " + hostile.a.id());
        hostile.stillServing();
    }

    @Test
    void after_authentication_a_replayed_or_malformed_message_is_dropped_and_the_link_stays() throws Exception {
        Hostile hostile = new Hostile();
        String raw = hostile.raw.identifier();
        try (RawPeer peer = hostile.connect()) {
            peer.authenticate(hostile.raw, hostile.user, hostile.password);
            Await.until(DEADLINE, () -> assertThat(hostile.b.listener.events()).last().isEqualTo("connected " + raw));
            String name = raw + " (127.0.0.1:" + peer.localPort() + ")";

            long replayed = peer.nextSequence();
            peer.frame(PeerMessage.Kind.HEARTBEAT.code(), PeerCodec.encode(PeerMessages.heartbeat(1)));
            peer.frameAt(PeerMessage.Kind.HEARTBEAT.code(), replayed, PeerCodec.encode(PeerMessages.heartbeat(1)));
            peer.frame(PeerMessage.Kind.HEARTBEAT.code(), Map.of("when", 1));
            peer.frame(99, Map.of("from", "the future"));
            peer.frameWithBody(PeerMessage.Kind.STATE_MODES.code(), new byte[] {0x0A});
            peer.frame(PeerMessage.Kind.HEARTBEAT.code(), PeerCodec.encode(PeerMessages.heartbeat(2)));

            Await.until(DEADLINE, () -> assertThat(hostile.b.listener.messagesFrom(raw))
                    .containsExactly(PeerMessages.heartbeat(1), PeerMessages.heartbeat(2)));
            assertThat(log.warnings("peer frame from " + name + " dropped: sequence " + replayed
                    + " replayed or duplicated (expected: " + (replayed + 1) + ")")).hasSize(1);
            assertThat(log.warnings("peer message from " + name + " dropped: HEARTBEAT.sequence_counter: missing"))
                    .hasSize(1);
            assertThat(log.warnings("peer message from " + name + " dropped: kind 99 frame after authentication"
                    + " (expected: a message kind, 1 to " + PeerMessage.Kind.values().length + ")")).hasSize(1);
            assertThat(log.warnings("peer message from " + name + " dropped: STATE_MODES body does not read: body at"
                    + " byte 1: tag 0xa (expected: 0x00 to 0x08)")).hasSize(1);
            assertThat(hostile.b.listener.events()).last().isEqualTo("connected " + raw);
            hostile.stillServing();
        }
        Await.until(DEADLINE, () -> assertThat(hostile.b.listener.events()).last()
                .isEqualTo("lost " + raw + ": connection closed by the peer"));
    }

    @Test
    void a_new_link_from_the_same_identifier_replaces_the_old_one() throws Exception {
        Hostile hostile = new Hostile();
        String raw = hostile.raw.identifier();
        try (RawPeer first = hostile.connect(); RawPeer second = hostile.connect()) {
            first.authenticate(hostile.raw, hostile.user, hostile.password);
            Await.until(DEADLINE, () -> assertThat(hostile.b.transport.connected()).contains(raw));

            second.authenticate(hostile.raw, hostile.user, hostile.password);

            assertThat(first.awaitClose()).hasValue("replaced by a new link");
            Await.until(DEADLINE, () -> assertThat(hostile.b.listener.events()).containsExactly(
                    "connected " + hostile.a.id(), "connected " + raw,
                    "lost " + raw + ": replaced by a new link (the peer restarted)", "connected " + raw));
            second.frame(PeerMessage.Kind.HEARTBEAT.code(), PeerCodec.encode(PeerMessages.heartbeat(5)));
            Await.until(DEADLINE, () -> assertThat(hostile.b.listener.messagesFrom(raw))
                    .containsExactly(PeerMessages.heartbeat(5)));
        }
    }

    @Test
    void messages_to_a_peer_without_a_link_or_that_does_not_read_are_dropped_and_counted() throws Exception {
        Hostile hostile = new Hostile();
        hostile.b.transport.send(List.of("127.0.0.1:1996"), PeerMessages.heartbeat(0));
        assertThat(hostile.b.transport.droppedMessages()).isEqualTo(1);

        try (RawPeer sleeper = new RawPeer(hostile.b.agentPort(), 4096)) {
            sleeper.authenticate(hostile.raw, hostile.user, hostile.password);
            Await.until(DEADLINE, () -> assertThat(hostile.b.transport.connected()).contains(hostile.raw.identifier()));
            PeerMessage reply = PeerMessages.handshakeReply(1000);
            Await.until(DEADLINE, () -> {
                hostile.b.transport.send(List.of(hostile.raw.identifier()), reply);
                assertThat(hostile.b.transport.droppedMessages()).isGreaterThan(1);
            });
            assertThat(log.warnings("HANDSHAKE_REPLY message to peer " + hostile.raw.identifier() + " dropped: more"
                    + " than 2097152 bytes wait to be written to it")).hasSize(1);
            hostile.stillServing();
        }
    }
}
