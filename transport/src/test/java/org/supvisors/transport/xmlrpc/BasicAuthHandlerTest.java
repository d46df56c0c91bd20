package org.supvisors.transport.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.apache.xmlrpc.client.XmlRpcHttpTransportException;
import org.junit.jupiter.api.Test;
import org.supvisors.transport.config.HttpServerSettings;
import org.supvisors.transport.testing.FreePorts;

class BasicAuthHandlerTest {

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    private static EmbeddedServer server(String password) {
        return new EmbeddedServer(HttpServerInitializerTest.echo(), Optional.of("user"),
                Optional.of(password), 1 << 20);
    }

    private static final String ECHO = "<methodCall><methodName>test.echo</methodName><params><param><value>hi"
            + "</value></param></params></methodCall>";

    @Test
    void missing_or_wrong_credentials_are_answered_401_with_the_realm_and_right_ones_pass() {
        EmbeddedServer server = server("secret");
        for (String header : new String[] {"", basic("user", "wrong"), basic("other", "secret"), basic("user", ""),
                "Authorization: Basic !!!\r\n", "Authorization: Bearer x\r\n"}) {
            List<String[]> responses = EmbeddedServer.responses(server.exchange(RawHttp.post(ECHO, header)));
            assertThat(responses).as(header).hasSize(1);
            assertThat(responses.get(0)[0]).startsWith("HTTP/1.1 401 Unauthorized")
                    .contains("www-authenticate: Basic realm=\"default\"");
            assertThat(responses.get(0)[1]).isEqualTo("401 Unauthorized: missing or wrong credentials\n");
        }
        List<String[]> ok = EmbeddedServer.responses(server.exchange(RawHttp.post(ECHO, basic("user", "secret"))));
        assertThat(ok.get(0)[0]).startsWith("HTTP/1.1 200 OK");
        assertThat(ok.get(0)[1]).contains("<string>hi</string>");
        assertThat(server.channel().isOpen()).isTrue();
    }

    @Test
    void a_sha_password_is_compared_with_the_sha1_of_the_given_one() throws Exception {
        String sha = "{SHA}" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest("secret".getBytes(StandardCharsets.UTF_8)));
        EmbeddedServer server = server(sha);
        assertThat(server.exchange(RawHttp.post(ECHO, basic("user", "secret")))).startsWith("HTTP/1.1 200 OK");
        assertThat(server.exchange(RawHttp.post(ECHO, basic("user", sha)))).startsWith("HTTP/1.1 401");
    }

    @Test
    void the_body_of_a_refused_request_is_skipped_and_the_next_request_on_the_connection_is_served() {
        EmbeddedServer server = server("secret");
        byte[] refused = RawHttp.post(ECHO, "");
        byte[] accepted = RawHttp.post(ECHO, basic("user", "secret"));
        byte[] both = HttpServerInitializerTest.concat(refused, accepted);

        List<String[]> responses = EmbeddedServer.responses(server.exchange(both));

        assertThat(responses).hasSize(2);
        assertThat(responses.get(0)[0]).startsWith("HTTP/1.1 401");
        assertThat(responses.get(1)[0]).startsWith("HTTP/1.1 200");
    }

    @Test
    void a_refused_chunked_request_closes_the_connection_without_reading_its_body() {
        EmbeddedServer server = server("secret");
        String output = server.exchange(("POST /RPC2 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(output).startsWith("HTTP/1.1 401").contains("connection: close");
        assertThat(server.channel().isOpen()).isFalse();
    }

    @Test
    void ordinary_clients_get_401_without_or_with_wrong_credentials_and_an_answer_with_right_ones()
            throws Exception {
        HttpServerSettings listen = new HttpServerSettings("127.0.0.1", 0, Optional.of("user"),
                Optional.of("secret"));
        HttpServerSettings nowhere = new HttpServerSettings("127.0.0.1", FreePorts.one(), Optional.empty(),
                Optional.empty());
        try (XmlRpcServer server = new XmlRpcServer(XmlRpcServerConfig.of(listen, nowhere),
                HttpServerInitializerTest.echo()).start()) {
            int port = server.localAddress().getPort();
            String url = "http://127.0.0.1:" + port + "/RPC2";

            assertThatThrownBy(() -> XmlRpcServerTest.apacheClient(url, null, null).execute("test.echo",
                    new Object[] {"x"})).isInstanceOfSatisfying(XmlRpcHttpTransportException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(401));
            assertThatThrownBy(() -> XmlRpcServerTest.apacheClient(url, "user", "wrong").execute("test.echo",
                    new Object[] {"x"})).isInstanceOfSatisfying(XmlRpcHttpTransportException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(401));
            assertThat(XmlRpcServerTest.apacheClient(url, "user", "secret").execute("test.echo",
                    new Object[] {"x"})).isEqualTo("x");

            assertThat(PythonClient.run(url, "('test.echo', ['x'])").answers())
                    .containsExactly("PROTOCOL 401 Unauthorized");
            assertThat(PythonClient.run("http://user:wrong@127.0.0.1:" + port + "/RPC2", "('test.echo', ['x'])")
                    .answers()).containsExactly("PROTOCOL 401 Unauthorized");
            assertThat(PythonClient.run("http://user:secret@127.0.0.1:" + port + "/RPC2", "('test.echo', ['x'])")
                    .answers()).containsExactly("OK 'x'");
        }
    }
}
