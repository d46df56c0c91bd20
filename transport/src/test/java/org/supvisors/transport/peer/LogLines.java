package org.supvisors.transport.peer;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The INFO and WARNING lines of the peer package (System.Logger goes to java.util.logging in tests), captured
 * instead of printed while open.
 */
final class LogLines extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger(LogLines.class.getPackageName());
    private final Level previousLevel;
    private final List<String> lines = new ArrayList<>();

    LogLines() {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.setUseParentHandlers(false);
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        Object[] parameters = record.getParameters();
        String text = parameters == null || parameters.length == 0 ? record.getMessage()
                : MessageFormat.format(record.getMessage(), parameters);
        lines.add(record.getLevel() + " " + text);
    }

    synchronized List<String> all() {
        return new ArrayList<>(lines);
    }

    /** The lines at WARNING containing every fragment. */
    List<String> warnings(String... fragments) {
        List<String> found = new ArrayList<>();
        for (String line : all()) {
            if (line.startsWith("WARNING ") && containsAll(line, fragments)) {
                found.add(line);
            }
        }
        return found;
    }

    /** The lines at any level containing every fragment. */
    List<String> matching(String... fragments) {
        List<String> found = new ArrayList<>();
        for (String line : all()) {
            if (containsAll(line, fragments)) {
                found.add(line);
            }
        }
        return found;
    }

    private static boolean containsAll(String line, String... fragments) {
        for (String fragment : fragments) {
            if (!line.contains(fragment)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(true);
        logger.setLevel(previousLevel);
    }
}
