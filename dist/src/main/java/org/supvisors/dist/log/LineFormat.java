package org.supvisors.dist.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

import org.supvisors.core.config.LogLevel;

/**
 * 0.19's log line: {@code %(asctime)s;%(levelname)s;%(message)s\n}, after {@code <software_name>;} when set.
 * {@code asctime} is Python's {@code YYYY-MM-DD HH:MM:SS,mmm} in local time (milliseconds truncated);
 * {@code levelname} is Supervisor's four-letter name ({@link LogLevel#shortName()}).
 *
 * <p>A throwable follows the message: its whole stack trace on the next lines when asked for (debug threshold and
 * below), otherwise on the same line as {@code : <class>: <message>}, then {@code ; caused by <class>: <message>}
 * for each cause whose text the previous one does not already contain.
 */
final class LineFormat {

    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss,SSS",
            Locale.ROOT);

    private LineFormat() {
    }

    static String line(ZonedDateTime time, String prefix, LogLevel level, String message, Throwable thrown,
            boolean stackTrace) {
        StringBuilder line = new StringBuilder(80 + message.length());
        if (!prefix.isEmpty()) {
            line.append(prefix).append(';');
        }
        ASCTIME.formatTo(time, line);
        line.append(';').append(level.shortName()).append(';').append(message);
        if (thrown == null) {
            return line.append('\n').toString();
        }
        if (stackTrace) {
            return line.append('\n').append(stackTraceOf(thrown)).toString();
        }
        return line.append(": ").append(summary(thrown)).append('\n').toString();
    }

    /** The throwable and its causes on one line, for users who never see stack traces. */
    static String summary(Throwable thrown) {
        StringBuilder summary = new StringBuilder(thrown.toString());
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(thrown);
        String previous = summary.toString();
        for (Throwable cause = thrown.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
            String text = cause.toString();
            if (!previous.contains(text)) {
                summary.append("; caused by ").append(text);
            }
            previous = text;
        }
        return summary.toString();
    }

    private static String stackTraceOf(Throwable thrown) {
        StringWriter text = new StringWriter();
        try (PrintWriter writer = new PrintWriter(text)) {
            thrown.printStackTrace(writer);
        }
        String trace = text.toString().replace(System.lineSeparator(), "\n");
        return trace.endsWith("\n") ? trace : trace + "\n";
    }
}
