package org.supvisors.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on 127.0.0.1 (the JDK's) that answers every POST with what a test decides, and records what it
 * received: the client side is real, only the agent is played.
 */
final class FakeAgent implements AutoCloseable {

    /** What the server received. */
    record Request(String path, String body, String authorization, String contentType, InetSocketAddress remote) {
    }

    /** What the server answers. */
    @FunctionalInterface
    interface Answer {
        void answer(Request request, HttpExchange exchange) throws Exception;
    }

    static {
        // the JDK's server writes the head and the body of an answer separately: without this, Nagle's algorithm
        // holds the body until the client acknowledges the head, which a delayed ACK makes 40 ms per call
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Answer answer;

    FakeAgent(Answer answer) throws IOException {
        this(answer, 0);
    }

    /** A server on {@code port} (0: any free port). */
    FakeAgent(Answer answer, int port) throws IOException {
        this.answer = answer;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Request request = new Request(exchange.getRequestURI().getPath(),
                        new String(body, StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRemoteAddress());
                requests.add(request);
                this.answer.answer(request, exchange);
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        server.start();
    }

    /** A server answering every call with {@code xml}, HTTP 200. */
    static FakeAgent answering(String xml) throws IOException {
        return new FakeAgent((request, exchange) -> send(exchange, 200, xml));
    }

    /**
     * {@code answer}, given {@code delay} after the request by a timer (a slow agent); the handler waits for it to
     * be sent, 10 s at most beyond the delay.
     */
    static Answer after(java.time.Duration delay, Answer answer) {
        return (request, exchange) -> {
            java.util.concurrent.CompletableFuture<Void> sent = new java.util.concurrent.CompletableFuture<>();
            java.util.concurrent.CompletableFuture.delayedExecutor(delay.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> {
                        try {
                            answer.answer(request, exchange);
                            sent.complete(null);
                        } catch (Exception e) {
                            sent.completeExceptionally(e);
                        }
                    });
            sent.get(delay.toMillis() + 10_000, java.util.concurrent.TimeUnit.MILLISECONDS);
        };
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A {@code methodResponse} carrying one value, written as XML. */
    static String response(String valueXml) {
        return "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value>" + valueXml
                + "</value>\n</param>\n</params>\n</methodResponse>\n";
    }

    /** A fault response. */
    static String fault(int code, String text) {
        return "<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n<member>\n<name>faultCode</name>\n"
                + "<value><int>" + code + "</int></value>\n</member>\n<member>\n<name>faultString</name>\n"
                + "<value><string>" + text + "</string></value>\n</member>\n</struct></value>\n</fault>\n"
                + "</methodResponse>\n";
    }

    void answer(Answer answer) {
        this.answer = answer;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Request> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
