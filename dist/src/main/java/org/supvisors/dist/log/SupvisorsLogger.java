package org.supvisors.dist.log;

import java.util.Objects;
import java.util.ResourceBundle;

import org.supvisors.core.config.LogLevel;

/**
 * A {@link System.Logger} writing to a {@link LogControl}. Levels map to Supervisor's: {@code ERROR} to
 * {@code error}, {@code WARNING} to {@code warn}, {@code INFO} to {@code info}, {@code DEBUG} to {@code debug},
 * {@code TRACE} to {@code trace}, {@code ALL} to {@code blather}; {@code OFF} is never loggable.
 */
final class SupvisorsLogger implements System.Logger {

    private final String name;
    private final LogControl control;

    SupvisorsLogger(String name, LogControl control) {
        this.name = Objects.requireNonNull(name, "name");
        this.control = Objects.requireNonNull(control, "control");
    }

    /** Supervisor's level for {@code level}, or {@code null} for {@code OFF}. */
    static LogLevel toLogLevel(Level level) {
        switch (level) {
            case ALL:
                return LogLevel.BLATHER;
            case TRACE:
                return LogLevel.TRACE;
            case DEBUG:
                return LogLevel.DEBUG;
            case INFO:
                return LogLevel.INFO;
            case WARNING:
                return LogLevel.WARN;
            case ERROR:
                return LogLevel.ERROR;
            case OFF:
                return null;
            default:
                throw new IllegalArgumentException("level: " + level + " (expected: a System.Logger.Level)");
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        LogLevel logLevel = toLogLevel(Objects.requireNonNull(level, "level"));
        return logLevel != null && control.isLoggable(name, logLevel);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        if (isLoggable(level)) {
            control.write(toLogLevel(level), MessageText.localize(bundle, message), thrown);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            control.write(toLogLevel(level), MessageText.format(MessageText.localize(bundle, format), params), null);
        }
    }

    @Override
    public String toString() {
        return "SupvisorsLogger[" + name + "]";
    }
}
