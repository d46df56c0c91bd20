package org.supvisors.core;

import java.lang.System.Logger.Level;
import java.util.function.Supplier;

/**
 * A logger that prefixes every line with the local instance, so that a simulation of many instances in one JVM
 * stays readable: {@code [<nick>host:port] message}.
 */
public final class InstanceLog {

    private final System.Logger logger;
    private final String prefix;

    public InstanceLog(Class<?> owner, String localIdentifier) {
        this.logger = System.getLogger(owner.getName());
        this.prefix = "[" + localIdentifier + "] ";
    }

    /** A logger for another class with the same prefix. */
    public InstanceLog forClass(Class<?> owner) {
        return new InstanceLog(owner, prefix.substring(1, prefix.length() - 2));
    }

    public boolean isEnabled(Level level) {
        return logger.isLoggable(level);
    }

    public void error(String message) { log(Level.ERROR, message); }
    public void warn(String message) { log(Level.WARNING, message); }
    public void info(String message) { log(Level.INFO, message); }
    public void debug(String message) { log(Level.DEBUG, message); }

    /** A debug line whose text is only built when debug is enabled. */
    public void debug(Supplier<String> message) {
        if (logger.isLoggable(Level.DEBUG)) {
            logger.log(Level.DEBUG, prefix + message.get());
        }
    }

    /** A trace line whose text is only built when trace is enabled. */
    public void trace(Supplier<String> message) {
        if (logger.isLoggable(Level.TRACE)) {
            logger.log(Level.TRACE, prefix + message.get());
        }
    }

    public void error(String message, Throwable cause) {
        logger.log(Level.ERROR, prefix + message, cause);
    }

    private void log(Level level, String message) {
        if (logger.isLoggable(level)) {
            logger.log(level, prefix + message);
        }
    }
}
