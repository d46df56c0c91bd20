package org.supvisors.cli.output;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** 0.19's {@code simple_localtime}: {@code HH:MM:SS} of a POSIX time in the client's time zone. */
public final class LocalTimes {

    private LocalTimes() {
    }

    public static String hms(long epochSeconds) {
        LocalTime time = LocalTime.ofInstant(Instant.ofEpochSecond(epochSeconds), ZoneId.systemDefault());
        return two(time.getHour()) + ":" + two(time.getMinute()) + ":" + two(time.getSecond());
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
