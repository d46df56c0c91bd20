package org.supvisors.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An agent played on 127.0.0.1 with fixed answers: each call's method name picks its answer (the inside of a
 * {@code methodResponse}: {@link #value} or {@link #fault}); an unknown method gets the fault {@code UNKNOWN_METHOD}.
 * One connection at a time, closed after its answer, as the client's plain-socket transport uses them. For the
 * training of the class archive ({@link CdsTraining}) and for the tests of the command line without an agent.
 *
 * <p>Contract: the server thread never throws; a malformed request gets the unknown-method fault, and the server
 * ends when {@link #close()} closes its socket.
 */
final class PlayedAgent implements AutoCloseable {

    private final ServerSocket server;
    private final Map<String, String> answers;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile String authorization;

    /** Starts answering at once, on a free port. */
    PlayedAgent(Map<String, String> answers) throws IOException {
        this.answers = answers;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "played-agent-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** The answer of a call returning {@code valueXml} (e.g. {@code <string>0.19</string>}). */
    static String value(String valueXml) {
        return "<params><param><value>" + valueXml + "</value></param></params>";
    }

    /** The answer of a call failing with a fault. */
    static String fault(int code, String text) {
        return "<fault><value><struct>" + member("faultCode", "<int>" + code + "</int>")
                + member("faultString", "<string>" + text + "</string>") + "</struct></value></fault>";
    }

    /** A struct member. */
    static String member(String name, String valueXml) {
        return "<member><name>" + name + "</name><value>" + valueXml + "</value></member>";
    }

    /** From now on, a call without these credentials (HTTP basic) is answered 401. */
    void requireCredentials(String username, String password) {
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The method names called so far, in order. */
    List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                answer(socket);
            } catch (IOException | RuntimeException e) {
                // a closed server socket ends the loop; a client gone mid-call, or a malformed head, loses its answer
            }
        }
    }

    private void answer(Socket socket) throws IOException {
        Request request = Request.read(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        String expected = authorization;
        if (expected != null && !expected.equals(request.authorization)) {
            out.write(("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return;
        }
        String method = request.method();
        calls.add(method);
        String answer = answers.getOrDefault(method, fault(1, "UNKNOWN_METHOD"));
        byte[] body = ("<?xml version=\"1.0\"?><methodResponse>" + answer + "</methodResponse>")
                .getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** What the server reads of a call: the authorization header and the body. */
    private record Request(String authorization, String body) {

        /** The head up to its empty line, then as many body bytes as its {@code Content-Length} says. */
        static Request read(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                head.append((char) b);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            int length = 0;
            String authorization = null;
            for (String line : head.toString().split("\r\n")) {
                int colon = line.indexOf(':');
                String name = colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                if (name.equals("content-length")) {
                    length = Integer.parseInt(line.substring(colon + 1).strip());
                } else if (name.equals("authorization")) {
                    authorization = line.substring(colon + 1).strip();
                }
            }
            return new Request(authorization, new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }

        String method() {
            int start = body.indexOf("<methodName>");
            int end = body.indexOf("</methodName>");
            return start >= 0 && end > start ? body.substring(start + "<methodName>".length(), end).strip() : "";
        }
    }
}
