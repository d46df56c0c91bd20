package org.supvisors.transport.config;

import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * A message produced while reading the configuration, to be logged once logging is configured (logging is itself
 * configured from these options, so the reader cannot log them).
 *
 * @param level {@code INFO}, {@code WARNING} or {@code ERROR}
 * @param text one line, starting with {@code file:line} when a value is at fault
 */
public record ConfigMessage(Level level, String text) {

    public ConfigMessage {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    static ConfigMessage info(String text) {
        return new ConfigMessage(Level.INFO, text);
    }

    static ConfigMessage warning(String text) {
        return new ConfigMessage(Level.WARNING, text);
    }

    static ConfigMessage error(String text) {
        return new ConfigMessage(Level.ERROR, text);
    }

    @Override
    public String toString() {
        return level.getName() + " " + text;
    }
}
