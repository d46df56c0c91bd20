package org.supvisors.client.event;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The connection loop of a WebSocket subscriber: connects to {@code ws://host:port/<topics>} (the topics form the
 * path, {@code /all} for all of them, as 0.19's client does), receives until the connection ends or the
 * subscriptions change, and connects again after the reconnection delay. Messages are read one at a time
 * ({@code request(1)} after each one is handled): a slow listener slows the reading, never the publisher, which
 * drops the oldest messages of a subscriber that stays behind.
 */
final class WebSocketLoop implements Runnable {

    private static final System.Logger LOGGER = System.getLogger(SupvisorsEventSubscriber.class.getName());

    private final SubscriberState state;
    private final HttpClient client;

    WebSocketLoop(SubscriberState state, HttpClient client) {
        this.state = state;
        this.client = client;
    }

    /** The URL of a set of topics. */
    static URI url(URI endpoint, Set<Topic> topics) {
        String path = topics.size() == Topic.values().length ? "/all"
                : "/" + topics.stream().map(Topic::wireName).collect(Collectors.joining("/"));
        return endpoint.resolve(path);
    }

    @Override
    public void run() {
        try {
            while (!state.isClosed()) {
                int version = state.version();
                URI url = url(state.endpoint, state.topics());
                Session session = new Session();
                WebSocket socket;
                try {
                    socket = client.newWebSocketBuilder().connectTimeout(state.reconnectDelay)
                            .buildAsync(url, session).get(state.reconnectDelay.toMillis() + 1000,
                                    TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException failed) {
                    Throwable cause = failed instanceof ExecutionException ? failed.getCause() : failed;
                    LOGGER.log(Level.DEBUG, "Supvisors events: cannot connect to {0}: {1}", url, cause.toString());
                    state.await(state.reconnectDelay.toMillis());
                    continue;
                }
                state.connected();
                String reason = waitForEnd(session, version);
                if (!session.ended.isDone()) {
                    socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(1, TimeUnit.SECONDS)
                            .exceptionally(e -> null);
                    socket.abort();
                }
                state.disconnected(reason);
                if (!state.isClosed() && state.version() == version) {
                    state.await(state.reconnectDelay.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String waitForEnd(Session session, int version) throws InterruptedException {
        while (true) {
            if (session.ended.isDone()) {
                return session.ended.getNow("ended");
            }
            if (state.isClosed()) {
                return "closed by the subscriber";
            }
            if (state.version() != version) {
                return "subscriptions changed";
            }
            state.await(1000);
        }
    }

    /** One connection: assembles text messages and hands them to the state. */
    private final class Session implements WebSocket.Listener {
        final CompletableFuture<String> ended = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                state.dispatchArray(text);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, java.nio.ByteBuffer data, boolean last) {
            LOGGER.log(Level.ERROR, "Supvisors events from {0}: binary frame ignored (expected: text)",
                    state.endpoint);
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            end("closed by the publisher (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            end(error.toString());
        }

        private void end(String reason) {
            ended.complete(reason);
            state.changed();
        }
    }
}
