package org.supvisors.transport.events;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * One WebSocket subscriber: its topics and the frames it has not taken yet. Frames are written while the channel is
 * writable (Netty's write buffer below its high-water mark); beyond that they wait here, and past the queue limit
 * the oldest waiting one is dropped: a subscriber that does not read never holds more than its limit, and never
 * slows the agent or the other subscribers. Confined to the channel's event loop.
 */
final class Subscriber {

    private static final System.Logger LOGGER = System.getLogger(Subscriber.class.getName());
    static final long REPORT_SECONDS = 60;

    private final Channel channel;
    private final SubscriptionPath path;
    private final int limit;
    private final AtomicLong droppedEverywhere;
    private final ArrayDeque<ByteBuf> waiting = new ArrayDeque<>();
    private boolean unflushed;
    private long dropped;
    private long droppedSinceReport;
    private long reportedAt;

    Subscriber(Channel channel, SubscriptionPath path, int limit, AtomicLong droppedEverywhere) {
        this.channel = channel;
        this.path = path;
        this.limit = limit;
        this.droppedEverywhere = droppedEverywhere;
    }

    boolean wants(Topic topic) {
        return path.includes(topic);
    }

    int topics() {
        return path.topics();
    }

    /** Takes one frame (its reference): written at once if the channel can take it, else queued. Caller flushes. */
    void offer(ByteBuf frame) {
        if (!channel.isActive()) {
            frame.release();
            return;
        }
        waiting.addLast(frame);
        if (waiting.size() > limit) {
            waiting.pollFirst().release();
            countDrop();
        }
        writeWhileWritable();
    }

    /** The channel can take more (or less) data. */
    void writabilityChanged() {
        writeWhileWritable();
        flush();
    }

    /** Flushes what {@link #offer} wrote, if anything. */
    void flush() {
        if (unflushed) {
            unflushed = false;
            channel.flush();
        }
    }

    /** The connection is gone: releases what waits. */
    void close() {
        ByteBuf frame;
        while ((frame = waiting.pollFirst()) != null) {
            frame.release();
        }
        if (dropped > 0) {
            LOGGER.log(Level.INFO, "event subscriber {0} ({1}) left; {2} message(s) were dropped for it in all",
                    channel.remoteAddress(), path.describe(), dropped);
        }
    }

    long dropped() {
        return dropped;
    }

    private void writeWhileWritable() {
        while (!waiting.isEmpty() && channel.isWritable()) {
            channel.write(waiting.pollFirst(), channel.voidPromise());
            unflushed = true;
        }
    }

    private void countDrop() {
        dropped++;
        droppedSinceReport++;
        droppedEverywhere.incrementAndGet();
        long now = System.nanoTime();
        if (dropped == 1) {
            reportedAt = now;
            droppedSinceReport = 0;
            LOGGER.log(Level.WARNING, "event subscriber {0} ({1}) does not keep up: its oldest messages are dropped"
                    + " (more than {2} waiting)", channel.remoteAddress(), path.describe(), limit);
        } else if (now - reportedAt >= TimeUnit.SECONDS.toNanos(REPORT_SECONDS)) {
            LOGGER.log(Level.WARNING, "event subscriber {0} ({1}) still does not keep up: {2} message(s) dropped in"
                    + " the last {3} s, {4} in all", channel.remoteAddress(), path.describe(), droppedSinceReport,
                    TimeUnit.NANOSECONDS.toSeconds(now - reportedAt), dropped);
            reportedAt = now;
            droppedSinceReport = 0;
        }
    }
}
