package org.supvisors.client;

import java.time.Duration;

/** Durations in messages, as a person writes them. */
final class Durations {

    private Durations() {
    }

    /** {@code 250 ms}, {@code 2 s}, {@code 1.5 s}, {@code none}. */
    static String text(Duration duration) {
        if (duration == null) {
            return "none";
        }
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }
}
