package org.supvisors.transport.events;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

/**
 * The subscribers of one event loop and the frames on their way to them. The publisher hands each frame once per
 * event loop ({@link #submit}); one task on the loop then gives it to every subscriber of its topic, and flushes each
 * subscriber once per task: under load, frames are written in batches, one system call for many messages. Frames
 * keep their order: one publishing thread, one FIFO per loop, one loop per channel.
 */
final class LoopFanout implements Runnable {

    private static final System.Logger LOGGER = System.getLogger(LoopFanout.class.getName());

    /** A frame with its topic. */
    record Frame(Topic topic, ByteBuf bytes) {
    }

    private final EventLoop loop;
    private final Queue<Frame> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    // confined to the loop
    private final List<Subscriber> subscribers = new ArrayList<>();
    /** The topics of the subscribers, as bits: read by the publishing thread. */
    private volatile int topics;

    LoopFanout(EventLoop loop) {
        this.loop = loop;
    }

    /** The topics some subscriber of this loop wants, as {@link Topic#bit()}s. */
    int topics() {
        return topics;
    }

    /** Adds a subscriber; on the loop. */
    void add(Subscriber subscriber) {
        subscribers.add(subscriber);
        topics |= subscriber.topics();
    }

    /** Removes a subscriber; on the loop. */
    void remove(Subscriber subscriber) {
        subscribers.remove(subscriber);
        int union = 0;
        for (Subscriber other : subscribers) {
            union |= other.topics();
        }
        topics = union;
    }

    int size() {
        return subscribers.size();
    }

    /** Hands a frame to the subscribers of this loop; from the publishing thread. Takes its own reference. */
    void submit(Topic topic, ByteBuf frame) {
        pending.add(new Frame(topic, frame.retain()));
        if (scheduled.compareAndSet(false, true)) {
            try {
                loop.execute(this);
            } catch (RejectedExecutionException shutDown) {
                LOGGER.log(Level.DEBUG, "event loop shut down: event messages dropped");
                releasePending();
            }
        }
    }

    @Override
    public void run() {
        scheduled.set(false);
        Frame frame;
        while ((frame = pending.poll()) != null) {
            try {
                for (Subscriber subscriber : subscribers) {
                    if (subscriber.wants(frame.topic())) {
                        subscriber.offer(frame.bytes().retainedDuplicate());
                    }
                }
            } finally {
                frame.bytes().release();
            }
        }
        for (Subscriber subscriber : subscribers) {
            subscriber.flush();
        }
    }

    private void releasePending() {
        Frame frame;
        while ((frame = pending.poll()) != null) {
            frame.bytes().release();
        }
    }
}
