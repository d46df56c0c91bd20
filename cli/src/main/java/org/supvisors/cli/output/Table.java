package org.supvisors.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as the original plugin prints it with Python's {@code %-Ns} templates: a title row, then one row per item;
 * each cell is {@code str()} of its value, left-justified and padded to its column's width, never cut. A column is
 * {@link #variable variable} ({@code max(len(title), len(longest value)) + 2}), {@link #fixed fixed}, or
 * {@link #unpadded unpadded} (a last column written as {@code %(x)s}). Trailing spaces are kept, as in the original.
 */
public final class Table {

    private static final int VARIABLE = -1;
    private static final int UNPADDED = -2;

    private final List<String> titles = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private final List<List<String>> measured = new ArrayList<>();

    public Table variable(String title) {
        return column(title, VARIABLE);
    }

    public Table fixed(String title, int width) {
        return column(title, width);
    }

    public Table unpadded(String title) {
        return column(title, UNPADDED);
    }

    private Table column(String title, int width) {
        titles.add(title);
        widths.add(width);
        return this;
    }

    /** Adds a row: one value per column, each written with Python's {@code str()}. */
    public Table row(Object... values) {
        if (values.length != titles.size()) {
            throw new IllegalArgumentException("row: " + values.length + " values (expected: " + titles.size() + ")");
        }
        List<String> cells = new ArrayList<>(values.length);
        for (Object value : values) {
            cells.add(PythonText.str(value));
        }
        rows.add(cells);
        return this;
    }

    /**
     * Counts a row in the widths of the variable columns without printing it: the original sizes some tables on
     * every item received, then prints only those the arguments select.
     */
    public Table measure(Object... values) {
        List<String> cells = new ArrayList<>(values.length);
        for (Object value : values) {
            cells.add(PythonText.str(value));
        }
        measured.add(cells);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The lines: the titles, then the rows. */
    public List<String> lines() {
        int[] actual = new int[titles.size()];
        for (int column = 0; column < actual.length; column++) {
            int width = widths.get(column);
            if (width == VARIABLE) {
                width = titles.get(column).length();
                for (List<String> row : rows) {
                    width = Math.max(width, row.get(column).length());
                }
                for (List<String> row : measured) {
                    width = Math.max(width, row.get(column).length());
                }
                width += 2;
            }
            actual[column] = width;
        }
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(line(titles, actual));
        for (List<String> row : rows) {
            lines.add(line(row, actual));
        }
        return lines;
    }

    public void print(PrintWriter out) {
        for (String line : lines()) {
            out.println(line);
        }
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            text.append(cell);
            for (int pad = cell.length(); pad < widths[column]; pad++) {
                text.append(' ');
            }
        }
        return text.toString();
    }
}
