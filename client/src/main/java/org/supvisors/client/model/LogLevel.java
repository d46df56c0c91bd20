package org.supvisors.client.model;

import java.util.Locale;

/**
 * The levels of {@code supvisors.change_log_level}: Supervisor's level names and numbers; sent as the number.
 */
public enum LogLevel {
    /** {@code critical}: 50. */
    CRITICAL(50),
    /** {@code error}: 40. */
    ERROR(40),
    /** {@code warn}: 30. */
    WARN(30),
    /** {@code info}: 20. */
    INFO(20),
    /** {@code debug}: 10. */
    DEBUG(10),
    /** {@code trace}: 5. */
    TRACE(5),
    /** {@code blather}: 3. */
    BLATHER(3);

    private final int code;

    LogLevel(int code) {
        this.code = code;
    }

    /** The number of the level (Supervisor's). */
    public int code() {
        return code;
    }

    /** The name Supervisor gives the level: the constant in lower case ({@code warn}, {@code blather}...). */
    public String description() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The level with this number.
     *
     * @throws IllegalArgumentException naming the value and the expected numbers
     */
    public static LogLevel fromCode(int code) {
        return WireCodes.byCode(LogLevel.class, LogLevel::code, code);
    }

    /**
     * The level with this description, exactly ({@code critical}, {@code error}, {@code warn}, {@code info},
     * {@code debug}, {@code trace}, {@code blather}).
     *
     * @throws IllegalArgumentException naming the value and the expected descriptions
     */
    public static LogLevel fromDescription(String description) {
        for (LogLevel level : values()) {
            if (level.description().equals(description)) {
                return level;
            }
        }
        throw new IllegalArgumentException("LogLevel: " + description
                + " (expected: one of [critical, error, warn, info, debug, trace, blather])");
    }
}
