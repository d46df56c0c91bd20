package org.supvisors.transport.peer;

import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Log lines that a peer can repeat at will (a refused dial every 2 s, messages dropped for a slow peer): the first
 * line of a key is logged at its level, those of the same key in the next {@value #WINDOW_SECONDS} s only at DEBUG,
 * and the next one at its level again, saying how many were lowered.
 */
final class RateLimitedLog {

    static final long WINDOW_SECONDS = 60;
    private static final int MAX_KEYS = 1024;

    private final System.Logger logger;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    RateLimitedLog(System.Logger logger) {
        this.logger = logger;
    }

    /** Logs {@code line} at {@code level}, or at DEBUG if a line of {@code key} was logged less than a window ago. */
    void log(Level level, String key, String line) {
        long now = System.nanoTime();
        if (windows.size() > MAX_KEYS) {
            windows.clear();
        }
        Window window = windows.computeIfAbsent(key, k -> new Window());
        long lowered;
        synchronized (window) {
            if (window.started && now - window.since < TimeUnit.SECONDS.toNanos(WINDOW_SECONDS)) {
                window.lowered++;
                lowered = -1;
            } else {
                lowered = window.lowered;
                window.started = true;
                window.since = now;
                window.lowered = 0;
            }
        }
        if (lowered < 0) {
            logger.log(Level.DEBUG, line);
        } else if (lowered == 0) {
            logger.log(level, line);
        } else {
            logger.log(level, line + " (" + lowered + " similar lines logged at DEBUG in the last " + WINDOW_SECONDS
                    + " s)");
        }
    }

    private static final class Window {
        boolean started;
        long since;
        long lowered;
    }
}
