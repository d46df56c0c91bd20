package org.supvisors.dist.log;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.supvisors.core.config.LogLevel;

/**
 * Sends {@code java.util.logging} records to a {@link LogControl}: Netty falls back to it when no other framework
 * is on the class path, and the Apache XML-RPC client's commons-logging uses it.
 *
 * <p>Installed as the only handler of the root logger, whose level follows the threshold (so that JUL's
 * {@code isLoggable} and Netty's {@code isDebugEnabled} are cheap and honest), as does the {@code io.netty}
 * logger's (held here: JUL forgets the level of a logger nobody references). Levels map to Supervisor's:
 * {@code SEVERE} to {@code error}, {@code WARNING} to {@code warn}, {@code INFO} to {@code info}, {@code CONFIG}
 * and {@code FINE} to {@code debug}, {@code FINER} to {@code trace}, {@code FINEST} and below to {@code blather}.
 */
final class JulBridge extends Handler {

    private final LogControl control;
    private final Logger root;
    private final Logger netty;

    private JulBridge(LogControl control, Logger root, Logger netty) {
        this.control = control;
        this.root = root;
        this.netty = netty;
    }

    /** Replaces the handlers of {@code root} by a bridge to {@code control}, and sets the levels. */
    static JulBridge install(LogControl control, Logger root, Logger netty) {
        JulBridge bridge = new JulBridge(control, root, netty);
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(bridge);
        bridge.thresholdChanged();
        return bridge;
    }

    /** Aligns the JUL levels of the root and Netty loggers on the control's threshold. */
    void thresholdChanged() {
        root.setLevel(toJul(control.thresholdFor(root.getName())));
        netty.setLevel(toJul(control.thresholdFor("io.netty")));
    }

    static LogLevel toLogLevel(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return LogLevel.ERROR;
        }
        if (value >= Level.WARNING.intValue()) {
            return LogLevel.WARN;
        }
        if (value >= Level.INFO.intValue()) {
            return LogLevel.INFO;
        }
        if (value >= Level.FINE.intValue()) {
            return LogLevel.DEBUG;
        }
        if (value >= Level.FINER.intValue()) {
            return LogLevel.TRACE;
        }
        return LogLevel.BLATHER;
    }

    static Level toJul(LogLevel threshold) {
        switch (threshold) {
            case CRITICAL:
            case ERROR:
                return Level.SEVERE;
            case WARN:
                return Level.WARNING;
            case INFO:
                return Level.INFO;
            case DEBUG:
                return Level.FINE;
            case TRACE:
                return Level.FINER;
            case BLATHER:
                return Level.ALL;
            default:
                throw new IllegalArgumentException("threshold: " + threshold + " (expected: a LogLevel)");
        }
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null) {
            return;
        }
        LogLevel level = toLogLevel(record.getLevel());
        String name = record.getLoggerName() == null ? "" : record.getLoggerName();
        if (control.isLoggable(name, level)) {
            String format = MessageText.localize(record.getResourceBundle(), record.getMessage());
            control.write(level, MessageText.format(format, record.getParameters()), record.getThrown());
        }
    }

    @Override
    public void flush() {
        // every line is flushed when written
    }

    @Override
    public void close() {
        // the control owns the destination
    }
}
