package org.supvisors.core.time;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests move by hand; both clocks advance together. */
public final class ManualClock implements Clock {

    private double epoch;
    private double monotonic;

    public ManualClock(double epoch, double monotonic) {
        this.epoch = epoch;
        this.monotonic = monotonic;
    }

    /** 2026-11-22T00:00:00Z and a monotonic clock at 1000 s. */
    public ManualClock() {
        this(1_795_305_600.0, 1000.0);
    }

    public void advance(double seconds) {
        epoch += seconds;
        monotonic += seconds;
    }

    @Override
    public double epochTime() {
        return epoch;
    }

    @Override
    public double monotonic() {
        return monotonic;
    }

    @Override
    public ZoneId zone() {
        return ZoneOffset.UTC;
    }
}
