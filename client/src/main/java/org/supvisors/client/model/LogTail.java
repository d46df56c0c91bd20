package org.supvisors.client.model;

import java.util.List;

/**
 * A piece of a process log ({@code supervisor.tailProcessStdoutLog}, {@code tailProcessStderrLog}): the answer
 * {@code [bytes, offset, overflow]}.
 *
 * @param text the bytes read, as supervisord sends them
 * @param offset the offset to ask for next time
 * @param overflow whether more was written since the offset given than the length asked for
 */
public record LogTail(String text, long offset, boolean overflow) {

    /**
     * Decodes the array as supervisord sends it.
     *
     * @throws IllegalArgumentException when the value is not a {@code [string, int, boolean]} array
     */
    public static LogTail fromValue(Object value) {
        if (value instanceof List<?> items && items.size() == 3 && items.get(0) instanceof String text
                && (items.get(1) instanceof Integer || items.get(1) instanceof Long)
                && items.get(2) instanceof Boolean overflow) {
            return new LogTail(text, ((Number) items.get(1)).longValue(), overflow);
        }
        throw new IllegalArgumentException("LogTail: " + value + " (expected: [string, int, boolean])");
    }
}
