package org.supvisors.dist.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.dist.client.ClientFixtures.TIMEOUT;
import static org.supvisors.dist.client.ClientFixtures.close;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supvisors.client.Call;
import org.supvisors.client.CallResult;
import org.supvisors.client.CommunicationException;
import org.supvisors.client.CommunicationException.Reason;
import org.supvisors.client.FaultCode;
import org.supvisors.client.SupervisorApi;
import org.supvisors.client.SupvisorsClient;
import org.supvisors.client.model.LogTail;
import org.supvisors.client.model.ProcessConfigInfo;
import org.supvisors.client.model.ProcessResult;
import org.supvisors.client.model.ProcessState;
import org.supvisors.client.model.SupervisorProcessInfo;
import org.supvisors.client.model.SupervisorState;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;
import org.supvisors.transport.testing.FreePorts;

/**
 * The client library's connection to a real agent: credentials, refused and silent servers, persistent connections,
 * and the {@code supervisor.*} and {@code system.*} namespaces passed through to supervisord.
 */
class ClientTransportIT {

    private static TestingAgent agent;
    private static SupvisorsClient client;

    @BeforeAll
    static void start() {
        agent = TestingAgent.builder("transport")
                .credentials("admin", "s3cret")
                .program("talker", "/bin/sh -c 'echo hello; echo oops >&2; exec cat'", "startsecs = 0",
                        "stdout_logfile = %(test_dir)s/talker.out", "stderr_logfile = %(test_dir)s/talker.err")
                .build().start().awaitOperation(TIMEOUT);
        client = SupvisorsClient.builder(agent.agentUrl()).credentials("admin", "s3cret").build();
    }

    @AfterAll
    static void stop() throws Exception {
        close(agent, client);
    }

    private static CommunicationException communication(SupvisorsClient other) {
        return ClientFixtures.communication(() -> other.supvisors().getApiVersion());
    }

    @Test
    void a_wrong_or_missing_password_is_a_clear_unauthorized() {
        try (SupvisorsClient wrong = SupvisorsClient.builder(agent.agentUrl()).credentials("admin", "nope").build()) {
            CommunicationException e = communication(wrong);
            assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e).hasMessage(agent.agentUrl() + "/RPC2: HTTP 401 Unauthorized: wrong user name or password");
        }
        try (SupvisorsClient none = SupvisorsClient.builder(agent.agentUrl()).build()) {
            assertThat(communication(none)).hasMessage(agent.agentUrl() + "/RPC2: HTTP 401 Unauthorized: the server"
                    + " requires a user name and password");
        }
        String inUrl = agent.agentUrl().replace("//", "//admin:s3cret@");
        try (SupvisorsClient fromUrl = SupvisorsClient.builder(inUrl).build()) {
            assertThat(fromUrl.supvisors().getApiVersion()).isEqualTo("0.19");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void an_unreachable_port_is_a_refused_connection_at_once() {
        int port = FreePorts.one();
        try (SupvisorsClient refused = SupvisorsClient.builder("http://127.0.0.1:" + port).build()) {
            long start = System.nanoTime();
            CommunicationException e = communication(refused);
            assertThat(e.reason()).isEqualTo(Reason.CONNECTION_REFUSED);
            assertThat(e).hasMessage("http://127.0.0.1:" + port + "/RPC2 refused connection");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void a_server_that_accepts_and_never_answers_hits_the_read_timeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                    assert closed != null;
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + silent.getLocalPort();
            try (SupvisorsClient hanging = SupvisorsClient.builder(url).readTimeout(Duration.ofMillis(500)).build()) {
                long start = System.nanoTime();
                CommunicationException e = communication(hanging);
                assertThat(e.reason()).isEqualTo(Reason.READ_TIMEOUT);
                assertThat(e).hasMessage(url + "/RPC2: no answer to supvisors.get_api_version within 500 ms"
                        + " (timeout of the call)");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(450),
                        Duration.ofSeconds(3));
            }
            silent.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void calls_on_one_persistent_connection_take_a_millisecond_not_a_delayed_ack() throws Exception {
        for (int i = 0; i < 100; i++) {
            client.supvisors().getApiVersion();   // warm-up: class loading and JIT of both sides
        }
        long closedBefore = closedWith(agent.agentPort());
        int calls = 200;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            client.supvisors().getApiVersion();
        }
        double millisPerCall = (System.nanoTime() - start) / 1e6 / calls;
        System.out.printf("ClientTransportIT: %.2f ms per get_api_version on a persistent connection%n",
                millisPerCall);
        assertThat(millisPerCall).as("ms per call (a 40 ms delayed ACK would show here)").isLessThan(10.0);
        assertThat(closedWith(agent.agentPort()) - closedBefore).as("connections closed during 200 calls (one per"
                + " call without keep-alive)").isLessThan(5);
    }

    /**
     * The TCP connections of this host in TIME_WAIT with {@code port} at either end (Linux's /proc/net/tcp): a
     * connection per call would leave one per call.
     */
    private static long closedWith(int port) throws IOException {
        String end = String.format(":%04X", port);
        try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/net/tcp"))) {
            return lines.skip(1).map(String::trim).map(line -> line.split("\\s+"))
                    .filter(f -> (f[1].endsWith(end) || f[2].endsWith(end)) && f[3].equals("06")).count();
        }
    }

    @Test
    void supervisor_methods_pass_through_the_agent_typed() throws Exception {
        SupervisorApi supervisor = client.supervisor();
        assertThat(supervisor.getState()).isEqualTo(SupervisorState.RUNNING);
        assertThat(supervisor.getAPIVersion()).isEqualTo("3.0");
        assertThat(supervisor.getSupervisorVersion()).matches("\\d+\\.\\d+.*");
        assertThat(supervisor.getIdentification()).isEqualTo("transport");
        assertThat(supervisor.getPID()).isEqualTo((int) agent.supervisord().pid());

        Await.until(TIMEOUT, () -> assertThat(supervisor.getProcessInfo("talker").state())
                .isEqualTo(ProcessState.STOPPED));
        assertThat(supervisor.startProcess("talker")).isTrue();
        SupervisorProcessInfo talker = supervisor.getProcessInfo("talker");
        assertThat(talker.state()).isEqualTo(ProcessState.RUNNING);
        assertThat(talker.pid()).isPositive();
        assertThat(talker.stdoutLogfile()).endsWith("talker.out");
        assertThat(supervisor.getAllProcessInfo()).extracting(SupervisorProcessInfo::name)
                .contains("talker", "supvisors");
        ProcessConfigInfo config = supervisor.getAllConfigInfo().stream().filter(c -> c.name().equals("talker"))
                .findFirst().orElseThrow();
        assertThat(config.command()).contains("echo hello");
        assertThat(config.exitcodes()).containsExactly(0);

        Await.until(TIMEOUT, () -> assertThat(supervisor.readProcessStdoutLog("talker", 0, 100))
                .isEqualTo("hello\n"));
        assertThat(supervisor.readProcessStderrLog("talker", 0, 100)).isEqualTo("oops\n");
        assertThat(supervisor.sendProcessStdin("talker", "echoed\n")).isTrue();
        Await.until(TIMEOUT, () -> assertThat(supervisor.tailProcessStdoutLog("talker", 0, 1000).text())
                .isEqualTo("hello\nechoed\n"));
        LogTail tail = supervisor.tailProcessStdoutLog("talker", 0, 6);
        assertThat(tail.text()).isEqualTo("echoed\n".substring(1));
        assertThat(tail.offset()).isEqualTo(13);
        assertThat(tail.overflow()).isTrue();
        assertThat(supervisor.clearProcessLogs("talker")).isTrue();
        assertThat(supervisor.readLog(0, 0)).contains("supervisord started");
        assertThat(supervisor.signalProcess("talker", "CONT")).isTrue();
        List<ProcessResult> stopped = supervisor.stopProcessGroup("talker", true);
        assertThat(stopped).singleElement().satisfies(r -> {
            assertThat(r.isSuccess()).isTrue();
            assertThat(r.namespec()).isEqualTo("talker");
        });
        assertThat(supervisor.reloadConfig().added()).isEmpty();
    }

    @Test
    void system_methods_list_help_and_multicall_across_namespaces() throws Exception {
        List<String> methods = client.system().listMethods();
        assertThat(methods).contains("supvisors.get_api_version", "supvisors.start_application",
                "supervisor.getState", "system.multicall");
        assertThat(client.system().methodHelp("supvisors.start_application")).contains("strategy");
        assertThat(client.system().methodSignature("supvisors.start_application"))
                .containsExactly("boolean", "string", "string", "boolean");
        assertThat(client.system().methodSignature("supervisor.getState")).containsExactly("struct");

        List<CallResult> results = client.system().multicall(List.of(Call.of("supvisors.get_api_version"),
                Call.of("supervisor.getAPIVersion"), Call.of("supvisors.get_application_info", "nope"),
                Call.of("supervisor.getState")));
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get()).isEqualTo("0.19");
        assertThat(results.get(1).get()).isEqualTo("3.0");
        assertThat(results.get(2).isFault()).isTrue();
        assertThat(results.get(2).fault().is(FaultCode.BAD_NAME)).isTrue();
        assertThat(results.get(2).fault().method()).isEqualTo("supvisors.get_application_info");
        assertThat(((Map<?, ?>) results.get(3).get()).get("statename")).isEqualTo("RUNNING");
    }
}
