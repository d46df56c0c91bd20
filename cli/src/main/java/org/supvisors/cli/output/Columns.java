package org.supvisors.cli.output;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code cmd.Cmd.columnize}: a list of words in as few rows as fit a width, column by column. */
public final class Columns {

    private Columns() {
    }

    /** The lines of {@code words} in columns separated by two spaces, within {@code width} characters. */
    public static List<String> columnize(List<String> words, int width) {
        List<String> lines = new ArrayList<>();
        if (words.isEmpty()) {
            lines.add("<empty>");
            return lines;
        }
        int size = words.size();
        if (size == 1) {
            lines.add(words.get(0));
            return lines;
        }
        int rows = 0;
        List<Integer> widths = new ArrayList<>();
        for (int tryRows = 1; tryRows < size; tryRows++) {
            int columns = (size + tryRows - 1) / tryRows;
            widths.clear();
            int total = -2;
            for (int column = 0; column < columns; column++) {
                int columnWidth = 0;
                for (int row = 0; row < tryRows; row++) {
                    int i = row + tryRows * column;
                    if (i >= size) {
                        break;
                    }
                    columnWidth = Math.max(columnWidth, words.get(i).length());
                }
                widths.add(columnWidth);
                total += columnWidth + 2;
                if (total > width) {
                    break;
                }
            }
            if (total <= width) {
                rows = tryRows;
                break;
            }
        }
        if (rows == 0) {
            rows = size;
            widths.clear();
            widths.add(0);
        }
        int columns = widths.size();
        for (int row = 0; row < rows; row++) {
            List<String> texts = new ArrayList<>();
            for (int column = 0; column < columns; column++) {
                int i = row + rows * column;
                texts.add(i >= size ? "" : words.get(i));
            }
            while (!texts.isEmpty() && texts.get(texts.size() - 1).isEmpty()) {
                texts.remove(texts.size() - 1);
            }
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < texts.size(); column++) {
                if (column > 0) {
                    line.append("  ");
                }
                String text = texts.get(column);
                line.append(text);
                for (int pad = text.length(); pad < widths.get(column); pad++) {
                    line.append(' ');
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
