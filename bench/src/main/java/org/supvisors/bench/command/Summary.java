package org.supvisors.bench.command;

import java.util.List;

/** Median, min and max of the values of one measure over the runs where it was reached. */
public record Summary(double median, double min, double max, int n) {

    public static Summary of(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Summary(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    /** How many values are above {@code limit}. */
    public static long above(List<Double> values, double limit) {
        return values.stream().filter(value -> value > limit).count();
    }
}
