package org.supvisors.core.statistics;

/**
 * Two cumulative byte counters of a network interface (received, sent) or of a disk (read, written).
 *
 * @param in bytes received or read
 * @param out bytes sent or written
 */
public record IoCounters(long in, long out) {

    public IoCounters {
        if (in < 0 || out < 0) {
            throw new IllegalArgumentException("io counters: (" + in + ", " + out + ") (expected: non-negative)");
        }
    }
}
