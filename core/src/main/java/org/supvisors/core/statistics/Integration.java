package org.supvisors.core.statistics;

/** When a sample is far enough from the reference to be integrated against it. */
final class Integration {

    /** The largest tolerance, in seconds, whatever the period. */
    static final double MAX_TOLERANCE = 0.25;
    /** The tolerance as a fraction of the period. */
    static final double RELATIVE_TOLERANCE = 0.02;

    private Integration() {
    }

    /**
     * True when a sample {@code duration} seconds after the reference completes {@code period}. A collector that
     * samples every {@code stats_collecting_period} seconds on a fixed-rate schedule may take a sample a few
     * milliseconds early (the one before it was late); without a tolerance, such a sample would make the period
     * wait for the next one, one collecting period later. The tolerance is 2 % of the period, 0.25 s at most,
     * below any collecting period ([1;3600] s).
     */
    static boolean isDue(double duration, double period) {
        return duration >= period - Math.min(MAX_TOLERANCE, RELATIVE_TOLERANCE * period);
    }
}
