package org.supvisors.dist.agent;

import java.time.ZoneId;

import org.supvisors.core.time.Clock;

/** The real clocks: {@code System.currentTimeMillis} and {@code System.nanoTime} (CLOCK_MONOTONIC on Linux). */
final class SystemClock implements Clock {

    @Override
    public double epochTime() {
        return System.currentTimeMillis() / 1000.0;
    }

    @Override
    public double monotonic() {
        return System.nanoTime() / 1e9;
    }

    @Override
    public ZoneId zone() {
        return ZoneId.systemDefault();
    }
}
