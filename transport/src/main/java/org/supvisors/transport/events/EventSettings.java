package org.supvisors.transport.events;

import java.time.Duration;
import java.util.Objects;

/**
 * How an event publisher serves its subscribers.
 *
 * @param port the port bound on all interfaces ({@code event_port}; 0 for any free port, in tests)
 * @param queueLimit how many messages may wait for one subscriber that does not keep up before its oldest are
 *     dropped (WebSocket: our queue, beyond what the socket and Netty's 64 KiB write buffer hold; ZeroMQ: the
 *     publisher's own queue, and the PUB socket's high-water mark per subscriber)
 * @param keepalive WebSocket: a subscriber silent for that long is pinged, and closed when it stays silent as long
 *     again (the {@code websockets} library's 20 s / 20 s)
 * @param bindRetry delay between two attempts to bind the port (0.19: one second)
 */
public record EventSettings(int port, int queueLimit, Duration keepalive, Duration bindRetry) {

    public static final int DEFAULT_QUEUE_LIMIT = 1024;
    public static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(20);
    public static final Duration DEFAULT_BIND_RETRY = Duration.ofSeconds(1);

    public EventSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("event_port: " + port + " (expected: in [0;65535])");
        }
        if (queueLimit < 1) {
            throw new IllegalArgumentException("queueLimit: " + queueLimit + " (expected: > 0)");
        }
        Objects.requireNonNull(keepalive, "keepalive");
        Objects.requireNonNull(bindRetry, "bindRetry");
        if (keepalive.isNegative() || keepalive.isZero() || bindRetry.isNegative() || bindRetry.isZero()) {
            throw new IllegalArgumentException("keepalive: " + keepalive + ", bindRetry: " + bindRetry
                    + " (expected: positive durations)");
        }
    }

    /** The defaults on {@code port}. */
    public static EventSettings of(int port) {
        return new EventSettings(port, DEFAULT_QUEUE_LIMIT, DEFAULT_KEEPALIVE, DEFAULT_BIND_RETRY);
    }

    public EventSettings withQueueLimit(int limit) {
        return new EventSettings(port, limit, keepalive, bindRetry);
    }

    public EventSettings withKeepalive(Duration duration) {
        return new EventSettings(port, queueLimit, duration, bindRetry);
    }
}
