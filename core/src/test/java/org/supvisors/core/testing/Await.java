package org.supvisors.core.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for a condition on real processes by polling it until a deadline, then rethrows the last failure.
 * Never a fixed sleep: the poll returns as soon as the condition holds.
 */
public final class Await {

    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private Await() {
    }

    /** Polls {@code assertion} until it passes; after {@code timeout}, throws its last failure. */
    public static void until(Duration timeout, ThrowingRunnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (Throwable failure) {
                if (System.nanoTime() - deadline > 0) {
                    if (failure instanceof Error) {
                        throw (Error) failure;
                    }
                    throw new AssertionError("condition not met within " + timeout + ": " + failure, failure);
                }
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Polls {@code supplier} until it returns a non-null value without throwing, and returns it. */
    public static <T> T value(Duration timeout, Callable<T> supplier) {
        Object[] holder = new Object[1];
        until(timeout, () -> {
            T value = supplier.call();
            if (value == null) {
                throw new AssertionError("no value yet");
            }
            holder[0] = value;
        });
        @SuppressWarnings("unchecked")
        T result = (T) holder[0];
        return result;
    }

    /** A check that may throw anything. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
