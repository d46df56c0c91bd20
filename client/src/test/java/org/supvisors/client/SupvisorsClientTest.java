package org.supvisors.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.supvisors.client.CommunicationException.Reason;
import org.supvisors.client.model.ApplicationState;
import org.supvisors.client.model.StartingStrategy;

/**
 * The client against a played agent: requests, credentials, keep-alive, timeouts, faults and failures; the faults and
 * failures with both transports (the JDK's HTTP client, plain sockets), which report them alike.
 */
class SupvisorsClientTest {

    private static final String VERSION = FakeAgent.response("<string>0.19</string>");

    /** How a test builds its client: either transport, which keep the same contract. */
    @FunctionalInterface
    interface TransportChoice {
        SupvisorsClient.Builder builder(String url);
    }

    static Stream<Named<TransportChoice>> transports() {
        return Stream.of(Named.of("JDK HTTP client", SupvisorsClient::builder),
                Named.of("plain sockets", url -> SupvisorsClient.builder(url).plainSockets()));
    }

    private static SupvisorsClient client(TransportChoice transport, String url) {
        return transport.builder(url).build();
    }

    private static SupvisorsClient client(String url) {
        return SupvisorsClient.builder(url).build();
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

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void a_call_is_a_post_to_rpc2_with_basic_credentials_and_text_xml() throws Exception {
        try (FakeAgent agent = FakeAgent.answering(VERSION);
             SupvisorsClient client = SupvisorsClient.builder(agent.url()).credentials("admin", "s3cr\u00e9t")
                     .build()) {
            assertThat(client.supvisors().getApiVersion()).isEqualTo("0.19");
            FakeAgent.Request request = agent.requests().get(0);
            assertThat(request.path()).isEqualTo("/RPC2");
            assertThat(request.contentType()).isEqualTo("text/xml");
            assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                    "admin:s3cr\u00e9t".getBytes(StandardCharsets.UTF_8)));
            assertThat(request.body()).contains("<methodName>supvisors.get_api_version</methodName>");
            assertThat(client.url().toString()).isEqualTo(agent.url() + "/RPC2");
        }
    }

    @Test
    void credentials_written_in_the_url_are_used_and_never_shown() throws Exception {
        try (FakeAgent agent = FakeAgent.answering(VERSION)) {
            String url = agent.url().replace("//", "//admin:p%40ss@");
            try (SupvisorsClient client = client(url)) {
                client.supvisors().getApiVersion();
                assertThat(agent.requests().get(0).authorization()).isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString("admin:p@ss".getBytes(StandardCharsets.UTF_8)));
                assertThat(client.url().toString()).isEqualTo(agent.url() + "/RPC2");
                agent.answer((r, exchange) -> FakeAgent.send(exchange, 401, "no"));
                assertThat(communication(() -> client.supvisors().getApiVersion())).message()
                        .doesNotContain("p@ss").doesNotContain("p%40ss");
            }
        }
    }

    @Test
    void a_url_must_be_http_or_https_with_a_host_and_keeps_an_explicit_path() {
        assertThatThrownBy(() -> SupvisorsClient.builder("unix:///tmp/supervisor.sock"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("url: unix:///tmp/supervisor.sock (expected: http://host:port or https://host:port; the"
                        + " agent serves XML-RPC over TCP only)");
        assertThatThrownBy(() -> SupvisorsClient.builder("localhost:60002"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SupvisorsClient.builder("http://u:secret@/x")).hasMessageNotContaining("secret");
        try (SupvisorsClient client = client("http://localhost:60002/custom")) {
            assertThat(client.url().toString()).isEqualTo("http://localhost:60002/custom");
        }
        try (SupvisorsClient client = client("http://localhost:60002/")) {
            assertThat(client.url().toString()).isEqualTo("http://localhost:60002/RPC2");
        }
        assertThatThrownBy(() -> SupvisorsClient.builder("http://h:1").readTimeout(Duration.ZERO))
                .hasMessage("readTimeout: PT0S (expected: > 0)");
    }

    @Test
    void sequential_calls_reuse_one_persistent_connection() throws Exception {
        try (FakeAgent agent = FakeAgent.answering(VERSION); SupvisorsClient client = client(agent.url())) {
            for (int i = 0; i < 20; i++) {
                client.supvisors().getApiVersion();
            }
            Set<Integer> ports = agent.requests().stream().map(r -> r.remote().getPort()).collect(Collectors.toSet());
            assertThat(ports).as("client ports of the 20 calls").hasSize(1);
        }
    }

    @Test
    void a_restarted_server_is_reached_again_on_a_new_connection() throws Exception {
        int port;
        try (SupvisorsClient client = SupvisorsClient.builder("http://127.0.0.1:" + (port = freePort())).build()) {
            try (FakeAgent agent = new FakeAgent((r, exchange) -> FakeAgent.send(exchange, 200, VERSION), port)) {
                assertThat(client.supvisors().getApiVersion()).isEqualTo("0.19");
            }
            // refused; or lost, if the call takes the pooled connection before the JDK notices it was closed
            assertThat(communication(() -> client.supvisors().getApiVersion()).reason())
                    .isIn(Reason.CONNECTION_REFUSED, Reason.CONNECTION_LOST);
            try (FakeAgent agent = new FakeAgent((r, exchange) -> FakeAgent.send(exchange, 200, VERSION), port)) {
                assertThat(client.supvisors().getApiVersion()).isEqualTo("0.19");
                assertThat(client.supvisors().getApiVersion()).isEqualTo("0.19");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void one_client_serves_many_threads_at_once() throws Exception {
        try (FakeAgent agent = FakeAgent.answering(VERSION); SupvisorsClient client = client(agent.url())) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    answers.add(threads.submit(() -> client.supvisors().getApiVersion()));
                }
                for (Future<String> answer : answers) {
                    assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo("0.19");
                }
            } finally {
                threads.shutdownNow();
            }
            Set<Integer> ports = agent.requests().stream().map(r -> r.remote().getPort()).collect(Collectors.toSet());
            assertThat(ports).as("connections for 200 calls from 8 threads").hasSizeBetween(1, 8);
        }
    }

    @Test
    void typed_parameters_are_sent_as_0_19_expects_them() throws Exception {
        try (FakeAgent agent = FakeAgent.answering(FakeAgent.response("<boolean>1</boolean>"));
             SupvisorsClient client = client(agent.url())) {
            assertThat(client.supvisors().startApplication(StartingStrategy.LESS_LOADED_NODE, "web", false)).isTrue();
            assertThat(client.supvisors().changeLogLevel(org.supvisors.client.model.LogLevel.BLATHER)).isTrue();
            assertThat(client.supvisors().updateCollectingPeriod(2.5)).isTrue();
            assertThat(agent.requests().get(0).body()).contains("<methodName>supvisors.start_application</methodName>",
                    "<param><value><int>4</int></value></param>\n<param><value><string>web</string></value></param>\n"
                            + "<param><value><boolean>0</boolean></value></param>");
            assertThat(agent.requests().get(1).body()).contains("<param><value><int>3</int></value></param>");
            assertThat(agent.requests().get(2).body()).contains("<param><value><double>2.5</double></value></param>");
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void a_fault_is_an_xml_rpc_fault_with_code_name_text_and_method(TransportChoice transport) throws Exception {
        try (FakeAgent agent = FakeAgent.answering(FakeAgent.fault(10, "BAD_NAME: application=nope unknown to"
                + " Supvisors")); SupvisorsClient client = client(transport, agent.url())) {
            assertThatThrownBy(() -> client.supvisors().getApplicationInfo("nope"))
                    .isInstanceOfSatisfying(XmlRpcFault.class, fault -> {
                        assertThat(fault.code()).isEqualTo(10);
                        assertThat(fault.faultName()).isEqualTo("BAD_NAME");
                        assertThat(fault.faultCode()).contains(FaultCode.BAD_NAME);
                        assertThat(fault.text()).isEqualTo("application=nope unknown to Supvisors");
                        assertThat(fault.method()).isEqualTo("supvisors.get_application_info");
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void http_401_says_the_credentials_are_missing_or_wrong(TransportChoice transport) throws Exception {
        try (FakeAgent agent = new FakeAgent((r, exchange) -> FakeAgent.send(exchange, 401, "Unauthorized"))) {
            try (SupvisorsClient client = client(transport, agent.url())) {
                CommunicationException e = communication(() -> client.supvisors().getApiVersion());
                assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
                assertThat(e.httpStatus()).isEqualTo(401);
                assertThat(e).hasMessage(agent.url() + "/RPC2: HTTP 401 Unauthorized: the server requires a user"
                        + " name and password");
            }
            try (SupvisorsClient client = transport.builder(agent.url()).credentials("admin", "bad").build()) {
                assertThat(communication(() -> client.supvisors().getApiVersion()))
                        .hasMessage(agent.url() + "/RPC2: HTTP 401 Unauthorized: wrong user name or password");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void another_http_status_is_reported_with_the_start_of_the_body(TransportChoice transport) throws Exception {
        try (FakeAgent agent = new FakeAgent((r, exchange) -> FakeAgent.send(exchange, 500, "Internal Error\nmore"));
             SupvisorsClient client = client(transport, agent.url())) {
            CommunicationException e = communication(() -> client.supvisors().getApiVersion());
            assertThat(e.reason()).isEqualTo(Reason.HTTP_STATUS);
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e).hasMessage(agent.url() + "/RPC2: HTTP 500 answering supvisors.get_api_version: Internal"
                    + " Error");
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void an_answer_of_another_type_or_structure_is_an_unexpected_response_naming_what_was_expected(
            TransportChoice transport) throws Exception {
        try (FakeAgent agent = FakeAgent.answering(FakeAgent.response("<int>19</int>"));
             SupvisorsClient client = client(transport, agent.url())) {
            CommunicationException e = communication(() -> client.supvisors().getApiVersion());
            assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE);
            assertThat(e).hasMessage(agent.url() + "/RPC2: unexpected answer to supvisors.get_api_version: 19"
                    + " (expected: string)");
            agent.answer((r, exchange) -> FakeAgent.send(exchange, 200, FakeAgent.response("<struct><member><name>"
                    + "application_name</name><value>web</value></member></struct>")));
            assertThat(communication(() -> client.supvisors().getApplicationInfo("web")))
                    .hasMessageEndingWith("unexpected answer to supvisors.get_application_info: ApplicationInfo"
                            + " managed: missing (expected: boolean)");
            agent.answer((r, exchange) -> FakeAgent.send(exchange, 200, "<html>proxy error</html>"));
            assertThat(communication(() -> client.supvisors().getApiVersion()))
                    .hasMessageContaining("unexpected answer to supvisors.get_api_version: <html> (expected:"
                            + " <methodResponse>)");
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void an_answer_larger_than_the_limit_is_refused(TransportChoice transport) throws Exception {
        try (FakeAgent agent = FakeAgent.answering(FakeAgent.response("<string>" + "x".repeat(4096) + "</string>"));
             SupvisorsClient client = transport.builder(agent.url()).maxResponseBytes(1024).build()) {
            CommunicationException e = communication(() -> client.supvisors().getApiVersion());
            assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE);
            assertThat(e).hasMessageContaining("answer larger than 1024 bytes");
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void a_refused_connection_names_the_url(TransportChoice transport) throws Exception {
        int port = freePort();
        try (SupvisorsClient client = client(transport, "http://127.0.0.1:" + port)) {
            long start = System.nanoTime();
            CommunicationException e = communication(() -> client.supvisors().getApiVersion());
            assertThat(e.reason()).isEqualTo(Reason.CONNECTION_REFUSED);
            assertThat(e).hasMessage("http://127.0.0.1:" + port + "/RPC2 refused connection");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void an_unknown_host_is_named(TransportChoice transport) {
        try (SupvisorsClient client = client(transport, "http://no-such-host.invalid:60002")) {
            CommunicationException e = communication(() -> client.supvisors().getApiVersion());
            assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_HOST);
            assertThat(e).hasMessage("http://no-such-host.invalid:60002/RPC2: unknown host no-such-host.invalid");
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void a_server_that_does_not_answer_hits_the_read_timeout(TransportChoice transport) throws Exception {
        try (SilentServer server = new SilentServer(false);
             SupvisorsClient client = transport.builder(server.url()).readTimeout(Duration.ofMillis(300))
                     .build()) {
            long start = System.nanoTime();
            CommunicationException e = communication(() -> client.supvisors().getApiVersion());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(e.reason()).isEqualTo(Reason.READ_TIMEOUT);
            assertThat(e).hasMessage(server.url() + "/RPC2: no answer to supvisors.get_api_version within 300 ms"
                    + " (timeout of the call)");
            assertThat(took).isBetween(Duration.ofMillis(280), Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void a_server_that_drops_the_connection_is_a_lost_connection(TransportChoice transport) throws Exception {
        try (SilentServer server = new SilentServer(true); SupvisorsClient client = client(transport, server.url())) {
            CommunicationException e = communication(() -> client.supvisors().getApiVersion());
            assertThat(e.reason()).isEqualTo(Reason.CONNECTION_LOST);
            assertThat(e).hasMessageStartingWith(server.url() + "/RPC2: connection lost before the answer to"
                    + " supvisors.get_api_version: ");
        }
    }

    @Test
    void a_full_accept_queue_hits_the_connect_timeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            boolean full = false;
            try {
                for (int i = 0; i < 20 && !full; i++) {
                    Socket socket = new Socket();
                    fillers.add(socket);
                    try {
                        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()),
                                200);
                    } catch (IOException timedOut) {
                        full = true;
                    }
                }
                assumeThat(full).as("this kernel accepts past the backlog: no way to make a connect hang").isTrue();
                try (SupvisorsClient client = SupvisorsClient.builder("http://127.0.0.1:" + server.getLocalPort())
                        .connectTimeout(Duration.ofMillis(300)).build()) {
                    CommunicationException e = communication(() -> client.supvisors().getApiVersion());
                    assertThat(e.reason()).isEqualTo(Reason.CONNECT_TIMEOUT);
                    assertThat(e).hasMessage("http://127.0.0.1:" + server.getLocalPort() + "/RPC2: no connection"
                            + " within 300 ms (connect timeout)");
                }
            } finally {
                for (Socket socket : fillers) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void a_call_that_waits_is_bounded_by_the_wait_timeout_not_the_read_timeout() throws Exception {
        try (FakeAgent agent = new FakeAgent(FakeAgent.after(Duration.ofMillis(800), (request, exchange) ->
                FakeAgent.send(exchange, 200, FakeAgent.response("<boolean>1</boolean>"))))) {
            try (SupvisorsClient client = SupvisorsClient.builder(agent.url()).readTimeout(Duration.ofMillis(200))
                    .build()) {
                assertThat(client.supvisors().startApplication(StartingStrategy.CONFIG, "web")).isTrue();
                assertThat(client.supervisor().startProcess("web")).isTrue();
                assertThat(communication(() -> client.supvisors().startApplication(StartingStrategy.CONFIG, "web",
                        false)).reason()).isEqualTo(Reason.READ_TIMEOUT);
                assertThat(client.callWithTimeout(null, "supvisors.stop_process", "web", true)).isEqualTo(true);
                assertThat(communication(() -> client.call("supvisors.stop_process", "web", true)).reason())
                        .isEqualTo(Reason.READ_TIMEOUT);
            }
            try (SupvisorsClient client = SupvisorsClient.builder(agent.url()).waitTimeout(Duration.ofMillis(300))
                    .build()) {
                CommunicationException e = communication(() -> client.supvisors().stopApplication("web"));
                assertThat(e.reason()).isEqualTo(Reason.READ_TIMEOUT);
                assertThat(e).hasMessageContaining("no answer to supvisors.stop_application within 300 ms");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void close_abandons_the_calls_in_progress_and_refuses_later_ones(TransportChoice transport) throws Exception {
        try (SilentServer server = new SilentServer(false)) {
            SupvisorsClient client = transport.builder(server.url()).build();
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
            org.supvisors.client.Await.until(Duration.ofSeconds(5), () -> assertThat(server.connections()).isOne());
            client.close();
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(failure.get()).isInstanceOfSatisfying(CommunicationException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.CLOSED));
            assertThat(client.isClosed()).isTrue();
            CommunicationException later = communication(() -> client.supvisors().getApiVersion());
            assertThat(later.reason()).isEqualTo(Reason.CLOSED);
            assertThat(later).hasMessage(server.url() + "/RPC2: client closed, supvisors.get_api_version not sent");
            client.close();
        }
    }

    @Test
    void an_interrupted_caller_stops_waiting_and_keeps_its_interrupt_status() throws Exception {
        try (SilentServer server = new SilentServer(false); SupvisorsClient client = client(server.url())) {
            AtomicReference<Exception> failure = new AtomicReference<>();
            AtomicReference<Boolean> interrupted = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    client.supvisors().getApiVersion();
                } catch (Exception e) {
                    failure.set(e);
                    interrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            caller.start();
            org.supvisors.client.Await.until(Duration.ofSeconds(5), () -> assertThat(server.connections()).isOne());
            caller.interrupt();
            caller.join(5000);
            assertThat(failure.get()).isInstanceOfSatisfying(CommunicationException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.INTERRUPTED));
            assertThat(interrupted.get()).isTrue();
        }
    }

    @Test
    void multicall_returns_values_and_inline_faults_in_order_as_supervisor_sends_them() throws Exception {
        try (FakeAgent agent = FakeAgent.answering(FakeAgent.response("<array><data>"
                + "<value><string>0.19</string></value>"
                + "<value><struct><member><name>faultCode</name><value><int>10</int></value></member>"
                + "<member><name>faultString</name><value><string>BAD_NAME: x</string></value></member></struct>"
                + "</value></data></array>")); SupvisorsClient client = client(agent.url())) {
            List<CallResult> results = client.system().multicall(List.of(Call.of("supvisors.get_api_version"),
                    Call.of("supervisor.getProcessInfo", "x")));
            assertThat(results.get(0).isFault()).isFalse();
            assertThat(results.get(0).get()).isEqualTo("0.19");
            assertThat(results.get(1).isFault()).isTrue();
            assertThat(results.get(1).fault().is(FaultCode.BAD_NAME)).isTrue();
            assertThat(results.get(1).fault().method()).isEqualTo("supervisor.getProcessInfo");
            assertThatThrownBy(() -> results.get(1).get()).isSameAs(results.get(1).fault());
            assertThat(agent.requests().get(0).body()).contains("<member><name>methodName</name><value><string>"
                    + "supervisor.getProcessInfo</string></value></member><member><name>params</name><value><array>"
                    + "<data><value><string>x</string></value></data></array></value></member>");
            assertThat(communication(() -> client.system().multicall(List.of(Call.of("a")))))
                    .hasMessageContaining("2 results for 1 calls");
        }
    }

    @Test
    void the_typed_results_decode_what_the_agent_sends() throws Exception {
        try (FakeAgent agent = FakeAgent.answering(FakeAgent.response("<struct>"
                + "<member><name>application_name</name><value><string>web</string></value></member>"
                + "<member><name>managed</name><value><boolean>1</boolean></value></member>"
                + "<member><name>now_monotonic</name><value><double>12.5</double></value></member>"
                + "<member><name>statecode</name><value><int>2</int></value></member>"
                + "<member><name>statename</name><value><string>RUNNING</string></value></member>"
                + "<member><name>major_failure</name><value><boolean>0</boolean></value></member>"
                + "<member><name>minor_failure</name><value><boolean>1</boolean></value></member>"
                + "<member><name>added_later</name><value><int>7</int></value></member>"
                + "</struct>")); SupvisorsClient client = client(agent.url())) {
            var info = client.supvisors().getApplicationInfo("web");
            assertThat(info.applicationName()).isEqualTo("web");
            assertThat(info.state()).isEqualTo(ApplicationState.RUNNING);
            assertThat(info.minorFailure()).isTrue();
            assertThat(info.raw()).containsEntry("added_later", 7);
            agent.answer((r, exchange) -> FakeAgent.send(exchange, 200, FakeAgent.response("<struct></struct>")));
            assertThat(client.supvisors().getMasterIdentifier()).isEmpty();
        }
    }
}
