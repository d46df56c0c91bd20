package org.supvisors.transport.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;

/** Another protocol on the HTTP port: the first bytes decide, split at every byte boundary. */
class PortUnificationTest {

    /** A protocol that records the connections handed to it and the bytes that reach it. */
    private static final class Recording implements PortProtocol {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        int connections;

        @Override
        public byte[] magic() {
            return "SVPR".getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public void initChannel(Channel channel) {
            connections++;
            channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    ByteBuf bytes = (ByteBuf) msg;
                    byte[] copy = new byte[bytes.readableBytes()];
                    bytes.readBytes(copy);
                    bytes.release();
                    received.writeBytes(copy);
                }
            });
        }
    }

    private static EmbeddedServer server(PortProtocol protocol) {
        return new EmbeddedServer(HttpServerInitializerTest.echo(), Optional.empty(), Optional.empty(), 1 << 20,
                List.of(protocol));
    }

    @Test
    void the_magic_hands_the_connection_and_the_bytes_after_it_to_the_protocol() {
        byte[] payload = {0, 0, 0, 11, 1, 2, 3, 'S', 'V', 'P', 'R'};
        byte[] bytes = HttpServerInitializerTest.concat("SVPR".getBytes(StandardCharsets.US_ASCII), payload);

        for (int split = 1; split < bytes.length; split++) {
            Recording protocol = new Recording();
            EmbeddedServer server = server(protocol);
            EmbeddedChannel channel = server.channel();

            assertThat(server.exchange(Arrays.copyOfRange(bytes, 0, split), Arrays.copyOfRange(bytes, split,
                    bytes.length))).isEmpty();
            assertThat(protocol.connections).as("split at %d", split).isEqualTo(1);
            assertThat(protocol.received.toByteArray()).as("split at %d", split).containsExactly(payload);
            assertThat(channel.pipeline().get("http")).isNull();
            assertThat(channel.pipeline().get("unification")).isNull();
        }
    }

    @Test
    void http_split_at_every_byte_boundary_is_answered_as_before() {
        byte[] request = RawHttp.post(RawHttp.call("test.echo").replace("<params>\n",
                "<params>\n<param><value><string>x</string></value></param>\n"), "");

        for (int split = 1; split < request.length; split++) {
            Recording protocol = new Recording();
            EmbeddedServer server = server(protocol);

            List<String[]> responses = EmbeddedServer.responses(server.exchange(Arrays.copyOfRange(request, 0,
                    split), Arrays.copyOfRange(request, split, request.length)));
            assertThat(responses).as("split at %d", split).hasSize(1);
            assertThat(responses.get(0)[0]).startsWith("HTTP/1.1 200 OK");
            assertThat(responses.get(0)[1]).contains("<string>x</string>");
            assertThat(protocol.connections).isZero();
        }
    }

    @Test
    void a_request_sharing_the_first_byte_of_the_magic_is_http_from_the_second_byte() {
        Recording protocol = new Recording();
        EmbeddedServer server = server(protocol);

        assertThat(server.exchange("S".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(server.channel().pipeline().get("unification")).as("undecided after one byte").isNotNull();
        String output = server.exchange("EARCH /RPC2 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(server.channel().pipeline().get("http")).isNotNull();
        assertThat(output).startsWith("HTTP/1.1 405");
        assertThat(protocol.connections).isZero();
    }
}
