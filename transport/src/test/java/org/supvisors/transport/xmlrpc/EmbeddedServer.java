package org.supvisors.transport.xmlrpc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.supvisors.transport.config.HttpServerSettings;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * The server's pipeline ({@link HttpServerInitializer}) on an {@link EmbeddedChannel}: bytes in, bytes out, no
 * socket. Local methods only (the forwarder,
 * on the embedded loop, cannot connect anywhere).
 */
final class EmbeddedServer {

    private final EmbeddedChannel channel;

    EmbeddedServer(RpcRegistry registry, Optional<String> username, Optional<String> password, int maxBodyBytes) {
        this(registry, username, password, maxBodyBytes, List.of());
    }

    /** The server with other protocols on its port. */
    EmbeddedServer(RpcRegistry registry, Optional<String> username, Optional<String> password, int maxBodyBytes,
                   List<PortProtocol> protocols) {
        HttpServerSettings listen = new HttpServerSettings("127.0.0.1", 0, username, password);
        HttpServerSettings supervisord = new HttpServerSettings("127.0.0.1", 9, Optional.empty(), Optional.empty());
        XmlRpcServerConfig config = new XmlRpcServerConfig(listen, supervisord, maxBodyBytes, 1);
        channel = new EmbeddedChannel();
        RpcDispatcher dispatcher = new RpcDispatcher(registry, new SupervisordForwarder(channel.eventLoop(),
                supervisord));
        channel.pipeline().addLast(new HttpServerInitializer(config,
                new HttpRoutes(Map.of(XmlRpcRoute.PATH, new XmlRpcRoute(dispatcher))), protocols));
    }

    EmbeddedChannel channel() {
        return channel;
    }

    /** Writes each part as one inbound read, then returns every byte written back. */
    String exchange(byte[]... parts) {
        for (byte[] part : parts) {
            channel.writeInbound(Unpooled.wrappedBuffer(part));
        }
        channel.runPendingTasks();
        return drain();
    }

    /** What the server wrote so far. */
    String drain() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            buf.release();
            out.writeBytes(bytes);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The responses in {@code output}: status line and body of each (Content-Length framed). */
    static List<String[]> responses(String output) {
        List<String[]> responses = new ArrayList<>();
        byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
        int index = 0;
        while (index < bytes.length) {
            int headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), index);
            String head = new String(bytes, index, headEnd - index, StandardCharsets.ISO_8859_1);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            String body = new String(bytes, headEnd + 4, length, StandardCharsets.UTF_8);
            responses.add(new String[] {head, body});
            index = headEnd + 4 + length;
        }
        return responses;
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        for (int i = from; i <= bytes.length - pattern.length; i++) {
            boolean found = true;
            for (int j = 0; j < pattern.length && found; j++) {
                found = bytes[i + j] == pattern[j];
            }
            if (found) {
                return i;
            }
        }
        throw new AssertionError("no end of HTTP head after byte " + from);
    }
}
