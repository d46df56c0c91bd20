package org.supvisors.core.config;

import java.util.Locale;

/** Supervisor's log levels, with their names and numbers (option {@code loglevel}, {@code change_log_level}). */
public enum LogLevel {
    CRITICAL("critical", "CRIT", 50),
    ERROR("error", "ERRO", 40),
    WARN("warn", "WARN", 30),
    INFO("info", "INFO", 20),
    DEBUG("debug", "DEBG", 10),
    TRACE("trace", "TRAC", 5),
    BLATHER("blather", "BLAT", 3);

    private final String description;
    private final String shortName;
    private final int number;

    LogLevel(String description, String shortName, int number) {
        this.description = description;
        this.shortName = shortName;
        this.number = number;
    }

    /** The name used in configuration files and by {@code change_log_level}, e.g. {@code warn}. */
    public String description() {
        return description;
    }

    /** The four-letter name written in log lines, as supervisord does, e.g. {@code WARN}. */
    public String shortName() {
        return shortName;
    }

    /** Supervisor's number for the level, e.g. 30 for {@code warn}. */
    public int number() {
        return number;
    }

    /** True when a message of {@code level} is written at this threshold. */
    public boolean enables(LogLevel level) {
        return level.number >= number;
    }

    /** The level with this description, case-insensitive, or {@code null}. */
    public static LogLevel fromDescription(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        for (LogLevel level : values()) {
            if (level.description.equals(lower)) {
                return level;
            }
        }
        return null;
    }

    /** The level with this number, or {@code null}. */
    public static LogLevel fromNumber(int number) {
        for (LogLevel level : values()) {
            if (level.number == number) {
                return level;
            }
        }
        return null;
    }
}
