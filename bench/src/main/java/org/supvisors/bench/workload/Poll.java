package org.supvisors.bench.workload;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import org.supvisors.bench.command.BenchException;

/** Polls a condition until a deadline: returns as soon as it holds, never a fixed wait. */
public final class Poll {

    private static final long PERIOD_NANOS = Duration.ofMillis(20).toNanos();

    private Poll() {
    }

    /** A probe: empty while the condition does not hold; {@code describe} says what was last seen. */
    public interface Probe<T> {
        Optional<T> attempt() throws Exception;
    }

    /**
     * Polls {@code probe} until it returns a value, or throws {@link BenchException} naming {@code what}
     * and the last failure after {@code timeout}.
     */
    public static <T> T until(Duration timeout, String what, Probe<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no attempt";
        while (true) {
            try {
                Optional<T> value = probe.attempt();
                if (value.isPresent()) {
                    return value.get();
                }
                last = "not yet";
            } catch (BenchException fatal) {
                throw fatal;
            } catch (Exception e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new BenchException(what + " not reached within " + timeout.toSeconds() + " s (last: " + last
                        + ")");
            }
            LockSupport.parkNanos(PERIOD_NANOS);
        }
    }
}
