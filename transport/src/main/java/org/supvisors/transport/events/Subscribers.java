package org.supvisors.transport.events;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;

/**
 * The WebSocket subscribers of a publisher, grouped by event loop ({@link LoopFanout}), and every connection of its
 * port (to close them all). Thread-safe.
 */
final class Subscribers {

    private final int queueLimit;
    private final Map<EventLoop, LoopFanout> fanouts = new ConcurrentHashMap<>();
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger count = new AtomicInteger();

    Subscribers(int queueLimit) {
        this.queueLimit = queueLimit;
    }

    /** A connection accepted on the port (not subscribed yet). */
    void connected(Channel channel) {
        connections.add(channel);
        channel.closeFuture().addListener(future -> connections.remove(channel));
    }

    /** A subscriber whose handshake is done; on its channel's event loop. */
    Subscriber subscribe(Channel channel, SubscriptionPath path) {
        Subscriber subscriber = new Subscriber(channel, path, queueLimit, dropped);
        fanouts.computeIfAbsent(channel.eventLoop(), LoopFanout::new).add(subscriber);
        count.incrementAndGet();
        return subscriber;
    }

    /** A subscriber gone; on its channel's event loop. */
    void unsubscribe(Channel channel, Subscriber subscriber) {
        LoopFanout fanout = fanouts.get(channel.eventLoop());
        if (fanout != null) {
            fanout.remove(subscriber);
        }
        count.decrementAndGet();
        subscriber.close();
    }

    /** The topics some subscriber wants, as {@link Topic#bit()}s (a snapshot). */
    int topics() {
        int union = 0;
        for (LoopFanout fanout : fanouts.values()) {
            union |= fanout.topics();
        }
        return union;
    }

    /** Hands a frame to every loop with a subscriber of its topic; the caller keeps (and releases) its reference. */
    void broadcast(Topic topic, ByteBuf frame) {
        for (LoopFanout fanout : fanouts.values()) {
            if ((fanout.topics() & topic.bit()) != 0) {
                fanout.submit(topic, frame);
            }
        }
    }

    /** How many subscribers are connected (handshake done). */
    int count() {
        return count.get();
    }

    long dropped() {
        return dropped.get();
    }

    Set<Channel> connections() {
        return connections;
    }
}
