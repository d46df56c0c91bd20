package org.supvisors.dist.log;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.supvisors.core.config.SupvisorsOptions;

/**
 * Where log lines go: standard error ({@code logfile=AUTO}, captured by supervisord into the program's stderr
 * log) or a file rotated like Supervisor's {@code RotatingFileHandler}. Immutable.
 */
public final class LogDestination {

    private static final LogDestination STDERR = new LogDestination(null, 0, 0);

    private final Path file;
    private final long maxBytes;
    private final int backups;

    private LogDestination(Path file, long maxBytes, int backups) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.backups = backups;
    }

    /** Standard error: option {@code logfile=AUTO}, the default. */
    public static LogDestination stderr() {
        return STDERR;
    }

    /**
     * A file, appended to, rotated before a line would make it exceed {@code maxBytes} ({@code 0}: never), keeping
     * {@code backups} rotated files {@code file.1} (newest) to {@code file.N} ({@code 0}: the file is emptied).
     */
    public static LogDestination file(Path file, long maxBytes, int backups) {
        Objects.requireNonNull(file, "file");
        if (maxBytes < 0) {
            throw new IllegalArgumentException("logfile_maxbytes: " + maxBytes + " (expected: >= 0)");
        }
        if (backups < 0) {
            throw new IllegalArgumentException("logfile_backups: " + backups + " (expected: >= 0)");
        }
        return new LogDestination(file, maxBytes, backups);
    }

    /** The destination given by options {@code logfile}, {@code logfile_maxbytes} and {@code logfile_backups}. */
    public static LogDestination of(SupvisorsOptions options) {
        return options.logfile()
                .map(path -> file(Path.of(path), options.logfileMaxbytes(), options.logfileBackups()))
                .orElse(STDERR);
    }

    /** The file, or empty for standard error. */
    Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    long maxBytes() {
        return maxBytes;
    }

    int backups() {
        return backups;
    }

    @Override
    public String toString() {
        return file == null ? "stderr" : file + " (maxbytes=" + maxBytes + ", backups=" + backups + ")";
    }
}
