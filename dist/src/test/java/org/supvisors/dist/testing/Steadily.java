package org.supvisors.dist.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.supvisors.core.testing.Await;

/**
 * Checks that something stays true for a while, by polling it: the counterpart of {@link Await#until} for what must
 * not happen (an isolated instance must not come back). The first failure is thrown at once.
 */
public final class Steadily {

    private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

    private Steadily() {
    }

    /** Polls {@code assertion} for {@code period}; throws its first failure. */
    public static void holds(Duration period, Await.ThrowingRunnable assertion) throws Exception {
        long end = System.nanoTime() + period.toNanos();
        do {
            assertion.run();
            LockSupport.parkNanos(POLL_NANOS);
        } while (System.nanoTime() - end < 0);
        assertion.run();
    }
}
