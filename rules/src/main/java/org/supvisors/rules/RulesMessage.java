package org.supvisors.rules;

import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * A message of the rules loading that does not stop the agent: what 0.19 logs (a value ignored or reset) and what the
 * loader found. To be logged as is by the caller.
 *
 * @param level {@code INFO}, {@code WARNING} or {@code ERROR}
 * @param text one line, starting with {@code file:line:column} when an element is at fault
 */
public record RulesMessage(Level level, String text) {

    public RulesMessage {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    static RulesMessage info(String text) {
        return new RulesMessage(Level.INFO, text);
    }

    static RulesMessage warning(String text) {
        return new RulesMessage(Level.WARNING, text);
    }

    static RulesMessage error(String text) {
        return new RulesMessage(Level.ERROR, text);
    }

    @Override
    public String toString() {
        return level.getName() + " " + text;
    }
}
