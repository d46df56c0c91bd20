package org.supvisors.core.time;

/**
 * The two clocks of Supvisors, behind one seam so that the core never reads the system clock.
 *
 * <p>Contract: both methods are cheap and never block. {@link #monotonic()} never goes backwards on one host
 * and is only comparable between readings of the same host; {@link #epochTime()} may jump.
 */
public interface Clock {

    /** POSIX time in seconds (the {@code when} of ticks, the {@code now} of Supervisor structures). */
    double epochTime();

    /** Monotonic time in seconds, Linux {@code CLOCK_MONOTONIC} on the real clock. */
    double monotonic();

    /** The local time zone, for the dates that Supervisor writes in process descriptions. */
    java.time.ZoneId zone();
}
