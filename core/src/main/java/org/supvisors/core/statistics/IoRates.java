package org.supvisors.core.statistics;

import java.util.List;

/**
 * The rates of two {@link IoCounters} between two samples, in kilobits per second ({@code Δbytes / duration / 128},
 * as 0.19 computes them).
 *
 * @param in received or read
 * @param out sent or written
 */
public record IoRates(double in, double out) {

    /** {@code [in, out]}, the wire form of {@code net_io} and {@code disk_io} entries. */
    public List<Object> toList() {
        return List.of(in, out);
    }
}
