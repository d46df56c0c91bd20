package org.supvisors.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.supvisors.client.CommunicationException.Reason;

/**
 * XML-RPC over plain blocking sockets: one connection per call ({@code Connection: close}), basic credentials sent
 * with every request, the answer bounded in size and in time. It loads a few dozen classes where the JDK's HTTP client
 * loads over a thousand and sets up TLS, so a JVM that makes a few calls and exits (a command-line tool) starts
 * several hundred milliseconds sooner. {@code http://} only.
 *
 * <p>Contract: that of {@link Transport}. A call blocks its thread in socket I/O: an interrupt does not end it, but
 * {@link #close()} does (the sockets of the calls in progress are closed, the calls throw {@code CLOSED}).
 */
final class SocketTransport implements Transport {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final URI url;
    private final String authorization;
    private final Duration connectTimeout;
    private final long maxResponseBytes;
    private final Set<Socket> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    SocketTransport(URI url, String authorization, Duration connectTimeout, long maxResponseBytes) {
        if (!"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("url: " + url + " (expected: http://host:port with plainSockets)");
        }
        this.url = url;
        this.authorization = authorization;
        this.connectTimeout = connectTimeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public Object call(String method, List<?> params, Duration timeout) throws XmlRpcFault, CommunicationException {
        byte[] body = XmlRpcRequestWriter.methodCall(method, params);
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        if (closed) {
            throw HttpAnswer.notSent(url, method, null);
        }
        Socket socket = new Socket();
        inFlight.add(socket);
        try {
            connect(socket, method);
            if (closed) {
                throw HttpAnswer.notSent(url, method, null);
            }
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(head(body.length));
            out.write(body);
            out.flush();
            Response response = read(socket, deadline);
            return HttpAnswer.decode(url, method, response.status(), response.body(), authorization != null);
        } catch (SocketTimeoutException e) {
            throw HttpAnswer.readTimeout(url, method, timeout, e);
        } catch (LimitedBody.TooLarge e) {
            throw unexpected(method, e.getMessage(), e);
        } catch (IOException e) {
            if (closed) {
                throw new CommunicationException(url, method, Reason.CLOSED, url + ": client closed while waiting"
                        + " for the answer to " + method, e);
            }
            throw new CommunicationException(url, method, Reason.CONNECTION_LOST, url + ": connection lost before"
                    + " the answer to " + method + ": " + (e.getMessage() == null ? e : e.getMessage()), e);
        } finally {
            inFlight.remove(socket);
            closeQuietly(socket);
        }
    }

    private void connect(Socket socket, String method) throws CommunicationException {
        InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort() < 0 ? 80 : url.getPort());
        if (address.isUnresolved()) {
            throw new CommunicationException(url, method, Reason.UNKNOWN_HOST, url + ": unknown host " + url.getHost(),
                    new UnknownHostException(url.getHost()));
        }
        try {
            socket.connect(address, (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis())));
        } catch (SocketTimeoutException e) {
            throw new CommunicationException(url, method, Reason.CONNECT_TIMEOUT, url + ": no connection within "
                    + Durations.text(connectTimeout) + " (connect timeout)", e);
        } catch (ConnectException e) {
            String detail = e.getMessage();
            if (detail == null || detail.toLowerCase(Locale.ROOT).contains("refused")) {
                throw new CommunicationException(url, method, Reason.CONNECTION_REFUSED, url + " refused connection",
                        e);
            }
            throw new CommunicationException(url, method, Reason.CONNECTION_LOST, url + ": cannot connect: " + detail,
                    e);
        } catch (IOException e) {
            if (closed) {
                throw new CommunicationException(url, method, Reason.CLOSED, url + ": client closed, " + method
                        + " not sent", e);
            }
            throw new CommunicationException(url, method, Reason.CONNECTION_LOST, url + ": cannot connect: "
                    + (e.getMessage() == null ? e : e.getMessage()), e);
        }
    }

    private byte[] head(int length) {
        String host = url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
        StringBuilder head = new StringBuilder(256)
                .append("POST ").append(url.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("User-Agent: supvisors-client\r\n")
                .append("Content-Type: text/xml\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private record Response(int status, byte[] body) {
    }

    /** Reads the status line, the headers and the body (by length, chunked, or up to the end of the stream). */
    private Response read(Socket socket, long deadline) throws IOException {
        Reader reader = new Reader(socket, deadline, maxResponseBytes);
        String statusLine = reader.line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: " + HttpAnswer.shorten(statusLine));
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + HttpAnswer.shorten(statusLine), e);
        }
        long length = -1;
        boolean chunked = false;
        for (String header = reader.line(); !header.isEmpty(); header = reader.line()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                try {
                    length = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IOException("bad Content-Length: " + HttpAnswer.shorten(value), e);
                }
            } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = reader.line();
                int semicolon = size.indexOf(';');
                long chunk;
                try {
                    chunk = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size: " + HttpAnswer.shorten(size), e);
                }
                if (chunk == 0) {
                    return new Response(status, body.toByteArray());
                }
                reader.bytes(chunk, body);
                reader.line();
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(length > 0 ? (int) Math.min(length, 1 << 20) : 4096);
        if (length >= 0) {
            reader.bytes(length, body);
        } else {
            reader.rest(body);
        }
        return new Response(status, body.toByteArray());
    }

    @Override
    public CommunicationException unexpected(String method, String detail, Throwable cause) {
        return HttpAnswer.unexpected(url, method, detail, cause);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        for (Socket socket : inFlight) {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            System.getLogger(SocketTransport.class.getName()).log(System.Logger.Level.DEBUG,
                    "closing a socket: {0}", e);
        }
    }

    /** A buffered reader of the answer, each read bounded by what is left of the deadline. */
    private static final class Reader {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private final long maxBytes;
        private final byte[] buffer = new byte[8192];
        private int position;
        private int limit;
        private long total;

        Reader(Socket socket, long deadline, long maxBytes) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
            this.maxBytes = maxBytes;
        }

        /** Fills the buffer; false at the end of the stream. */
        private boolean fill() throws IOException {
            if (deadline != Long.MAX_VALUE) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException("deadline");
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            }
            int n = in.read(buffer);
            if (n < 0) {
                return false;
            }
            total += n;
            if (total > maxBytes + MAX_HEAD_BYTES) {
                throw new LimitedBody.TooLarge(maxBytes);
            }
            position = 0;
            limit = n;
            return true;
        }

        String line() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (position == limit && !fill()) {
                    throw new EOFException("connection closed in the middle of the answer's head");
                }
                byte b = buffer[position++];
                if (b == '\n') {
                    int end = line.length();
                    if (end > 0 && line.charAt(end - 1) == '\r') {
                        line.setLength(end - 1);
                    }
                    return line.toString();
                }
                if (line.length() >= MAX_HEAD_BYTES) {
                    throw new IOException("answer's head too long");
                }
                line.append((char) (b & 0xff));
            }
        }

        void bytes(long count, ByteArrayOutputStream into) throws IOException {
            if (count > maxBytes || into.size() + count > maxBytes) {
                throw new LimitedBody.TooLarge(maxBytes);
            }
            long left = count;
            while (left > 0) {
                if (position == limit && !fill()) {
                    throw new EOFException("connection closed after " + (count - left) + " of " + count + " bytes");
                }
                int n = (int) Math.min(left, limit - position);
                into.write(buffer, position, n);
                position += n;
                left -= n;
            }
        }

        void rest(ByteArrayOutputStream into) throws IOException {
            while (position < limit || fill()) {
                into.write(buffer, position, limit - position);
                position = limit;
                if (into.size() > maxBytes) {
                    throw new LimitedBody.TooLarge(maxBytes);
                }
            }
        }
    }
}
