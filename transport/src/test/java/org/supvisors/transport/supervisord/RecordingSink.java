package org.supvisors.transport.supervisord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.supvisors.core.supervisor.SupervisordEvent;

/** A sink that writes down what it hears, as text lines, for tests. */
final class RecordingSink implements SupervisordEventSink {

    private final List<Object> heard = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public synchronized void onEvent(SupervisordEvent event) {
        heard.add(event);
    }

    @Override
    public synchronized void onEventsLost(long firstLost, long lastLost) {
        heard.add("LOST " + firstLost + ".." + lastLost);
    }

    @Override
    public synchronized void onEndOfInput() {
        heard.add("END");
        ended.countDown();
    }

    /** Waits for the end of input; false if it did not come in time. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    synchronized List<Object> heard() {
        return new ArrayList<>(heard);
    }
}
