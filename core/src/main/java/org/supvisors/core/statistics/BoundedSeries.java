package org.supvisors.core.statistics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A time line and a fixed number of value columns, keeping the latest {@code depth} rows ({@code stats_histo}).
 */
public final class BoundedSeries {

    private final int depth;
    private final int columns;
    private final ArrayDeque<double[]> rows = new ArrayDeque<>();

    BoundedSeries(int depth, int columns) {
        if (depth < 1 || columns < 1) {
            throw new IllegalArgumentException("series: depth " + depth + ", columns " + columns
                    + " (expected: 1 or more each)");
        }
        this.depth = depth;
        this.columns = columns;
    }

    /** Appends a row, dropping the oldest beyond the depth. */
    void add(double time, double... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("row: " + values.length + " values (expected: " + columns + ")");
        }
        double[] row = new double[columns + 1];
        row[0] = time;
        System.arraycopy(values, 0, row, 1, columns);
        rows.addLast(row);
        while (rows.size() > depth) {
            rows.removeFirst();
        }
    }

    void clear() {
        rows.clear();
    }

    public int size() {
        return rows.size();
    }

    public int columns() {
        return columns;
    }

    /** The time line: seconds since the first sample of the series, oldest first. */
    public List<Double> times() {
        return column(-1);
    }

    /** The values of a column, oldest first. */
    public List<Double> values(int column) {
        if (column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("column: " + column + " (expected: 0 to " + (columns - 1) + ")");
        }
        return column(column);
    }

    /** The latest value of a column. */
    public double latest(int column) {
        return rows.getLast()[column + 1];
    }

    private List<Double> column(int column) {
        List<Double> result = new ArrayList<>(rows.size());
        for (Iterator<double[]> it = rows.iterator(); it.hasNext(); ) {
            result.add(it.next()[column + 1]);
        }
        return result;
    }
}
