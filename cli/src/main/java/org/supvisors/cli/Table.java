package org.supvisors.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as the original plugin prints it: a title row then one row per item, each column left-justified and
 * padded; a width of 0 means {@code max(len(title), len(longest value)) + 2}, a negative width means the last
 * column, unpadded.
 */
final class Table {

    private final List<String> titles;
    private final int[] widths;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> titles, int[] widths) {
        this.titles = titles;
        this.widths = widths.clone();
    }

    void add(List<String> row) {
        rows.add(row);
    }

    void print(PrintWriter out) {
        int[] actual = widths.clone();
        for (int column = 0; column < actual.length; column++) {
            if (actual[column] == 0) {
                int max = titles.get(column).length();
                for (List<String> row : rows) {
                    max = Math.max(max, row.get(column).length());
                }
                actual[column] = max + 2;
            }
        }
        line(out, titles, actual);
        for (List<String> row : rows) {
            line(out, row, actual);
        }
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            text.append(cell);
            if (widths[column] > 0) {
                text.append(" ".repeat(Math.max(0, widths[column] - cell.length())));
            }
        }
        out.println(text.toString().stripTrailing());
    }
}
