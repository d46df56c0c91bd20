package org.supvisors.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.supvisors.client.CommunicationException.Reason;
import org.supvisors.client.model.StartingStrategy;

/** The plain-socket transport ({@code plainSockets()}) against a played agent: the same contract as the default. */
class SocketTransportTest {

    private static final String VERSION = FakeAgent.response("<string>0.19</string>");

    private static SupvisorsClient client(String url) {
        return SupvisorsClient.builder(url).plainSockets().build();
    }

    private static CommunicationException communication(ThrowingCall call) {
        try {
            call.run();
        } catch (CommunicationException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a CommunicationException, got " + e, e);
        }
        throw new AssertionError("expected a CommunicationException, the call returned");
    }

    @Test
    void a_call_is_a_post_to_rpc2_with_basic_credentials_and_text_xml_on_its_own_connection() throws Exception {
        try (FakeAgent agent = FakeAgent.answering(VERSION);
             SupvisorsClient client = SupvisorsClient.builder(agent.url()).credentials("admin", "s3cr\u00e9t")
                     .plainSockets().build()) {
            assertThat(client.supvisors().getApiVersion()).isEqualTo("0.19");
            assertThat(client.supvisors().getApiVersion()).isEqualTo("0.19");
            FakeAgent.Request request = agent.requests().get(0);
            assertThat(request.path()).isEqualTo("/RPC2");
            assertThat(request.contentType()).isEqualTo("text/xml");
            assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                    "admin:s3cr\u00e9t".getBytes(StandardCharsets.UTF_8)));
            assertThat(request.body()).contains("<methodName>supvisors.get_api_version</methodName>");
        }
    }

    @Test
    void only_http_urls_are_accepted() {
        assertThatThrownBy(() -> SupvisorsClient.builder("https://h:1").plainSockets())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("plainSockets: https URL (expected: http)");
    }

    @Test
    void a_fault_is_an_xml_rpc_fault() throws Exception {
        try (FakeAgent agent = FakeAgent.answering(FakeAgent.fault(10, "BAD_NAME: application=nope unknown to"
                + " Supvisors")); SupvisorsClient client = client(agent.url())) {
            assertThatThrownBy(() -> client.supvisors().getApplicationInfo("nope"))
                    .isInstanceOfSatisfying(XmlRpcFault.class, fault -> {
                        assertThat(fault.code()).isEqualTo(10);
                        assertThat(fault.faultString()).isEqualTo("BAD_NAME: application=nope unknown to Supvisors");
                    });
        }
    }

    @Test
    void http_401_and_other_statuses_are_reported() throws Exception {
        try (FakeAgent agent = new FakeAgent((r, exchange) -> FakeAgent.send(exchange, 401, "Unauthorized"));
             SupvisorsClient client = client(agent.url())) {
            CommunicationException e = communication(() -> client.supvisors().getApiVersion());
            assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
            assertThat(e).hasMessage(agent.url() + "/RPC2: HTTP 401 Unauthorized: the server requires a user"
                    + " name and password");
            agent.answer((r, exchange) -> FakeAgent.send(exchange, 500, "Internal Error\nmore"));
            e = communication(() -> client.supvisors().getApiVersion());
            assertThat(e.reason()).isEqualTo(Reason.HTTP_STATUS);
            assertThat(e).hasMessage(agent.url() + "/RPC2: HTTP 500 answering supvisors.get_api_version: Internal"
                    + " Error");
        }
    }

    @Test
    void chunked_and_close_delimited_answers_are_read() throws Exception {
        String xml = VERSION;
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(10) + "\r\n" + xml.substring(0, 10) + "\r\n"
                + Integer.toHexString(xml.length() - 10) + ";ext=1\r\n" + xml.substring(10) + "\r\n0\r\n\r\n";
        try (RawServer server = new RawServer(chunked); SupvisorsClient client = client(server.url())) {
            assertThat(client.supvisors().getApiVersion()).isEqualTo("0.19");
        }
        try (RawServer server = new RawServer("HTTP/1.0 200 OK\r\nContent-Type: text/xml\r\n\r\n" + xml);
             SupvisorsClient client = client(server.url())) {
            assertThat(client.supvisors().getApiVersion()).isEqualTo("0.19");
        }
    }

    @Test
    void an_answer_larger_than_the_limit_is_refused() throws Exception {
        try (FakeAgent agent = FakeAgent.answering(FakeAgent.response("<string>" + "x".repeat(4096) + "</string>"));
             SupvisorsClient client = SupvisorsClient.builder(agent.url()).maxResponseBytes(1024).plainSockets()
                     .build()) {
            CommunicationException e = communication(() -> client.supvisors().getApiVersion());
            assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE);
            assertThat(e).hasMessageContaining("answer larger than 1024 bytes");
        }
    }

    @Test
    void refused_connections_and_unknown_hosts_are_named() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (SupvisorsClient client = client("http://127.0.0.1:" + port)) {
            CommunicationException e = communication(() -> client.supvisors().getApiVersion());
            assertThat(e.reason()).isEqualTo(Reason.CONNECTION_REFUSED);
            assertThat(e).hasMessage("http://127.0.0.1:" + port + "/RPC2 refused connection");
        }
        try (SupvisorsClient client = client("http://no-such-host.invalid:60002")) {
            CommunicationException e = communication(() -> client.supvisors().getApiVersion());
            assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_HOST);
            assertThat(e).hasMessage("http://no-such-host.invalid:60002/RPC2: unknown host no-such-host.invalid");
        }
    }

    @Test
    void a_silent_server_hits_the_read_timeout_and_a_dropping_one_is_a_lost_connection() throws Exception {
        try (SilentServer server = new SilentServer(false);
             SupvisorsClient client = SupvisorsClient.builder(server.url()).readTimeout(Duration.ofMillis(300))
                     .plainSockets().build()) {
            long start = System.nanoTime();
            CommunicationException e = communication(() -> client.supvisors().getApiVersion());
            assertThat(e.reason()).isEqualTo(Reason.READ_TIMEOUT);
            assertThat(e).hasMessage(server.url() + "/RPC2: no answer to supvisors.get_api_version within 300 ms"
                    + " (timeout of the call)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(280),
                    Duration.ofSeconds(5));
        }
        try (SilentServer server = new SilentServer(true); SupvisorsClient client = client(server.url())) {
            CommunicationException e = communication(() -> client.supvisors().getApiVersion());
            assertThat(e.reason()).isEqualTo(Reason.CONNECTION_LOST);
            assertThat(e).hasMessageStartingWith(server.url() + "/RPC2: connection lost before the answer to"
                    + " supvisors.get_api_version: ");
        }
    }

    @Test
    void close_abandons_the_calls_in_progress_and_refuses_later_ones() throws Exception {
        try (SilentServer server = new SilentServer(false)) {
            SupvisorsClient client = client(server.url());
            AtomicReference<Exception> failure = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            Thread caller = new Thread(() -> {
                try {
                    client.supvisors().startApplication(StartingStrategy.CONFIG, "web");
                } catch (Exception e) {
                    failure.set(e);
                }
                done.countDown();
            });
            caller.start();
            Await.until(Duration.ofSeconds(5), () -> assertThat(server.connections()).isOne());
            client.close();
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(failure.get()).isInstanceOfSatisfying(CommunicationException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.CLOSED));
            CommunicationException later = communication(() -> client.supvisors().getApiVersion());
            assertThat(later.reason()).isEqualTo(Reason.CLOSED);
        }
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    /** A server that answers every connection with the same bytes, then closes it. */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket server;

        RawServer(String answer) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(() -> {
                try {
                    while (true) {
                        try (Socket socket = server.accept()) {
                            socket.getInputStream().read(new byte[8192]);
                            OutputStream out = socket.getOutputStream();
                            out.write(answer.getBytes(StandardCharsets.UTF_8));
                            out.flush();
                        }
                    }
                } catch (IOException closed) {
                    assert closed != null;
                }
            }, "raw-server");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
