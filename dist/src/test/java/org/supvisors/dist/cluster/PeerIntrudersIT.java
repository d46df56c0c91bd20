package org.supvisors.dist.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.dist.cluster.ClusterViews.CHANGE;
import static org.supvisors.dist.cluster.ClusterViews.FORMATION;
import static org.supvisors.dist.cluster.ClusterViews.awaitOperationWithMaster;
import static org.supvisors.dist.cluster.ClusterViews.identity;
import static org.supvisors.dist.cluster.ClusterViews.seen;
import static org.supvisors.dist.cluster.ClusterViews.sharedAnswers;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;
import org.supvisors.dist.testing.TestingCluster;

/**
 * Five instances declared, with credentials: A, B and C form the cluster ({@code synchro_options = USER}, ended by
 * {@code end_sync}); D has the wrong password, E another {@code supvisors_list}; then a raw socket sends bad frames
 * to the agent port of one of A, B, C. Each intruder is refused with a log line naming it and the reason, and the
 * agents of A, B, C keep serving with their model intact.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerIntrudersIT {

    /** D first: the cluster hands ports out ascending, so D has the smallest identifier. */
    private static final int D = 0;
    private static final int A = 1;
    private static final int B = 2;
    private static final int C = 3;
    private static final int E = 4;
    private static final List<Integer> GOOD = List.of(A, B, C);
    private static final String USER = "user";
    private static final String PASSWORD = "secret";

    private static TestingCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        // D dials every other instance (the smaller identifier dials), so each of them checks its credentials
        cluster = TestingCluster.of("intruders", List.of("D", "A", "B", "C", "E"), b -> b
                .credentials(USER, PASSWORD).option("synchro_options", "USER"));
        assertThat(IntStream.range(0, 5).filter(i -> cluster.identifier(i).compareTo(cluster.identifier(D)) < 0))
                .as("D has the smallest identifier").isEmpty();
        cluster.override(D, b -> b.credentials(USER, "wrong"));
        String otherList = cluster.supvisorsList() + ",<F>127.0.0.1:" + (cluster.port(E) + 5);
        cluster.override(E, b -> b.supvisorsList(otherList));
        cluster.startAll();
        Await.until(FORMATION, () -> {
            for (int observer : GOOD) {
                for (int observed : GOOD) {
                    assertThat(seen(cluster.agent(observer), cluster, observed)).isEqualTo("RUNNING");
                }
            }
        });
        assertThat(cluster.agent(A).call("supvisors.end_sync", "A")).isEqualTo(true);
        awaitOperationWithMaster(cluster, GOOD, "A", FORMATION);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void an_agent_with_the_wrong_password_is_refused_by_every_instance_with_the_reason() throws Exception {
        for (int i : GOOD) {
            TestingAgent agent = cluster.agent(i);
            Await.until(CHANGE, () -> assertThat(agent.logLines(0, "peer link from " + cluster.identifier(D),
                    "refused: wrong credentials: its proof does not match (expected: the same user name and password"
                            + " on every instance)")).as(cluster.nick(i)).isNotEmpty());
            assertThat(seen(agent, cluster, D)).isEqualTo("STOPPED");
            assertThat(agent.fsmState()).isEqualTo("OPERATION");
        }
        assertThat(cluster.agent(D).logLines(0, "refused: by the peer: wrong credentials")).isNotEmpty();
    }

    @Test
    @Order(2)
    void an_agent_with_another_supvisors_list_is_refused_by_every_instance_with_the_reason() throws Exception {
        for (int i : GOOD) {
            TestingAgent agent = cluster.agent(i);
            // whichever side compares the lists first, the instance logs the peer and the reason, and keeps it out
            Await.until(CHANGE, () -> assertThat(agent.logLines(0, cluster.identifier(E),
                    "another supvisors_list: ")).as(cluster.nick(i)).isNotEmpty());
            assertThat(seen(agent, cluster, E)).isIn("ISOLATED", "STOPPED");
            assertThat(agent.fsmState()).isEqualTo("OPERATION");
        }
    }

    @Test
    @Order(3)
    void bad_frames_from_a_raw_socket_are_refused_with_the_reason_and_the_agent_keeps_its_model() throws Exception {
        int target = GOOD.stream().max(Comparator.comparing(cluster::identifier)).orElseThrow();
        int claimed = GOOD.stream().filter(i -> i != target).findFirst().orElseThrow();
        TestingAgent agent = cluster.agent(target);
        int port = agent.agentPort();
        String peer = cluster.identifier(claimed);
        ClusterViews.awaitCopiesUpToDate(cluster, GOOD, CHANGE);
        Map<String, Object> before = sharedAnswers(agent, cluster);
        int mark = agent.logMark();

        // garbage: a frame of another protocol version, a hello whose body is not a value
        try (RawPeerSocket raw = new RawPeerSocket(port)) {
            raw.send(RawPeerSocket.MAGIC);
            raw.send(RawPeerSocket.frame(0x7F, RawPeerSocket.HELLO, 0, new byte[] {1, 2, 3}));
            raw.awaitClose();
            awaitLogLine(agent, mark, "peer link from " + raw.address() + " refused: protocol version: 127"
                    + " (expected: 1)");
        }
        try (RawPeerSocket raw = new RawPeerSocket(port)) {
            raw.send(RawPeerSocket.MAGIC);
            raw.frame(RawPeerSocket.HELLO, new byte[] {(byte) 0xFF, (byte) 0xFE});
            raw.awaitClose();
            awaitLogLine(agent, mark, "peer link from " + raw.address() + " refused: unreadable hello frame: ");
        }
        // truncated: the connection closes in the middle of a body
        try (RawPeerSocket raw = new RawPeerSocket(port)) {
            raw.send(RawPeerSocket.MAGIC);
            byte[] frame = RawPeerSocket.frame(1, RawPeerSocket.HELLO, 0, new byte[90]);
            raw.send(java.util.Arrays.copyOf(frame, 4 + RawPeerSocket.HEADER + 20));
            raw.shutdownOutput();
            raw.awaitClose();
            awaitLogLine(agent, mark, "peer link from " + raw.address() + " refused: truncated frame: the connection"
                    + " closed after 20 of the 90 bytes of a body");
        }
        // oversized: a length over the limit before authentication, and a stream of bytes behind it
        try (RawPeerSocket raw = new RawPeerSocket(port)) {
            raw.send(RawPeerSocket.MAGIC);
            raw.send(new byte[] {0x01, 0x00, 0x00, 0x01, 1, RawPeerSocket.HELLO, 0, 0, 0, 0, 0, 0, 0, 0});
            sendUntilClosed(raw, 1 << 20);
            awaitLogLine(agent, mark, "peer link from " + raw.address() + " refused: frame length: 16777217 (expected:"
                    + " 11 to 4096 before authentication)");
        }
        // replayed: a hello sent twice; then a proof valid for another connection
        byte[] nonce = RawPeerSocket.nonce();
        byte[] oldAcceptorNonce;
        try (RawPeerSocket raw = new RawPeerSocket(port)) {
            oldAcceptorNonce = RawPeerSocket.nonceOf(raw.hello(peer, cluster.nick(claimed), cluster.port(claimed),
                    nonce));
        }
        try (RawPeerSocket raw = new RawPeerSocket(port)) {
            raw.send(RawPeerSocket.MAGIC);
            raw.readFrame(RawPeerSocket.HELLO);
            byte[] hello = raw.frame(RawPeerSocket.HELLO, RawPeerSocket.helloBody(peer, cluster.nick(claimed),
                    cluster.port(claimed), nonce));
            raw.send(hello);
            raw.frame(RawPeerSocket.PROOF, RawPeerSocket.proofBody(RawPeerSocket.proof(USER, PASSWORD, peer, nonce,
                    agent.identifier(), oldAcceptorNonce)));
            raw.awaitClose();
            String name = peer + " (" + raw.address() + ")";
            awaitLogLine(agent, mark, "peer frame from " + name + " dropped: sequence 0 replayed or duplicated"
                    + " (expected: 1)");
            awaitLogLine(agent, mark, "peer link from " + name + " refused: wrong credentials: its proof does not"
                    + " match");
        }
        // after an authentication (as D, with the right password): a frame of an unknown kind, replayed, then a
        // frame over the limit, which ends the link
        try (RawPeerSocket raw = new RawPeerSocket(port)) {
            String stranger = cluster.identifier(D);
            byte[] strangerNonce = RawPeerSocket.nonce();
            byte[] acceptorNonce = RawPeerSocket.nonceOf(raw.hello(stranger, "D", cluster.port(D), strangerNonce));
            raw.frame(RawPeerSocket.PROOF, RawPeerSocket.proofBody(RawPeerSocket.proof(USER, PASSWORD, stranger,
                    strangerNonce, agent.identifier(), acceptorNonce)));
            raw.readFrame(RawPeerSocket.PROOF);
            byte[] unknown = raw.frame(99, RawPeerSocket.body(Map.of("from", "the future")));
            raw.send(unknown);
            raw.send(new byte[] {0x01, 0x00, 0x00, 0x01, 1, 1, 0, 0, 0, 0, 0, 0, 0, 3});
            sendUntilClosed(raw, 1 << 20);
            String name = stranger + " (" + raw.address() + ")";
            awaitLogLine(agent, mark, "peer link with " + name + " established (accepted)");
            awaitLogLine(agent, mark, "peer message from " + name + " dropped: kind 99 frame after authentication");
            awaitLogLine(agent, mark, "peer frame from " + name + " dropped: sequence 2 replayed or duplicated"
                    + " (expected: 3)");
            awaitLogLine(agent, mark, "peer link with " + name + " lost: frame length: 16777217 (expected: 11 to"
                    + " 16777216)");
        }
        assertThat(seen(agent, cluster, D)).isEqualTo("STOPPED");

        // the agent still serves, its links with A, B, C never broke, and it answers as before
        Await.until(CHANGE, () -> assertThat(sharedAnswers(agent, cluster)).isEqualTo(before));
        for (int i : GOOD) {
            assertThat(agent.logLines(mark, "instance " + identity(cluster, i))).isEmpty();
        }
        ClusterViews.awaitSameAnswers(cluster, GOOD, CHANGE);
    }

    private static void awaitLogLine(TestingAgent agent, int mark, String... fragments) {
        Await.until(CHANGE, () -> assertThat(agent.logLines(mark, fragments)).as(String.join(" ", fragments))
                .hasSize(1));
    }

    /** Writes zeros until the agent closes the connection (or {@code max} bytes are written). */
    private static void sendUntilClosed(RawPeerSocket raw, int max) throws IOException {
        byte[] chunk = new byte[16 << 10];
        try {
            for (int sent = 0; sent < max; sent += chunk.length) {
                raw.send(chunk);
            }
        } catch (IOException closed) {
            // the agent closed the connection: what it is meant to do
        }
        raw.awaitClose();
    }
}
