package org.supvisors.bench.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The leanest sequential XML-RPC client: one socket (TCP_NODELAY) kept alive, each request written with one
 * {@code write}, each answer read by its {@code Content-Length} into a reused buffer, nothing decoded while
 * timing. What it measures is the server's cost plus loopback TCP.
 */
public final class KeepAliveClient implements AutoCloseable {

    private static final byte[] CONTENT_LENGTH = "\r\ncontent-length:".getBytes(StandardCharsets.ISO_8859_1);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private byte[] buffer = new byte[64 * 1024];
    private int bodyStart;
    private int bodyEnd;
    private int status;

    public KeepAliveClient(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /**
     * The bytes of a POST /RPC2 of a call, head and body together. Parameters are strings (plain names, nothing
     * escaped), booleans or integers.
     */
    public static byte[] request(String method, Object... params) {
        StringBuilder body = new StringBuilder("<?xml version='1.0'?>\n<methodCall>\n<methodName>").append(method)
                .append("</methodName>\n<params>\n");
        for (Object param : params) {
            body.append("<param>\n<value>").append(value(param)).append("</value>\n</param>\n");
        }
        body.append("</params>\n</methodCall>\n");
        String head = "POST /RPC2 HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: supvisors-bench\r\n"
                + "Content-Type: text/xml\r\nContent-Length: " + body.length() + "\r\n\r\n";
        return (head + body).getBytes(StandardCharsets.US_ASCII);
    }

    private static String value(Object param) {
        if (param instanceof String text) {
            return "<string>" + text + "</string>";
        }
        if (param instanceof Boolean flag) {
            return "<boolean>" + (flag ? 1 : 0) + "</boolean>";
        }
        if (param instanceof Integer number) {
            return "<int>" + number + "</int>";
        }
        throw new IllegalArgumentException("XML-RPC parameter: " + param + " (expected: a string, a boolean or an"
                + " integer)");
    }

    /** Writes {@code request} and reads the whole answer; returns its HTTP status. */
    public int exchange(byte[] request) throws IOException {
        out.write(request);
        int filled = 0;
        int headEnd = -1;
        while (headEnd < 0) {
            filled = fill(filled);
            headEnd = indexOfHeadEnd(filled);
        }
        status = parseStatus();
        int length = contentLength(headEnd);
        bodyStart = headEnd + 4;
        bodyEnd = bodyStart + length;
        if (bodyEnd > buffer.length) {
            buffer = Arrays.copyOf(buffer, Integer.highestOneBit(bodyEnd) << 1);
        }
        while (filled < bodyEnd) {
            filled = fill(filled);
        }
        if (filled > bodyEnd) {
            throw new IOException("127.0.0.1:" + socket.getPort() + ": " + (filled - bodyEnd)
                    + " bytes after the answer (expected: none, the client is sequential)");
        }
        return status;
    }

    /** The body of the last answer. */
    public String body() {
        return new String(buffer, bodyStart, bodyEnd - bodyStart, StandardCharsets.UTF_8);
    }

    public int bodyLength() {
        return bodyEnd - bodyStart;
    }

    private int fill(int filled) throws IOException {
        if (filled == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, filled, buffer.length - filled);
        if (read < 0) {
            throw new IOException("127.0.0.1:" + socket.getPort() + " closed the connection after " + filled
                    + " bytes of an answer (expected: keep-alive)");
        }
        return filled + read;
    }

    private int indexOfHeadEnd(int filled) {
        for (int i = 0; i + 3 < filled; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private int parseStatus() throws IOException {
        // "HTTP/1.1 200 ..."
        int space = 0;
        while (space < buffer.length && buffer[space] != ' ') {
            space++;
        }
        if (space + 4 > buffer.length) {
            throw new IOException("no HTTP status line");
        }
        return (buffer[space + 1] - '0') * 100 + (buffer[space + 2] - '0') * 10 + (buffer[space + 3] - '0');
    }

    private int contentLength(int headEnd) throws IOException {
        outer:
        for (int i = 0; i + CONTENT_LENGTH.length < headEnd; i++) {
            for (int j = 0; j < CONTENT_LENGTH.length; j++) {
                if (Character.toLowerCase(buffer[i + j]) != CONTENT_LENGTH[j]) {
                    continue outer;
                }
            }
            int value = 0;
            for (int k = i + CONTENT_LENGTH.length; k < headEnd && buffer[k] != '\r'; k++) {
                if (buffer[k] >= '0' && buffer[k] <= '9') {
                    value = value * 10 + buffer[k] - '0';
                }
            }
            return value;
        }
        throw new IOException("answer without Content-Length: "
                + new String(buffer, 0, headEnd, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
