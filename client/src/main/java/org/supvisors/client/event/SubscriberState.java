package org.supvisors.client.event;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the connection loops of a subscriber share: the subscriptions, the listener, the closed flag. The loops wait
 * on this object's monitor; {@link #changed()} wakes them up.
 */
final class SubscriberState {

    private static final System.Logger LOGGER = System.getLogger(SupvisorsEventSubscriber.class.getName());

    final URI endpoint;
    final Duration reconnectDelay;
    private final SupvisorsEventListener listener;
    private final AtomicLong received = new AtomicLong();
    // guarded by this
    private final Set<Topic> topics = EnumSet.noneOf(Topic.class);
    private int version;
    private volatile boolean closed;
    private volatile boolean connected;

    SubscriberState(URI endpoint, Duration reconnectDelay, SupvisorsEventListener listener, Set<Topic> topics) {
        this.endpoint = endpoint;
        this.reconnectDelay = reconnectDelay;
        this.listener = listener;
        this.topics.addAll(topics);
    }

    synchronized Set<Topic> topics() {
        return topics.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(topics));
    }

    /** A number that changes with every change of the subscriptions. */
    synchronized int version() {
        return version;
    }

    synchronized void change(Set<Topic> add, Set<Topic> remove) {
        if (topics.addAll(add) | topics.removeAll(remove)) {
            version++;
            notifyAll();
        }
    }

    boolean isClosed() {
        return closed;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Wakes up the waiting loop (the connection ended). */
    synchronized void changed() {
        notifyAll();
    }

    /** Waits up to {@code millis} or until something changes. */
    synchronized void await(long millis) throws InterruptedException {
        if (!closed && millis > 0) {
            wait(millis);
        }
    }

    boolean isConnected() {
        return connected;
    }

    long received() {
        return received.get();
    }

    void connected() {
        connected = true;
        LOGGER.log(Level.INFO, "Supvisors events: connected to {0}", endpoint);
        call(() -> listener.onConnected(endpoint));
    }

    void disconnected(String reason) {
        if (connected) {
            connected = false;
            LOGGER.log(Level.INFO, "Supvisors events: disconnected from {0}: {1}", endpoint, reason);
            call(() -> listener.onDisconnected(endpoint, reason));
        }
    }

    /** A WebSocket message: {@code [topic, body]}. */
    void dispatchArray(String text) {
        Object value;
        try {
            value = JsonReader.read(text);
        } catch (IllegalArgumentException malformed) {
            LOGGER.log(Level.ERROR, "Supvisors events from {0}: message ignored: {1}", endpoint,
                    malformed.getMessage());
            return;
        }
        if (!(value instanceof List) || ((List<?>) value).size() != 2 || !(((List<?>) value).get(0) instanceof String)
                || !(((List<?>) value).get(1) instanceof Map)) {
            LOGGER.log(Level.ERROR, "Supvisors events from {0}: message ignored: {1} (expected: [topic, body])",
                    endpoint, abbreviated(text));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) ((List<?>) value).get(1);
        dispatch((String) ((List<?>) value).get(0), body);
    }

    /** A ZeroMQ message: topic, then JSON body. */
    void dispatch(String topic, String json) {
        Object value;
        try {
            value = JsonReader.read(json);
        } catch (IllegalArgumentException malformed) {
            LOGGER.log(Level.ERROR, "Supvisors events from {0}: {1} message ignored: {2}", endpoint, topic,
                    malformed.getMessage());
            return;
        }
        if (!(value instanceof Map)) {
            LOGGER.log(Level.ERROR, "Supvisors events from {0}: {1} message ignored: {2} (expected: a JSON object)",
                    endpoint, topic, abbreviated(json));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) value;
        dispatch(topic, body);
    }

    private void dispatch(String wireName, Map<String, Object> body) {
        Topic topic = Topic.fromWireName(wireName).orElse(null);
        if (topic == null) {
            LOGGER.log(Level.ERROR, "Supvisors events from {0}: unknown topic {1} ignored", endpoint, wireName);
            return;
        }
        synchronized (this) {
            if (!topics.contains(topic)) {
                return;  // unsubscribed since the publisher sent it
            }
        }
        received.incrementAndGet();
        SupvisorsEvent event = SupvisorsEvent.of(topic, JsonReader.frozen(body));
        call(() -> listener.onEvent(event));
    }

    private void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Supvisors events: the listener failed: " + e, e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
