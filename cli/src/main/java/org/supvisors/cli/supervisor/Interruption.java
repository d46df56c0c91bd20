package org.supvisors.cli.supervisor;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during {@code tail -f}, {@code maintail -f} and {@code fg}: as in supervisorctl, it ends the command, not the
 * program. While open, SIGINT sets a flag instead of ending the JVM; {@link #close()} restores the previous handler.
 */
@SuppressWarnings("restriction")
final class Interruption implements AutoCloseable {

    private static final Signal INT = new Signal("INT");

    private final SignalHandler previous;
    private final Object lock = new Object();
    private volatile boolean requested;

    Interruption() {
        SignalHandler handler = signal -> {
            requested = true;
            synchronized (lock) {
                lock.notifyAll();
            }
        };
        this.previous = Signal.handle(INT, handler);
    }

    boolean requested() {
        return requested;
    }

    /** Waits up to {@code millis}, less if Ctrl-C is pressed meanwhile. */
    void await(long millis) {
        synchronized (lock) {
            if (!requested) {
                try {
                    lock.wait(millis);
                } catch (InterruptedException e) {
                    requested = true;
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public void close() {
        Signal.handle(INT, previous);
    }
}
