package org.supvisors.bench.cluster;

import java.util.concurrent.CountDownLatch;

/**
 * The instant of the kill, shared by the watchers of the survivors: they get ready (connected, one call made) before
 * it, so that their first round starts right after it, and measure every time from it.
 */
final class KillInstant {

    private final CountDownLatch ready;
    private final CountDownLatch fired = new CountDownLatch(1);
    private volatile long origin;

    KillInstant(int watchers) {
        ready = new CountDownLatch(watchers);
    }

    void ready() {
        ready.countDown();
    }

    void awaitReady() throws InterruptedException {
        ready.await();
    }

    /** Called right after the kill: {@code nanos} is the instant just before it; only the first call counts. */
    void fire(long nanos) {
        if (fired.getCount() > 0) {
            origin = nanos;
            fired.countDown();
        }
    }

    long awaitFired() throws InterruptedException {
        fired.await();
        return origin;
    }
}
