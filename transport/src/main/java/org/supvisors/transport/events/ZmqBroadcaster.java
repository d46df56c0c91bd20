package org.supvisors.transport.events;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The event interface over ZeroMQ ({@code event_link = ZMQ}), as 0.19 serves it, so that its subscribers work
 * unchanged: a {@code PUB} socket bound to {@code tcp://*:event_port} (linger 0), one two-part message per event:
 * the topic's wire name, then the JSON body, both UTF-8. Subscribers filter by prefix on the topic.
 *
 * <p>One thread ({@code supvisors-events}) owns the socket (ZeroMQ sockets belong to one thread), plus JeroMQ's
 * I/O and reaper threads. {@link #publish} only queues: the thread encodes and sends. When more than
 * {@link EventSettings#queueLimit()} messages wait, the oldest is dropped (counted, logged). Per subscriber,
 * ZeroMQ's own high-water mark ({@code SNDHWM}, set to the same limit) applies: a PUB socket drops the
 * <em>newest</em> messages of a subscriber that does not keep up, without telling; nothing ever blocks.
 * When the port cannot be bound, binding is retried every {@link EventSettings#bindRetry()}.
 */
public final class ZmqBroadcaster implements EventBroadcaster {

    private static final System.Logger LOGGER = System.getLogger(ZmqBroadcaster.class.getName());
    private static final Message STOP = new Message(null, null);

    private record Message(Topic topic, Map<String, Object> body) {
    }

    private final EventSettings settings;
    private final ZContext context;
    private final BlockingDeque<Message> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;
    private volatile int boundPort = -1;
    private long reportedAt;
    private long droppedAtReport;

    public ZmqBroadcaster(EventSettings settings) {
        this(settings, null);
    }

    /**
     * With the JeroMQ context of the caller, for tests whose subscribers live in the same JVM: JeroMQ 0.6.0 loses a
     * subscription now and then between two contexts of one JVM (the agent's subscribers are other processes).
     */
    ZmqBroadcaster(EventSettings settings, ZContext context) {
        this.context = context;
        this.settings = settings;
        this.queue = new LinkedBlockingDeque<>(settings.queueLimit() + 1);
        this.thread = new Thread(this::run, "supvisors-events");
        this.thread.setDaemon(true);
    }

    /**
     * Starts the publishing thread (which binds the port).
     *
     * @throws IllegalStateException when started twice or after close
     */
    public synchronized ZmqBroadcaster start() {
        if (closed || thread.getState() != Thread.State.NEW) {
            throw new IllegalStateException("ZeroMQ event publisher: " + (closed ? "closed" : "started")
                    + " (expected: started once)");
        }
        thread.start();
        return this;
    }

    /** The bound port, once bound. */
    public Optional<Integer> boundPort() {
        int port = boundPort;
        return port < 0 ? Optional.empty() : Optional.of(port);
    }

    @Override
    public void publish(String topic, Map<String, Object> body) {
        Optional<Topic> known = EventMessages.topic(topic);
        if (known.isEmpty()) {
            return;
        }
        if (closed) {
            return;
        }
        Message message = new Message(known.get(), body);
        while (!queue.offerLast(message)) {
            if (queue.pollFirst() != null) {
                droppedOne();
            }
        }
    }

    private void droppedOne() {
        long total = dropped.incrementAndGet();
        long now = System.nanoTime();
        if (total == 1 || now - reportedAt >= TimeUnit.SECONDS.toNanos(Subscriber.REPORT_SECONDS)) {
            LOGGER.log(Level.WARNING, "event interface: the ZeroMQ publisher does not keep up: {0} message(s)"
                    + " dropped since the last report, {1} in all (more than {2} waiting)",
                    total - droppedAtReport, total, settings.queueLimit());
            reportedAt = now;
            droppedAtReport = total;
        }
    }

    @Override
    public long droppedMessages() {
        return dropped.get();
    }

    private void run() {
        ZContext owned = context == null ? new ZContext(1) : null;
        ZContext used = context == null ? owned : context;
        ZMQ.Socket socket = null;
        try {
            socket = used.createSocket(SocketType.PUB);
            socket.setLinger(0);
            socket.setSndHWM(settings.queueLimit());
            if (!bind(socket)) {
                return;
            }
            while (true) {
                Message message = queue.take();
                if (message == STOP) {
                    return;
                }
                send(socket, message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOGGER.log(Level.ERROR, "event interface: the ZeroMQ publisher stopped: " + e, e);
        } finally {
            if (owned != null) {
                owned.close();
            } else if (socket != null) {
                used.destroySocket(socket);
            }
        }
    }

    /** Binds, retrying until it works or the publisher closes; messages published meanwhile are discarded. */
    private boolean bind(ZMQ.Socket socket) throws InterruptedException {
        String endpoint = "tcp://*:" + settings.port();
        int failures = 0;
        while (true) {
            try {
                socket.bind(endpoint);
                String last = socket.getLastEndpoint();
                boundPort = Integer.parseInt(last.substring(last.lastIndexOf(':') + 1));
                LOGGER.log(Level.INFO, "event interface: ZeroMQ PUB socket bound to {0}", last);
                return true;
            } catch (ZMQException e) {
                failures++;
                LOGGER.log(failures == 1 ? Level.WARNING : Level.DEBUG, "event interface: cannot bind {0} ({1});"
                        + " retrying every {2} ms", endpoint, e.getMessage(), settings.bindRetry().toMillis());
            }
            long until = System.nanoTime() + settings.bindRetry().toNanos();
            long left;
            while ((left = until - System.nanoTime()) > 0) {
                Message discarded = queue.poll(left, TimeUnit.NANOSECONDS);
                if (discarded == STOP) {
                    return false;
                }
            }
        }
    }

    private void send(ZMQ.Socket socket, Message message) {
        byte[] body;
        try {
            body = EventMessages.body(message.body()).getBytes(StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException refused) {
            LOGGER.log(Level.WARNING, "event interface: {0} message dropped: {1}", message.topic().wireName(),
                    refused.getMessage());
            return;
        }
        // a PUB socket never blocks: a subscriber past its high-water mark misses the message
        socket.sendMore(message.topic().wireName());
        socket.send(body, 0);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        queue.clear();
        queue.offerFirst(STOP);
        if (thread.getState() != Thread.State.NEW) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "ZeroMQ event publisher on port " + settings.port();
    }
}
