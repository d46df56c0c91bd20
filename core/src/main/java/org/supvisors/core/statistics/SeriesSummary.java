package org.supvisors.core.statistics;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures the dashboard derives from a series (statistics.md, "Derived figures").
 *
 * @param latest the last value
 * @param mean the arithmetic mean
 * @param slopePerPeriod the slope of the least-squares regression of the values over the times (per second),
 *     multiplied by the period: the expected change per period
 * @param stdDev the population standard deviation
 * @param trend the instant rate of the last value against the previous one
 */
public record SeriesSummary(double latest, double mean, double slopePerPeriod, double stdDev, Trend trend) {

    /** The colour and arrow of the latest value. */
    public enum Trend {
        /** No previous value, or a previous value of 0. */
        NONE,
        /** |rate| below 0.005 %: blue, ↝. */
        STABLE,
        /** Green, ↗. */
        INCREASE,
        /** Red, ↘. */
        DECREASE
    }

    /** The figures of a series, empty when it has no value. */
    public static Optional<SeriesSummary> of(List<Double> times, List<Double> values, double period) {
        if (times.size() != values.size()) {
            throw new IllegalArgumentException("series: " + times.size() + " times, " + values.size()
                    + " values (expected: as many)");
        }
        int n = values.size();
        if (n == 0) {
            return Optional.empty();
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += times.get(i);
            meanY += values.get(i);
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = times.get(i) - meanX;
            double dy = values.get(i) - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        double slope = sxx == 0 ? 0.0 : sxy / sxx;
        double latest = values.get(n - 1);
        return Optional.of(new SeriesSummary(latest, meanY, slope * period, Math.sqrt(syy / n),
                trend(n < 2 ? 0.0 : values.get(n - 2), latest)));
    }

    static Trend trend(double previous, double latest) {
        if (previous == 0) {
            return Trend.NONE;
        }
        double rate = 100 * latest / previous - 100;
        if (Math.abs(rate) < 0.005) {
            return Trend.STABLE;
        }
        return rate > 0 ? Trend.INCREASE : Trend.DECREASE;
    }

    /** A value as the dashboard writes it: two decimals, {@code +0.00} for a value in (0, 0.005). */
    public static String format(double value) {
        if (value > 0 && value < 0.005) {
            return "+0.00";
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
