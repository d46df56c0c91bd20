package org.supvisors.transport.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.apache.xmlrpc.client.XmlRpcHttpTransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supvisors.core.api.Fault;
import org.supvisors.core.api.SupvisorsFault;
import org.supvisors.transport.config.HttpServerSettings;
import org.supvisors.transport.testing.FreePorts;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.EventExecutor;

/** Local methods served on a real socket, called by the Apache XML-RPC client and by Python's xmlrpc.client. */
class XmlRpcServerTest {

    private final ExecutorService elsewhere = Executors.newSingleThreadExecutor();
    private XmlRpcServer server;
    private String url;

    @BeforeEach
    void startServer() {
        RpcRegistry registry = new RpcRegistry()
                .register(TestMethod.sync("test.echo", List.of(RpcParam.required("value", "string")),
                        args -> args.get(0)))
                .register(TestMethod.sync("test.add", List.of(RpcParam.required("a", "int"),
                        RpcParam.optional("b", "int")), args -> (Integer) args.get(0)
                                + (args.size() > 1 ? (Integer) args.get(1) : 100)))
                .register(new TestMethod("test.later", List.of(), "string", "answers from another thread",
                        args -> CompletableFuture.supplyAsync(() -> "later", elsewhere)))
                .register(TestMethod.sync("test.refuse", List.of(), args -> {
                    throw new SupvisorsFault(Fault.BAD_NAME, "process=x unknown in application=y");
                }))
                .register(new TestMethod("test.refuseLater", List.of(), "string", "fails asynchronously",
                        args -> CompletableFuture.supplyAsync(() -> {
                            throw new SupvisorsFault(Fault.BAD_SUPVISORS_STATE, "invalid Supvisors state=INITIALIZATION");
                        }, elsewhere)))
                .register(TestMethod.sync("test.crash", List.of(), args -> {
                    throw new IllegalStateException("boom in the method");
                }))
                .register(TestMethod.sync("test.unencodable", List.of(), args -> new Object()))
                .register(TestMethod.sync("test.types", List.of(), args -> {
                    Map<String, Object> struct = new LinkedHashMap<>();
                    struct.put("int", 7);
                    struct.put("long", 1L << 40);
                    struct.put("bool", true);
                    struct.put("double", 1.5e20);
                    struct.put("string", "a<b & c>");
                    struct.put("bytes", new byte[] {1, 2, 3});
                    struct.put("date", new Date(1_704_164_645_000L));
                    struct.put("list", List.of(1, "two"));
                    struct.put("nil", null);
                    return struct;
                }))
                .register(TestMethod.sync("test.big", List.of(RpcParam.required("size", "int")),
                        args -> "x".repeat((Integer) args.get(0))));
        HttpServerSettings listen = new HttpServerSettings("127.0.0.1", 0, Optional.empty(), Optional.empty());
        HttpServerSettings nowhere = new HttpServerSettings("127.0.0.1", FreePorts.one(), Optional.empty(),
                Optional.empty());
        server = new XmlRpcServer(XmlRpcServerConfig.of(listen, nowhere), registry).route("/status/", STATUS).start();
        url = "http://127.0.0.1:" + server.localAddress().getPort() + "/RPC2";
    }

    /** A route as the dashboard or REST gateway would add: every path below /status/, GET only. */
    private static final HttpRoute STATUS = new HttpRoute() {
        @Override
        public Set<HttpMethod> methods() {
            return Set.of(HttpMethod.GET);
        }

        @Override
        public CompletionStage<FullHttpResponse> answer(FullHttpRequest request, EventExecutor loop) {
            return CompletableFuture.completedFuture(HttpResponses.text(HttpResponseStatus.OK,
                    "status of " + request.uri()));
        }
    };

    @AfterEach
    void stopServer() {
        server.close();
        elsewhere.shutdownNow();
    }

    static XmlRpcClient apacheClient(String url, String username, String password) throws Exception {
        XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
        config.setServerURL(new URL(url));
        config.setEnabledForExtensions(false);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        if (username != null) {
            config.setBasicUserName(username);
            config.setBasicPassword(password);
        }
        XmlRpcClient client = new XmlRpcClient();
        client.setConfig(config);
        return client;
    }

    @Test
    void apache_client_gets_sync_and_async_results_of_local_methods() throws Exception {
        XmlRpcClient client = apacheClient(url, null, null);

        assertThat(client.execute("test.echo", new Object[] {"héllo <&>"})).isEqualTo("héllo <&>");
        assertThat(client.execute("test.echo", new Object[] {42})).isEqualTo(42);
        assertThat(client.execute("test.add", new Object[] {1, 2})).isEqualTo(3);
        assertThat(client.execute("test.add", new Object[] {1})).isEqualTo(101);
        assertThat(client.execute("test.later", new Object[0])).isEqualTo("later");
        Object[] array = (Object[]) client.execute("test.echo", new Object[] {new Object[] {1, "a", true, 2.5}});
        assertThat(array).containsExactly(1, "a", true, 2.5);
        Map<String, Object> struct = new HashMap<>();
        struct.put("k", new byte[] {9, 8});
        struct.put("d", new Date(1_000_000_000_000L));
        @SuppressWarnings("unchecked")
        Map<String, Object> echoed = (Map<String, Object>) client.execute("test.echo", new Object[] {struct});
        assertThat((byte[]) echoed.get("k")).containsExactly(9, 8);
        assertThat(echoed.get("d")).isEqualTo(new Date(1_000_000_000_000L));
    }

    @Test
    void apache_client_gets_faults_for_refusals_arity_unknown_methods_and_crashes() throws Exception {
        XmlRpcClient client = apacheClient(url, null, null);

        assertFault(client, "test.refuse", new Object[0], 10, "BAD_NAME: process=x unknown in application=y");
        assertFault(client, "test.refuseLater", new Object[0], 101,
                "BAD_SUPVISORS_STATE: invalid Supvisors state=INITIALIZATION");
        assertFault(client, "test.add", new Object[0], 2, "INCORRECT_PARAMETERS");
        assertFault(client, "test.add", new Object[] {1, 2, 3}, 2, "INCORRECT_PARAMETERS");
        assertFault(client, "test.nope", new Object[0], 1, "UNKNOWN_METHOD");
        assertFault(client, "nonamespace", new Object[0], 1, "UNKNOWN_METHOD");
        assertFault(client, "test.crash", new Object[0], 30, "FAILED: boom in the method");
        assertFault(client, "test.unencodable", new Object[0], 30,
                "FAILED: result of test.unencodable cannot be encoded: value type: java.lang.Object (expected: "
                        + "String, Integer, Long, Boolean, Double, byte[], Date, List, Map<String, ?> or null)");
        // the connection and the server survive all of that
        assertThat(client.execute("test.echo", new Object[] {"still here"})).isEqualTo("still here");
    }

    private static void assertFault(XmlRpcClient client, String method, Object[] params, int code, String text) {
        assertThatThrownBy(() -> client.execute(method, params))
                .isInstanceOfSatisfying(XmlRpcException.class, fault -> {
                    assertThat(fault.code).isEqualTo(code);
                    assertThat(fault.getMessage()).isEqualTo(text);
                });
    }

    @Test
    void python_client_gets_results_and_faults_of_local_methods_on_one_connection() throws Exception {
        PythonClient.Run run = PythonClient.run(url,
                "('test.echo', ['héllo <&>\\n'])",
                "('test.echo', [[1, -7, True, 1.5, None, b'\\x00\\x01', {'k': 'v'}]])",
                "('test.add', [1])",
                "('test.later', [])",
                "('test.types', [])",
                "('test.refuse', [])",
                "('test.refuseLater', [])",
                "('test.add', [])",
                "('test.nope', [])",
                "('test.crash', [])");

        assertThat(run.answers()).containsExactly(
                "OK 'héllo <&>\\n'",
                "OK [1, -7, True, 1.5, None, b'\\x00\\x01', {'k': 'v'}]",
                "OK 101",
                "OK 'later'",
                "OK {'int': 7, 'long': 1099511627776, 'bool': True, 'double': 1.5e+20, 'string': 'a<b & c>', "
                        + "'bytes': b'\\x01\\x02\\x03', 'date': datetime.datetime(2024, 1, 2, 3, 4, 5), "
                        + "'list': [1, 'two'], 'nil': None}",
                "FAULT 10 BAD_NAME: process=x unknown in application=y",
                "FAULT 101 BAD_SUPVISORS_STATE: invalid Supvisors state=INITIALIZATION",
                "FAULT 2 INCORRECT_PARAMETERS",
                "FAULT 1 UNKNOWN_METHOD",
                "FAULT 30 FAILED: boom in the method");
    }

    @Test
    void python_client_reads_local_help_signature_and_multicall() throws Exception {
        PythonClient.Run run = PythonClient.run(url,
                "('system.methodHelp', ['test.add'])",
                "('system.methodSignature', ['test.add'])",
                "('system.multicall', [[{'methodName': 'test.add', 'params': [1, 2]}, "
                        + "{'methodName': 'test.refuse', 'params': []}, "
                        + "{'methodName': 'test.later'}, "
                        + "{'methodName': 'test.nope', 'params': []}, "
                        + "{'methodName': 'system.multicall', 'params': [[]]}, "
                        + "{'params': []}, "
                        + "{'methodName': 'test.add', 'params': []}, "
                        + "{'methodName': 'test.crash', 'params': []}]])",
                "('system.multicall', [[]])",
                "('system.multicall', [1])");

        assertThat(run.answers()).containsExactly(
                "OK 'help of test.add'",
                "OK ['string', 'int', 'int']",
                "OK [3, {'faultCode': 10, 'faultString': 'BAD_NAME: process=x unknown in application=y'}, "
                        + "'later', {'faultCode': 1, 'faultString': 'UNKNOWN_METHOD'}, "
                        + "{'faultCode': 2, 'faultString': 'INCORRECT_PARAMETERS: Recursive system.multicall "
                        + "forbidden'}, {'faultCode': 2, 'faultString': 'INCORRECT_PARAMETERS: No methodName'}, "
                        + "{'faultCode': 2, 'faultString': 'INCORRECT_PARAMETERS'}, "
                        + "{'faultCode': 30, 'faultString': 'FAILED: boom in the method'}]",
                "OK []",
                "FAULT 2 INCORRECT_PARAMETERS");
    }

    @Test
    void two_calls_share_one_keep_alive_connection_and_pipelined_calls_are_answered_in_order() throws Exception {
        try (RawHttp http = new RawHttp(server.localAddress())) {
            RawHttp.Response first = http.exchange(RawHttp.post(RawHttp.call("test.later"), ""));
            RawHttp.Response second = http.exchange(RawHttp.post(RawHttp.call("test.types"), ""));
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).contains("later");
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.body()).contains("<name>long</name>\n<value><i8>1099511627776</i8></value>");

            // the slow (async) call first, the immediate one second, in one write: answers in request order
            byte[] slow = RawHttp.post(RawHttp.call("test.later"), "");
            byte[] quick = RawHttp.post(RawHttp.call("test.crash"), "");
            byte[] both = Arrays.copyOf(slow, slow.length + quick.length);
            System.arraycopy(quick, 0, both, slow.length, quick.length);
            http.send(both);
            assertThat(http.read().body()).contains("later");
            assertThat(http.read().body()).contains("FAILED: boom in the method");
        }
    }

    @Test
    void a_200_kib_answer_arrives_whole_on_a_keep_alive_connection() throws Exception {
        int size = 200 * 1024;
        String request = "<?xml version='1.0'?><methodCall><methodName>test.big</methodName><params><param><value>"
                + "<int>" + size + "</int></value></param></params></methodCall>";
        try (RawHttp http = new RawHttp(server.localAddress())) {
            long[] nanos = new long[10];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                RawHttp.Response response = http.exchange(RawHttp.post(request, ""));
                nanos[i] = System.nanoTime() - start;
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).contains("x".repeat(size));
            }
            System.out.printf("200 KiB answer on one keep-alive connection, ms per call: %s%n",
                    Arrays.toString(Arrays.stream(nanos).mapToObj(n -> String.format("%.2f", n / 1e6)).toArray()));
        }
        PythonClient.Run run = PythonClient.run(url, "('test.big', [" + size + "])", "('test.big', [" + size + "])",
                "('test.big', [" + size + "])", "('test.echo', ['small'])", "('test.echo', ['small'])");
        assertThat(run.answers().get(2)).hasSize(size + "OK ''".length());
        System.out.printf("python xmlrpc.client on one keep-alive connection, ms per call: %s%n",
                Arrays.toString(run.millis()));
    }

    @Test
    void registry_refuses_system_names_duplicates_and_misplaced_optional_parameters() {
        RpcRegistry registry = new RpcRegistry().register(TestMethod.sync("a.b", List.of(), args -> ""));
        assertThatThrownBy(() -> registry.register(TestMethod.sync("a.b", List.of(), args -> "")))
                .hasMessage("method name: a.b (expected: not registered yet)");
        assertThatThrownBy(() -> registry.register(TestMethod.sync("system.listMethods", List.of(), args -> "")))
                .hasMessageStartingWith("method name: system.listMethods (expected: not in the system namespace");
        assertThatThrownBy(() -> registry.register(TestMethod.sync("a.b.c", List.of(), args -> "")))
                .hasMessageStartingWith("method name: a.b.c (expected: namespace.method");
        assertThatThrownBy(() -> registry.register(TestMethod.sync("a.c", List.of(RpcParam.optional("x", "int"),
                RpcParam.required("y", "int")), args -> "")))
                .hasMessage("parameter y of a.c: required after an optional one (expected: optional parameters "
                        + "last)");
    }

    @Test
    void lifecycle_is_guarded_and_a_busy_port_is_reported() {
        assertThatThrownBy(() -> server.start()).isInstanceOf(IllegalStateException.class)
                .hasMessage("XML-RPC server: already STARTED (expected: started once)");
        assertThatThrownBy(() -> server.route("/api/", STATUS))
                .isInstanceOf(IllegalStateException.class);
        int busy = server.localAddress().getPort();
        HttpServerSettings listen = new HttpServerSettings("127.0.0.1", busy, Optional.empty(), Optional.empty());
        XmlRpcServer second = new XmlRpcServer(XmlRpcServerConfig.of(listen, listen), new RpcRegistry());
        assertThatThrownBy(second::start)
                .hasMessageStartingWith("XML-RPC server: cannot listen on 127.0.0.1:" + busy + " (");
        second.close();
    }

    @Test
    void http_errors_are_answered_with_a_short_text() throws Exception {
        try (RawHttp http = new RawHttp(server.localAddress())) {
            RawHttp.Response get = http.exchange("GET /RPC2 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThat(get.status()).isEqualTo(405);
            assertThat(get.header("Allow")).isEqualTo("POST");
            RawHttp.Response missing = http.exchange("GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo("404 no resource at /nothing\n");
            RawHttp.Response malformed = http.exchange(RawHttp.post("<methodCall><methodName>x</methodCall>", ""));
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.body()).startsWith("400 malformed XML-RPC request: malformed XML at line 1");
            RawHttp.Response ok = http.exchange(RawHttp.post(RawHttp.call("test.later"), ""));
            assertThat(ok.status()).isEqualTo(200);
        }
    }

    @Test
    void a_route_serves_its_paths_beside_rpc2() throws Exception {
        try (RawHttp http = new RawHttp(server.localAddress())) {
            RawHttp.Response status = http.exchange("GET /status/instances?x=1 HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes());
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.body()).isEqualTo("status of /status/instances?x=1\n");
            RawHttp.Response post = http.exchange("POST /status/x HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
                    .getBytes());
            assertThat(post.status()).isEqualTo(405);
            assertThat(post.header("Allow")).isEqualTo("GET");
        }
    }
}
