package org.supvisors.bench.workload;

import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.supvisors.core.peer.Peers;

/**
 * The instant of the kill, shared by the watchers of the survivors: they get ready (connected, one call made) before
 * it, so that their first round starts right after it, and measure every time from it.
 */
public final class KillInstant {

    private final CountDownLatch ready;
    private final CountDownLatch fired = new CountDownLatch(1);
    private volatile long origin;

    public KillInstant(int watchers) {
        ready = new CountDownLatch(watchers);
    }

    /**
     * The delay before the kill of run {@code k} (from 0) of {@code n}: stratified over the heartbeat period, run k
     * waits a random time in [k/n, (k+1)/n) of it, so that the kills of n runs meet every phase of the heartbeats.
     */
    public static long stratifiedDelayNanos(int k, int n, Random random) {
        return (long) ((k + random.nextDouble()) / n * Peers.HEARTBEAT_PERIOD * 1e9);
    }

    /**
     * Waits until every watcher is ready, then {@code delayNanos}, then kills and fires; returns the instant just
     * before the kill.
     */
    public long killAfter(long delayNanos, Runnable kill) throws InterruptedException {
        awaitReady();
        TimeUnit.NANOSECONDS.sleep(delayNanos);
        long origin = System.nanoTime();
        kill.run();
        fire(origin);
        return origin;
    }

    public void ready() {
        ready.countDown();
    }

    private void awaitReady() throws InterruptedException {
        ready.await();
    }

    /** Called right after the kill: {@code nanos} is the instant just before it; only the first call counts. */
    public void fire(long nanos) {
        if (fired.getCount() > 0) {
            origin = nanos;
            fired.countDown();
        }
    }

    public long awaitFired() throws InterruptedException {
        fired.await();
        return origin;
    }
}
