package org.supvisors.core.process;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Supervisor's one-line description of a process state, as {@code supervisorctl status} shows it. */
final class ProcessDescription {

    private static final DateTimeFormatter STOP_FORMAT = DateTimeFormatter.ofPattern("MMM dd hh:mm a", Locale.ENGLISH);

    private ProcessDescription() {
    }

    /**
     * RUNNING: {@code pid N, uptime H:MM:SS}; FATAL/BACKOFF: the spawn error or an invitation to read the log;
     * STOPPED/EXITED: the stop date, or {@code Not started}; other states: empty.
     */
    static String of(ProcessState state, long start, long stop, long now, int pid, String spawnerr, String name,
                     ZoneId zone) {
        switch (state) {
            case RUNNING:
                return "pid " + pid + ", uptime " + uptime(Math.max(0, now - start));
            case FATAL:
            case BACKOFF:
                return spawnerr.isEmpty() ? "unknown error (try \"tail " + name + "\")" : spawnerr;
            case STOPPED:
            case EXITED:
                if (start == 0) {
                    return "Not started";
                }
                return STOP_FORMAT.format(Instant.ofEpochSecond(stop).atZone(zone));
            default:
                return "";
        }
    }

    /** Python's {@code str(timedelta)} for whole seconds: {@code H:MM:SS} or {@code N day(s), H:MM:SS}. */
    static String uptime(long seconds) {
        long days = seconds / 86400;
        long rest = seconds % 86400;
        String clock = String.format(Locale.ROOT, "%d:%02d:%02d", rest / 3600, (rest % 3600) / 60, rest % 60);
        if (days == 0) {
            return clock;
        }
        return days + (days == 1 ? " day, " : " days, ") + clock;
    }
}
