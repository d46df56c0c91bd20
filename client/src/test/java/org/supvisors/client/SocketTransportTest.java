package org.supvisors.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * What only the plain-socket transport ({@code plainSockets()}) does, against a played agent: one connection per
 * call, {@code http://} only, chunked and close-delimited answers. The faults and failures it reports as the default
 * transport does are tested with both in {@link SupvisorsClientTest}.
 */
class SocketTransportTest {

    private static final String VERSION = FakeAgent.response("<string>0.19</string>");

    private static SupvisorsClient client(String url) {
        return SupvisorsClient.builder(url).plainSockets().build();
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
