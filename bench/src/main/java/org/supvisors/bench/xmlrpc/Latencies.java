package org.supvisors.bench.xmlrpc;

import java.util.Arrays;

/**
 * The durations of N sequential calls and the wall time of the whole series.
 *
 * @param nanos each call, from the first byte written to the last byte read
 * @param wallNanos the series, first call to last (what calls/s is computed from)
 */
record Latencies(long[] nanos, long wallNanos) {

    double medianMillis() {
        return percentileMillis(50);
    }

    double p90Millis() {
        return percentileMillis(90);
    }

    double callsPerSecond() {
        return nanos.length * 1e9 / wallNanos;
    }

    /** Nearest-rank percentile. */
    double percentileMillis(int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
