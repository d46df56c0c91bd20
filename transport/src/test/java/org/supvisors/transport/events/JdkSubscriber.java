package org.supvisors.transport.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket subscriber of the JDK (it answers pings by itself), keeping the texts it receives. */
final class JdkSubscriber implements WebSocket.Listener, AutoCloseable {

    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    volatile boolean closed;
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    JdkSubscriber(int port, String path) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(2))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + path), this).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            texts.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = true;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = true;
    }

    /** The next {@code count} texts, failing after 10 s. */
    List<String> take(int count) throws InterruptedException {
        List<String> taken = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (taken.size() < count) {
            String text = texts.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (text == null) {
                throw new AssertionError("received " + taken.size() + " of " + count + " messages: " + taken);
            }
            taken.add(text);
        }
        return taken;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
