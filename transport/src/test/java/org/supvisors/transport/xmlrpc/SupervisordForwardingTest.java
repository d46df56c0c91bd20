package org.supvisors.transport.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supvisors.core.api.Fault;
import org.supvisors.core.api.SupvisorsFault;
import org.supvisors.core.testing.Await;
import org.supvisors.transport.config.HttpServerSettings;
import org.supvisors.transport.testing.TestingSupervisord;

/** supervisor.* and system.* forwarded to a real supervisord, merged with local methods where Supervisor lists. */
class SupervisordForwardingTest {

    private static TestingSupervisord supervisord;
    private static XmlRpcServer server;
    private static String url;

    @BeforeAll
    static void start() {
        supervisord = TestingSupervisord.builder("forwarding")
                .program("sleeper", "/bin/sleep 1000", "autostart = true")
                .build().start();
        RpcRegistry registry = new RpcRegistry()
                .register(new TestMethod("supvisors.get_api_version", List.of(), "string",
                        "Return the version of the RPC API used by Supvisors.",
                        args -> CompletableFuture.completedFuture("1.0")))
                .register(new TestMethod("supvisors.get_process_info",
                        List.of(RpcParam.required("namespec", "string")), "array", "help",
                        args -> CompletableFuture.failedFuture(new SupvisorsFault(Fault.BAD_NAME,
                                "process=" + args.get(0) + " unknown in application=" + args.get(0)))))
                .register(new TestMethod("supervisor.getSupervisorVersion", List.of(), "string",
                        "overridden locally", args -> CompletableFuture.completedFuture("local override")));
        server = new XmlRpcServer(XmlRpcServerConfig.of(listen(), settings(supervisord, null, null)), registry)
                .start();
        url = "http://127.0.0.1:" + server.localAddress().getPort() + "/RPC2";
    }

    @AfterAll
    static void stop() {
        server.close();
        supervisord.close();
    }

    static HttpServerSettings listen() {
        return new HttpServerSettings("127.0.0.1", 0, Optional.empty(), Optional.empty());
    }

    static HttpServerSettings settings(TestingSupervisord supervisord, String username, String password) {
        return new HttpServerSettings("", supervisord.httpPort(), Optional.ofNullable(username),
                Optional.ofNullable(password));
    }

    @Test
    void apache_client_reads_supervisord_state_processes_and_faults_through_the_agent() throws Exception {
        XmlRpcClient client = XmlRpcServerTest.apacheClient(url, null, null);

        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) client.execute("supervisor.getState", new Object[0]);
        assertThat(state).containsEntry("statecode", 1).containsEntry("statename", "RUNNING");
        Await.until(Duration.ofSeconds(10), () -> {
            Object[] processes = (Object[]) client.execute("supervisor.getAllProcessInfo", new Object[0]);
            assertThat(processes).hasSize(1);
            @SuppressWarnings("unchecked")
            Map<String, Object> sleeper = (Map<String, Object>) processes[0];
            assertThat(sleeper).containsEntry("name", "sleeper").containsEntry("statename", "RUNNING");
        });
        assertThatThrownBy(() -> client.execute("supervisor.getProcessInfo", new Object[] {"nope"}))
                .isInstanceOfSatisfying(XmlRpcException.class, fault -> {
                    assertThat(fault.code).isEqualTo(10);
                    assertThat(fault.getMessage()).isEqualTo("BAD_NAME: nope");
                });
        assertThatThrownBy(() -> client.execute("supervisor.getState", new Object[] {1}))
                .isInstanceOfSatisfying(XmlRpcException.class, fault -> assertThat(fault.code).isEqualTo(2));
        assertThat(client.execute("supervisor.getSupervisorVersion", new Object[0])).isEqualTo("local override");
        assertThat(client.execute("supervisor.getVersion", new Object[0])).isEqualTo("3.0");
    }

    @Test
    void python_client_sees_merged_introspection_and_a_multicall_across_namespaces() throws Exception {
        String supervisordMethods = supervisord.call("system.listMethods");

        PythonClient.Run run = PythonClient.run(url,
                "('system.listMethods', [])",
                "('system.methodHelp', ['supvisors.get_api_version'])",
                "('system.methodHelp', ['supervisor.getState'])",
                "('system.methodSignature', ['supvisors.get_process_info'])",
                "('system.methodSignature', ['supervisor.startProcess'])",
                "('system.methodHelp', ['nope.nope'])",
                "('system.multicall', [["
                        + "{'methodName': 'supervisor.getState', 'params': []}, "
                        + "{'methodName': 'supervisor.getProcessInfo', 'params': ['nope']}, "
                        + "{'methodName': 'supvisors.get_api_version', 'params': []}, "
                        + "{'methodName': 'supvisors.get_process_info', 'params': ['x']}, "
                        + "{'methodName': 'supervisor.getAPIVersion', 'params': []}, "
                        + "{'methodName': 'system.methodSignature', 'params': ['supvisors.get_api_version']}, "
                        + "{'methodName': 'system.methodSignature', 'params': ['supervisor.getState']}, "
                        + "{'methodName': 'system.multicall', 'params': [[]]}, "
                        + "{'methodName': 'supervisor.getSupervisorVersion', 'params': []}, "
                        + "{'methodName': 'supervisor.getIdentification', 'params': []}]])",
                "('supervisor.getState', [])");

        List<String> answers = run.answers();
        assertThat(answers.get(0)).startsWith("OK ['supervisor.addProcessGroup', ")
                .contains("'supervisor.getState', 'supervisor.getSupervisorVersion', 'supervisor.getVersion'")
                .contains("'supvisors.get_api_version', 'supvisors.get_process_info', 'system.listMethods', "
                        + "'system.methodHelp', 'system.methodSignature', 'system.multicall']");
        long supervisordCount = supervisordMethods.lines().filter(line -> line.contains("<string>")).count();
        assertThat(answers.get(0).split(", ")).hasSize((int) supervisordCount + 2);
        assertThat(answers.subList(1, 6)).containsExactly(
                "OK 'Return the version of the RPC API used by Supvisors.'",
                "OK ' Return current state of supervisord as a struct\\n\\n        @return struct A struct with keys "
                        + "int statecode, string statename\\n        '",
                "OK ['array', 'string']",
                "OK ['boolean', 'string', 'boolean']",
                "FAULT 4 SIGNATURE_UNSUPPORTED");
        assertThat(answers.get(6)).isEqualTo("OK [{'statecode': 1, 'statename': 'RUNNING'}, "
                + "{'faultCode': 10, 'faultString': 'BAD_NAME: nope'}, "
                + "'1.0', "
                + "{'faultCode': 10, 'faultString': 'BAD_NAME: process=x unknown in application=x'}, "
                + "'3.0', "
                + "['string'], "
                + "['struct'], "
                + "{'faultCode': 2, 'faultString': 'INCORRECT_PARAMETERS: Recursive system.multicall forbidden'}, "
                + "'local override', "
                + "'supervisor']");
        assertThat(answers.get(7)).isEqualTo("OK {'statecode': 1, 'statename': 'RUNNING'}");
    }

    @Test
    void forwarded_calls_on_a_keep_alive_connection_do_not_stall() throws Exception {
        byte[] getState = RawHttp.post(RawHttp.call("supervisor.getState"), "");
        double[] agent = timeCalls(server.localAddress(), getState, 200);
        double[] direct = timeCalls(new InetSocketAddress("127.0.0.1", supervisord.httpPort()), getState, 200);
        System.out.printf("supervisor.getState on one keep-alive connection, 200 calls: through the agent median "
                + "%.3f ms p90 %.3f ms max %.3f ms; supervisord directly median %.3f ms%n",
                agent[100], agent[180], agent[199], direct[100]);
        // a stall is ~40 ms per call: even a slow machine answers most calls far below it
        assertThat(agent[100]).isLessThan(20.0);
    }

    private static double[] timeCalls(InetSocketAddress address, byte[] request, int count) throws Exception {
        double[] millis = new double[count];
        try (RawHttp http = new RawHttp(address)) {
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                RawHttp.Response response = http.exchange(request);
                millis[i] = (System.nanoTime() - start) / 1e6;
                assertThat(response.body()).contains("RUNNING");
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    @Test
    void agent_uses_its_own_supervisord_credentials_and_checks_its_callers() throws Exception {
        try (TestingSupervisord secured = TestingSupervisord.builder("secured").credentials("sv", "svpass")
                .build().start();
                XmlRpcServer agent = new XmlRpcServer(XmlRpcServerConfig.of(
                        new HttpServerSettings("127.0.0.1", 0, Optional.of("user"), Optional.of("secret")),
                        settings(secured, "sv", "svpass")), new RpcRegistry()).start();
                XmlRpcServer wrongAgent = new XmlRpcServer(XmlRpcServerConfig.of(listen(),
                        settings(secured, "sv", "wrong")), new RpcRegistry()).start()) {
            String agentUrl = "http://127.0.0.1:" + agent.localAddress().getPort() + "/RPC2";

            XmlRpcClient right = XmlRpcServerTest.apacheClient(agentUrl, "user", "secret");
            @SuppressWarnings("unchecked")
            Map<String, Object> state = (Map<String, Object>) right.execute("supervisor.getState", new Object[0]);
            assertThat(state).containsEntry("statename", "RUNNING");

            PythonClient.Run run = PythonClient.run("http://user:secret@127.0.0.1:" + agent.localAddress().getPort()
                    + "/RPC2", "('supervisor.getState', [])");
            assertThat(run.answers()).containsExactly("OK {'statecode': 1, 'statename': 'RUNNING'}");

            String wrongUrl = "http://127.0.0.1:" + wrongAgent.localAddress().getPort() + "/RPC2";
            assertThat(PythonClient.run(wrongUrl, "('supervisor.getState', [])").answers()).containsExactly(
                    "FAULT 30 FAILED: supervisord at http://127.0.0.1:" + secured.httpPort()
                            + "/RPC2 refused the agent's credentials (HTTP 401)");
        }
    }

    @Test
    void supervisord_down_is_a_failed_fault_naming_its_url() throws Exception {
        TestingSupervisord doomed = TestingSupervisord.builder("doomed").build().start();
        try (XmlRpcServer agent = new XmlRpcServer(XmlRpcServerConfig.of(listen(), settings(doomed, null, null)),
                new RpcRegistry().register(new TestMethod("supvisors.get_api_version", List.of(), "string", "help",
                        args -> CompletableFuture.completedFuture("1.0")))).start()) {
            String agentUrl = "http://127.0.0.1:" + agent.localAddress().getPort() + "/RPC2";
            String down = "FAILED: supervisord unreachable at http://127.0.0.1:" + doomed.httpPort()
                    + "/RPC2 (Connection refused)";
            // a first call leaves a pooled connection, which must not mislead the next call once supervisord is gone
            assertThat(PythonClient.run(agentUrl, "('supervisor.getState', [])").answers())
                    .containsExactly("OK {'statecode': 1, 'statename': 'RUNNING'}");
            doomed.close();

            PythonClient.Run run = PythonClient.run(agentUrl,
                    "('supervisor.getState', [])",
                    "('system.listMethods', [])",
                    "('system.multicall', [[{'methodName': 'supvisors.get_api_version'}, "
                            + "{'methodName': 'supervisor.getState'}, {'methodName': 'supervisor.getPID'}]])",
                    "('supvisors.get_api_version', [])");

            assertThat(run.answers()).containsExactly(
                    "FAULT 30 " + down,
                    "FAULT 30 " + down,
                    "OK ['1.0', {'faultCode': 30, 'faultString': '" + down + "'}, {'faultCode': 30, "
                            + "'faultString': '" + down + "'}]",
                    "OK '1.0'");

            // supervisord back on the same port: the agent forwards again
            try (TestingSupervisord reborn = TestingSupervisord.builder("reborn").httpPort(doomed.httpPort())
                    .build().start()) {
                assertThat(PythonClient.run(agentUrl, "('supervisor.getState', [])").answers())
                        .containsExactly("OK {'statecode': 1, 'statename': 'RUNNING'}");
            }
        } finally {
            doomed.close();
        }
    }

    @Test
    void supervisorctl_works_through_the_agent() throws Exception {
        String serverUrl = "http://127.0.0.1:" + server.localAddress().getPort();
        Await.until(Duration.ofSeconds(10), () -> assertThat(supervisorctl(serverUrl, "status"))
                .matches("(?s)sleeper\\s+RUNNING\\s+pid \\d+, uptime .*"));
        assertThat(supervisorctl(serverUrl, "pid")).isEqualTo(Long.toString(supervisord.pid()));
        assertThat(supervisorctl(serverUrl, "version")).isEqualTo("local override");
    }

    private static String supervisorctl(String serverUrl, String... command) throws Exception {
        List<String> line = new java.util.ArrayList<>(List.of("supervisorctl", "-s", serverUrl));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return output.strip();
    }
}
