package org.supvisors.dist.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supvisors.dist.testing.TestingAgent;

/**
 * The agent's endpoint on a supervisord with credentials: it demands them, answers every query method to an
 * ordinary client (Python's xmlrpc.client), and refuses bad requests with the expected fault or HTTP status.
 */
class AgentEndpointIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static TestingAgent agent;

    @BeforeAll
    static void start() {
        agent = TestingAgent.builder("secure")
                .credentials("admin", "s3cret")
                .program("sleeper", "/bin/sleep 1000", "autostart = true")
                .build().start().awaitOperation(TIMEOUT);
        org.supvisors.core.testing.Await.until(TIMEOUT, () ->
                assertThat(agent.processState("sleeper")).isEqualTo("RUNNING"));
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void without_credentials_or_with_wrong_ones_the_agent_answers_401() throws Exception {
        String body = call("supvisors.get_api_version");
        assertThat(post(body, null)).startsWith("HTTP/1.1 401");
        assertThat(post(body, "admin:wrong")).startsWith("HTTP/1.1 401");
        assertThat(post(body, "admin:s3cret")).startsWith("HTTP/1.1 200").contains("<string>0.19</string>");
        assertThatThrownBy(() -> TestingAgent.client(agent.agentUrl(), null, null)
                .execute("supvisors.get_api_version", new Object[0])).isInstanceOf(XmlRpcException.class)
                .hasMessageContaining("Unauthorized");
    }

    @Test
    void every_query_method_answers_an_ordinary_python_client() throws Exception {
        String identifier = agent.identifier();
        String script = String.join("\n",
                "import xmlrpc.client as x",
                "p = x.ServerProxy('http://admin:s3cret@127.0.0.1:" + agent.agentPort() + "/RPC2')",
                "s = p.supvisors",
                "print(s.get_api_version())",
                "print(sorted(s.get_supvisors_state().keys()))",
                "print(sorted(s.get_master_identifier().keys()))",
                "print(s.get_strategies())",
                "print(s.get_statistics_status())",
                "print(sorted(s.get_network_info('secure').keys()))",
                "print(len(s.get_all_instances_state_modes()), len(s.get_instance_state_modes('" + identifier + "')))",
                "print(sorted(s.get_all_instances_info()[0].keys()))",
                "print(s.get_instance_info('secure')[0]['statename'])",
                "print(sorted(s.get_all_applications_info()[0].keys()))",
                "print(s.get_application_info('sleeper')['statename'])",
                "print(s.get_application_rules('sleeper'))",
                "print(sorted(s.get_all_process_info()[0].keys()))",
                "print(s.get_process_info('sleeper')[0]['statename'])",
                "print(s.get_process_rules('sleeper:*'))",
                "print(sorted(s.get_all_local_process_info()[0].keys()))",
                "print(s.get_local_process_info('sleeper')['statename'])",
                "print(sorted(set(s.get_all_inner_process_info('secure')[0].keys()) - {'identifier', 'nick_identifier'}))",
                "print(len(s.get_inner_process_info('secure', 'sleeper')))",
                "print(s.get_conflicts())",
                "print(s.change_log_level('info'))",
                "print(p.supervisor.getState()['statename'])",
                "print('supvisors.get_conflicts' in p.system.listMethods(), 'supervisor.getState' in p.system.listMethods())",
                "print(p.system.multicall([{'methodName': 'supvisors.get_api_version', 'params': []},"
                        + " {'methodName': 'supervisor.getAPIVersion', 'params': []}]))");
        List<String> lines = python(script);
        assertThat(lines).containsExactly(
                "0.19",
                "['degraded_mode', 'discovery_mode', 'fsm_statecode', 'fsm_statename', 'identifier', 'instance_states',"
                        + " 'master_identifier', 'nick_identifier', 'now_monotonic', 'starting_jobs', 'stopping_jobs']",
                "['identifier', 'nick_identifier']",
                "{'auto-fencing': False, 'starting': 'CONFIG', 'conciliation': 'USER', 'supvisors_failure': 'CONTINUE'}",
                "{'host_stats': True, 'process_stats': True, 'collecting_period': 5.0}",
                "['host_id', 'http_port', 'identifier', 'network', 'nick_identifier', 'stereotypes']",
                "1 1",
                "['identifier', 'loading', 'local_mtime', 'local_sequence_counter', 'local_time', 'nick_identifier',"
                        + " 'node_name', 'port', 'process_failure', 'remote_mtime', 'remote_sequence_counter',"
                        + " 'remote_time', 'statecode', 'statename']",
                "RUNNING",
                "['application_name', 'major_failure', 'managed', 'minor_failure', 'now_monotonic', 'statecode',"
                        + " 'statename']",
                "RUNNING",
                "{'application_name': 'sleeper', 'managed': False}",
                "['application_name', 'expected_exit', 'extra_args', 'identifiers', 'last_event_mtime',"
                        + " 'now_monotonic', 'process_name', 'statecode', 'statename']",
                "RUNNING",
                "[{'application_name': 'sleeper', 'process_name': 'sleeper', 'identifiers': ['*'], 'start_sequence': 0,"
                        + " 'stop_sequence': 0, 'required': False, 'wait_exit': False, 'expected_loading': 0,"
                        + " 'starting_failure_strategy': 'ABORT', 'running_failure_strategy': 'CONTINUE'}]",
                "['description', 'disabled', 'expected', 'extra_args', 'group', 'has_stderr', 'has_stdout', 'name',"
                        + " 'now', 'now_monotonic', 'pid', 'process_index', 'program_name', 'spawnerr', 'start',"
                        + " 'start_monotonic', 'startsecs', 'state', 'statename', 'stop', 'stop_monotonic',"
                        + " 'stopwaitsecs']",
                "RUNNING",
                "['description', 'disabled', 'event_time', 'expected', 'extra_args', 'group', 'has_crashed',"
                        + " 'has_stderr', 'has_stdout', 'local_mtime', 'name', 'now',"
                        + " 'now_monotonic', 'pid', 'process_index', 'program_name', 'spawnerr', 'start',"
                        + " 'start_monotonic', 'startsecs', 'state', 'statename', 'stop', 'stop_monotonic',"
                        + " 'stopwaitsecs', 'uptime']",
                "1",
                "[]",
                "True",
                "RUNNING",
                "True True",
                "['0.19', '3.0']");
    }

    @Test
    void bad_requests_get_a_fault_or_an_http_status_and_the_agent_keeps_serving() throws Exception {
        assertThatThrownBy(() -> agent.call("supvisors.get_process_info"))
                .isInstanceOfSatisfying(XmlRpcException.class, f -> {
                    assertThat(f.code).isEqualTo(2);
                    assertThat(f.getMessage()).isEqualTo("INCORRECT_PARAMETERS");
                });
        assertThatThrownBy(() -> agent.call("supvisors.get_process_info", 5))
                .isInstanceOfSatisfying(XmlRpcException.class, f -> assertThat(f.code).isEqualTo(2));
        assertThatThrownBy(() -> agent.call("supvisors.no_such_method"))
                .isInstanceOfSatisfying(XmlRpcException.class, f -> {
                    assertThat(f.code).isEqualTo(1);
                    assertThat(f.getMessage()).isEqualTo("UNKNOWN_METHOD");
                });
        assertThatThrownBy(() -> agent.call("supvisors.change_log_level", "loud"))
                .isInstanceOfSatisfying(XmlRpcException.class, f -> assertThat(f.getMessage()).isEqualTo(
                        "INCORRECT_PARAMETERS: invalid logger value=loud - string expected in ['critical', 'error',"
                                + " 'warn', 'info', 'debug', 'trace', 'blather']"));
        assertThatThrownBy(() -> agent.call("supvisors.get_application_info", "nope"))
                .isInstanceOfSatisfying(XmlRpcException.class, f -> assertThat(f.getMessage())
                        .isEqualTo("BAD_NAME: application=nope unknown to Supvisors"));

        assertThat(post("<methodCall><methodName>x</methodName><params>", "admin:s3cret")).startsWith("HTTP/1.1 400");
        assertThat(post("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<methodCall><methodName>&e;</methodName></methodCall>", "admin:s3cret"))
                .startsWith("HTTP/1.1 400").doesNotContain("root:");
        assertThat(postHeadOnly(20 << 20, "admin:s3cret")).startsWith("HTTP/1.1 413");

        assertThat(agent.call("supvisors.get_api_version")).isEqualTo("0.19");
    }

    private static String call(String method) {
        return "<?xml version=\"1.0\"?><methodCall><methodName>" + method + "</methodName><params/></methodCall>";
    }

    /** A raw POST on a fresh connection; returns the status line and the body. */
    private static String post(String body, String credentials) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), agent.agentPort())) {
            socket.setSoTimeout(10000);
            OutputStream out = socket.getOutputStream();
            out.write(head(bytes.length, credentials).getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return readAll(socket.getInputStream());
        }
    }

    /** Announces a huge body and sends only the head: the agent must answer without waiting for the body. */
    private static String postHeadOnly(int length, String credentials) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), agent.agentPort())) {
            socket.setSoTimeout(10000);
            socket.getOutputStream().write(head(length, credentials).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        }
    }

    private static String head(int length, String credentials) {
        String auth = credentials == null ? "" : "Authorization: Basic " + java.util.Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)) + "\r\n";
        return "POST /RPC2 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nConnection: close\r\n" + auth
                + "Content-Length: " + length + "\r\n\r\n";
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        try {
            while ((n = in.read(chunk)) > 0) {
                buffer.write(chunk, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // the agent may close a refused request before reading it all: what came back is the answer
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static List<String> python(String script) throws Exception {
        Path file = Files.createTempFile(agent.directory(), "client", ".py");
        Files.writeString(file, script);
        Process process = new ProcessBuilder("python3", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return List.of(output.strip().split("\n"));
    }
}
