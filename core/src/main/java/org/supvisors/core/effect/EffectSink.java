package org.supvisors.core.effect;

/**
 * Where the core puts its effects.
 *
 * <p>Contract: {@link #emit} must not block and must not throw, and must not call back into the core
 * synchronously; results are delivered later, as new inputs, on the core's thread.
 */
@FunctionalInterface
public interface EffectSink {

    void emit(Effect effect);
}
