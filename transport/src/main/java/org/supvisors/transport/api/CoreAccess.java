package org.supvisors.transport.api;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.supvisors.core.Supvisors;

/**
 * The way into the core from another thread.
 *
 * <p>Contract: {@link #call} never blocks the caller; the task runs later on the core's single thread, and the
 * stage completes with its result, or exceptionally with what it threw.
 */
@FunctionalInterface
public interface CoreAccess {

    <T> CompletionStage<T> call(Function<Supvisors, T> task);
}
