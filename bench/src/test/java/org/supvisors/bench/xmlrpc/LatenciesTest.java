package org.supvisors.bench.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void medianAndP90AreNearestRankPercentiles() {
        long[] nanos = new long[10];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (10 - i) * 1_000_000L;
        }
        Latencies latencies = new Latencies(nanos, 100_000_000L);

        assertThat(latencies.medianMillis()).isEqualTo(5.0);
        assertThat(latencies.p90Millis()).isEqualTo(9.0);
        assertThat(latencies.callsPerSecond()).isCloseTo(100.0, within(1e-9));
    }
}
