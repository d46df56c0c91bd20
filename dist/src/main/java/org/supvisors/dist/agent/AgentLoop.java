package org.supvisors.dist.agent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.supvisors.core.Supvisors;
import org.supvisors.transport.api.CoreAccess;

/**
 * The core's single thread: every input (listener events, supervisord answers, API calls, timers) runs here, in
 * order, one at a time. After each input the next wake-up the core asks for is scheduled.
 */
final class AgentLoop implements CoreAccess, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AgentLoop.class.getName());

    private final ScheduledThreadPoolExecutor executor;
    private Supvisors supvisors;
    private ScheduledFuture<?> wakeUp;

    AgentLoop() {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "supvisors-core");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Binds the core; must be called once, before any input. */
    void bind(Supvisors core) {
        this.supvisors = core;
    }

    /** Runs an input on the core's thread; a failure is logged, never lost. */
    void post(Consumer<Supvisors> input) {
        executor.execute(() -> run(input));
    }

    @Override
    public <T> CompletionStage<T> call(Function<Supvisors, T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                result.complete(task.apply(supvisors));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
            rearm();
        });
        return result;
    }

    private void run(Consumer<Supvisors> input) {
        try {
            input.accept(supvisors);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "internal error while handling an input (the model may be"
                    + " incomplete; please report it)", e);
        }
        rearm();
    }

    /** Schedules {@code onTimer} at the core's next wake-up (always re-armed: a cancel and a schedule are cheap). */
    private void rearm() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        double next = supvisors.nextWakeUp();
        long delayNanos = Math.max(0, (long) ((next - supvisors.clock().monotonic()) * 1e9));
        wakeUp = executor.schedule(() -> run(Supvisors::onTimer), delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
