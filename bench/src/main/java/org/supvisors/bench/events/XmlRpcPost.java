package org.supvisors.bench.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One XML-RPC call on a fresh connection (a keep-alive connection to supervisord answers in ~44 ms, see the
 * platform notes), written in one {@code write}: {@link #send} returns once the request is written, so that the
 * caller timestamps it, then {@link #answer} reads the whole answer.
 */
final class XmlRpcPost implements AutoCloseable {

    private final Socket socket;

    private XmlRpcPost(int port, String method, String params) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(30_000);
        byte[] body = ("<?xml version=\"1.0\"?><methodCall><methodName>" + method + "</methodName><params>" + params
                + "</params></methodCall>").getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST /RPC2 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nConnection: close\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        socket.getOutputStream().write(request);
        OutputStream out = socket.getOutputStream();
        out.flush();
    }

    /** Connects and writes the request. */
    static XmlRpcPost send(int port, String method, String params) throws IOException {
        return new XmlRpcPost(port, method, params);
    }

    /** The whole answer (the server closes the connection). */
    String answer() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }

    /** A call and its answer. */
    static String call(int port, String method, String params) {
        try (XmlRpcPost post = send(port, method, params)) {
            return post.answer();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " on port " + port + ": " + e.getMessage(), e);
        }
    }

    static String string(String value) {
        return "<param><value><string>" + value + "</string></value></param>";
    }

    static String bool(boolean value) {
        return "<param><value><boolean>" + (value ? 1 : 0) + "</boolean></value></param>";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
