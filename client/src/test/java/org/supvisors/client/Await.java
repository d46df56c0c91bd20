package org.supvisors.client;

import java.time.Duration;

/** Polls an assertion until it holds or the deadline passes, then rethrows its last failure. */
final class Await {

    @FunctionalInterface
    interface Assertion {
        void check() throws Exception;
    }

    private Await() {
    }

    static void until(Duration timeout, Assertion assertion) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.check();
                return;
            } catch (AssertionError | Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
    }
}
