package org.supvisors.client.event;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.zeromq.ZContext;

/**
 * A subscriber to the event interface of one Supvisors instance ({@code event_link = WS} or {@code ZMQ} on its
 * {@code event_port}), which publishes its view of the whole system: one subscriber is enough.
 *
 * <pre>
 * SupvisorsEventSubscriber subscriber = SupvisorsEventSubscriber.webSocket("supv01", 60002)
 *         .subscribe(Topic.EVENT, Topic.PROCESS)
 *         .listener(new SupvisorsEventListener() {
 *             &#64;Override
 *             public void onProcessEvent(ProcessEvent event) {
 *                 System.out.println(event.namespec() + " " + event.stateName() + " on " + event.nickIdentifier());
 *             }
 *         })
 *         .start();
 * ...
 * subscriber.close();
 * </pre>
 *
 * <p>One background thread ({@code supvisors-subscriber}) connects, receives and calls the listener, in the order
 * the messages were published; it connects again after the {@linkplain Builder#reconnectDelay reconnection delay}
 * (1 s) whenever the connection fails or is lost. Messages published while disconnected are lost (the publisher
 * keeps no history): {@link SupvisorsEventListener#onConnected} tells when to read the current state again through
 * XML-RPC if needed. Subscriptions may change at any time: ZeroMQ applies them on the socket, WebSocket connects
 * again with the new path. Thread-safe.
 *
 * <p>The ZeroMQ subscriber needs JeroMQ ({@code org.zeromq:jeromq}) on the class path; the WebSocket one needs only
 * the JDK ({@code java.net.http}).
 */
public final class SupvisorsEventSubscriber implements AutoCloseable {

    /** The transports of the event interface. */
    public enum Transport { WS, ZMQ }

    private enum Lifecycle { NEW, STARTED, CLOSED }

    private final Transport transport;
    private final SubscriberState state;
    private final HttpClient sharedHttpClient;
    private final ZContext sharedZmqContext;
    private Lifecycle lifecycle = Lifecycle.NEW;
    private Thread thread;
    private ExecutorService httpExecutor;

    private SupvisorsEventSubscriber(Builder builder) {
        this.transport = builder.transport;
        this.sharedHttpClient = builder.httpClient;
        this.sharedZmqContext = builder.zmqContext;
        URI endpoint = URI.create((transport == Transport.WS ? "ws://" : "tcp://") + builder.host + ":"
                + builder.port + "/");
        this.state = new SubscriberState(endpoint, builder.reconnectDelay, builder.listener, builder.topics);
    }

    /** A subscriber over WebSocket ({@code event_link = WS}) to {@code ws://host:port}. */
    public static Builder webSocket(String host, int port) {
        return new Builder(Transport.WS, host, port);
    }

    /** A subscriber over ZeroMQ ({@code event_link = ZMQ}) to {@code tcp://host:port}. */
    public static Builder zeroMq(String host, int port) {
        return new Builder(Transport.ZMQ, host, port);
    }

    /**
     * Starts the background thread, which connects.
     *
     * @throws IllegalStateException when started twice or after close
     */
    public synchronized SupvisorsEventSubscriber start() {
        if (lifecycle != Lifecycle.NEW) {
            throw new IllegalStateException("subscriber of " + state.endpoint + ": " + lifecycle
                    + " (expected: started once)");
        }
        lifecycle = Lifecycle.STARTED;
        Runnable loop;
        if (transport == Transport.WS) {
            HttpClient client = sharedHttpClient;
            if (client == null) {
                httpExecutor = Executors.newSingleThreadExecutor(runnable -> {
                    Thread worker = new Thread(runnable, "supvisors-subscriber-ws");
                    worker.setDaemon(true);
                    return worker;
                });
                client = HttpClient.newBuilder().executor(httpExecutor).build();
            }
            loop = new WebSocketLoop(state, client);
        } else {
            loop = new ZmqLoop(state, sharedZmqContext);
        }
        thread = new Thread(loop, "supvisors-subscriber");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Adds subscriptions. */
    public void subscribe(Topic... topics) {
        state.change(set(topics), Set.of());
    }

    /** Subscribes to every topic. */
    public void subscribeAll() {
        state.change(EnumSet.allOf(Topic.class), Set.of());
    }

    /** Removes subscriptions. */
    public void unsubscribe(Topic... topics) {
        state.change(Set.of(), set(topics));
    }

    /** Removes every subscription (the connection stays, and receives nothing). */
    public void unsubscribeAll() {
        state.change(Set.of(), EnumSet.allOf(Topic.class));
    }

    /** The current subscriptions. */
    public Set<Topic> subscriptions() {
        return state.topics();
    }

    /** Whether the connection to the publisher is up. */
    public boolean isConnected() {
        return state.isConnected();
    }

    /** How many messages were handed to the listener so far. */
    public long received() {
        return state.received();
    }

    /** {@code ws://host:port/} or {@code tcp://host:port/}. */
    public URI endpoint() {
        return state.endpoint;
    }

    /** Stops the thread and closes the connection. Idempotent. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (lifecycle == Lifecycle.CLOSED) {
                return;
            }
            lifecycle = Lifecycle.CLOSED;
            running = thread;
        }
        state.close();
        if (running != null) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (httpExecutor != null) {
            httpExecutor.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "Supvisors event subscriber of " + state.endpoint + " " + state.topics();
    }

    private static Set<Topic> set(Topic... topics) {
        Set<Topic> set = EnumSet.noneOf(Topic.class);
        set.addAll(Arrays.asList(topics));
        return set;
    }

    /** The configuration of a subscriber. */
    public static final class Builder {
        private final Transport transport;
        private final String host;
        private final int port;
        private final Set<Topic> topics = EnumSet.noneOf(Topic.class);
        private SupvisorsEventListener listener = new SupvisorsEventListener() {
        };
        private Duration reconnectDelay = Duration.ofSeconds(1);
        private HttpClient httpClient;
        private ZContext zmqContext;

        private Builder(Transport transport, String host, int port) {
            this.transport = transport;
            this.host = Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port: " + port + " (expected: in [1;65535])");
            }
            this.port = port;
        }

        public Builder subscribe(Topic... subscribed) {
            topics.addAll(Arrays.asList(subscribed));
            return this;
        }

        public Builder subscribeAll() {
            topics.addAll(EnumSet.allOf(Topic.class));
            return this;
        }

        public Builder listener(SupvisorsEventListener eventListener) {
            this.listener = Objects.requireNonNull(eventListener, "listener");
            return this;
        }

        /** The delay between two connection attempts, and the connection timeout (default 1 s). */
        public Builder reconnectDelay(Duration delay) {
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("reconnectDelay: " + delay + " (expected: positive)");
            }
            this.reconnectDelay = delay;
            return this;
        }

        /**
         * WebSocket only: an HTTP client to share among many subscribers (its executor then calls the listeners);
         * by default each subscriber has its own, with one thread.
         */
        public Builder httpClient(HttpClient client) {
            requireTransport(Transport.WS, "httpClient");
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * ZeroMQ only: the JeroMQ context of the application (closed by its owner), which should use one context for
         * all its JeroMQ sockets; by default, a context shared by every subscriber of the JVM.
         */
        public Builder zmqContext(ZContext context) {
            requireTransport(Transport.ZMQ, "zmqContext");
            this.zmqContext = Objects.requireNonNull(context, "context");
            return this;
        }

        public SupvisorsEventSubscriber build() {
            return new SupvisorsEventSubscriber(this);
        }

        /** Builds and starts. */
        public SupvisorsEventSubscriber start() {
            return build().start();
        }

        private void requireTransport(Transport expected, String option) {
            if (transport != expected) {
                throw new IllegalStateException(option + ": a " + transport + " subscriber (expected: " + expected
                        + ")");
            }
        }
    }
}
