package org.supvisors.core.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The calls waiting for their work to be done ({@code wait=True}). After every input the core polls them: each
 * condition is evaluated and, when it gives an outcome, the caller is answered at once (0.19 polls every 0.5 to
 * 1 s).
 */
public final class Waiters {

    private final List<Waiter> waiters = new ArrayList<>();

    /**
     * A call waits for {@code outcome} to give a value (or to throw a fault).
     *
     * @param outcome empty while the work goes on; the answer, or a {@link SupvisorsFault} thrown, when it is done
     */
    public void add(Supplier<Optional<Object>> outcome, Reply reply) {
        waiters.add(new Waiter(outcome, reply));
        poll();
    }

    /** Answers the calls whose work is done. */
    public void poll() {
        Iterator<Waiter> iterator = waiters.iterator();
        List<Runnable> answers = new ArrayList<>();
        while (iterator.hasNext()) {
            Waiter waiter = iterator.next();
            try {
                Optional<Object> value = waiter.outcome.get();
                if (value.isPresent()) {
                    iterator.remove();
                    answers.add(() -> waiter.reply.value(value.get()));
                }
            } catch (SupvisorsFault fault) {
                iterator.remove();
                answers.add(() -> waiter.reply.fault(fault));
            }
        }
        answers.forEach(Runnable::run);
    }

    public int size() {
        return waiters.size();
    }

    private record Waiter(Supplier<Optional<Object>> outcome, Reply reply) {
    }
}
