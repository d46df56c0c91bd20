package org.supvisors.bench.workload;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** A fixed-rate period for a polling loop: a late round starts the next period at once, without catching up. */
public final class Periodic {

    private final long periodNanos;
    private long next;

    public Periodic(Duration period) {
        this.periodNanos = period.toNanos();
        this.next = System.nanoTime();
    }

    /** Waits for the start of the next period. */
    public void await() {
        next += periodNanos;
        long wait = next - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        } else {
            next = System.nanoTime();
        }
    }
}
