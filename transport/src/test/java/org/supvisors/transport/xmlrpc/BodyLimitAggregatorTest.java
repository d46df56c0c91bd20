package org.supvisors.transport.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.supvisors.transport.config.HttpServerSettings;
import org.supvisors.transport.testing.FreePorts;

class BodyLimitAggregatorTest {

    @Test
    void an_announced_body_over_the_limit_is_refused_413_and_closed_on_the_head_alone() {
        EmbeddedServer server = new EmbeddedServer(HttpServerInitializerTest.echo(), Optional.empty(),
                Optional.empty(), 1000);

        String output = server.exchange(("POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(output).startsWith("HTTP/1.1 413 Request Entity Too Large").contains("connection: close")
                .endsWith("413 request body larger than 1000 bytes\n");
        assertThat(server.channel().isOpen()).isFalse();
    }

    @Test
    void a_chunked_body_over_the_limit_is_refused_413_and_closed_once_the_limit_is_passed() {
        EmbeddedServer server = new EmbeddedServer(HttpServerInitializerTest.echo(), Optional.empty(),
                Optional.empty(), 1000);
        String chunk = "1f4\r\n" + "x".repeat(500) + "\r\n";

        String twoChunks = server.exchange(("POST /RPC2 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunk + chunk).getBytes(StandardCharsets.US_ASCII));
        assertThat(twoChunks).isEmpty();
        String third = server.exchange(chunk.getBytes(StandardCharsets.US_ASCII));

        assertThat(third).startsWith("HTTP/1.1 413").contains("connection: close");
        assertThat(server.channel().isOpen()).isFalse();
    }

    @Test
    void a_body_at_the_limit_is_served() {
        String xml = "<methodCall><methodName>test.echo</methodName><params><param><value>";
        String end = "</value></param></params></methodCall>";
        String request = xml + "y".repeat(1000 - xml.length() - end.length()) + end;
        EmbeddedServer server = new EmbeddedServer(HttpServerInitializerTest.echo(), Optional.empty(),
                Optional.empty(), 1000);
        List<String[]> responses = EmbeddedServer.responses(server.exchange(RawHttp.post(request, "")));
        assertThat(responses.get(0)[0]).startsWith("HTTP/1.1 200");
    }

    @Test
    void a_20_mib_body_is_refused_413_by_the_real_server_without_being_read() throws Exception {
        HttpServerSettings listen = new HttpServerSettings("127.0.0.1", 0, Optional.empty(), Optional.empty());
        HttpServerSettings nowhere = new HttpServerSettings("127.0.0.1", FreePorts.one(), Optional.empty(),
                Optional.empty());
        try (XmlRpcServer server = new XmlRpcServer(XmlRpcServerConfig.of(listen, nowhere),
                HttpServerInitializerTest.echo()).start()) {
            // the head alone: the answer comes without a byte of body, then the server closes
            try (RawHttp http = new RawHttp(server.localAddress())) {
                http.send(("POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: " + (20 << 20) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                RawHttp.Response response = http.read();
                assertThat(response.status()).isEqualTo(413);
                assertThat(response.header("Connection")).isEqualTo("close");
                assertThat(response.body()).isEqualTo("413 request body larger than 10485760 bytes\n");
                assertThat(http.isClosedByServer()).isTrue();
            }
            // chunked: the answer comes once 10 MiB have passed, while the client is still sending
            // (64 MiB offered: more than the limit plus what socket buffers can hold)
            try (RawHttp http = new RawHttp(server.localAddress())) {
                CompletableFuture<Long> sent = CompletableFuture.supplyAsync(() -> streamChunks(http, 64 << 20));
                RawHttp.Response response = http.read();
                assertThat(response.status()).isEqualTo(413);
                assertThat(http.isClosedByServer()).isTrue();
                assertThat(sent.get(30, TimeUnit.SECONDS)).isLessThan(64L << 20);
            }
            // and the server goes on
            try (RawHttp http = new RawHttp(server.localAddress())) {
                assertThat(http.exchange(RawHttp.post("<methodCall><methodName>test.echo</methodName><params>"
                        + "<param><value>z</value></param></params></methodCall>", "")).status()).isEqualTo(200);
            }
        }
    }

    /** Sends a chunked body of {@code total} bytes; returns how many were sent before the server closed. */
    private static long streamChunks(RawHttp http, long total) {
        byte[] chunk = ("100000\r\n" + "x".repeat(1 << 20) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        long sent = 0;
        try {
            http.send("POST /RPC2 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            while (sent < total) {
                http.send(chunk);
                sent += 1 << 20;
            }
            http.send("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException closedByServer) {
            return sent;
        }
        return sent;
    }
}
