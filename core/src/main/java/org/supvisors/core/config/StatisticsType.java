package org.supvisors.core.config;

import org.supvisors.core.api.WireEnum;

/** Which statistics are collected (option {@code stats_enabled}). */
public enum StatisticsType implements WireEnum {
    /** None. */
    OFF(0),
    /** Host statistics. */
    HOST(1),
    /** Process statistics. */
    PROCESS(2),
    /** Host and process statistics. */
    ALL(3);

    private final int code;

    StatisticsType(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
