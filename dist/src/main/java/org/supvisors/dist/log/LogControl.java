package org.supvisors.dist.log;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;

import org.supvisors.core.config.LogLevel;
import org.supvisors.core.config.SupvisorsOptions;

/**
 * The logging backend of {@code supvisorsd}: its destination, threshold and prefix, changed at run time.
 *
 * <p>Until {@link #configure} is called (early start-up), lines go to standard error at {@code info}, without
 * prefix. Thread-safe: each line is formatted whole, then written with one call, under a lock, and flushed.
 * When the log file cannot be opened or written, logging falls back to standard error for good (until the next
 * {@code configure}), after one error line that names the file and the failure. Never writes standard output.
 *
 * <p>Thresholds: a line is written when its level's number is at least the threshold's. Since no
 * {@link System.Logger.Level} maps to {@code critical}, a {@code critical} threshold keeps {@code ERROR} lines.
 * Netty's loggers ({@code io.netty...}) stay at {@code warn} unless the threshold is {@code debug} or below.
 */
public final class LogControl {

    private static final String NETTY = "io.netty";

    private final Supplier<PrintStream> stderr;
    private final Clock clock;
    /** Taken first by the methods that change the configuration, so that they apply in one order. */
    private final Object configLock = new Object();
    /** Guards the destination and each write. */
    private final Object writeLock = new Object();
    private volatile Settings settings = new Settings(LogLevel.INFO, "");
    private RotatingFile file;
    private JulBridge julBridge;

    private record Settings(LogLevel level, String prefix) {
    }

    /** A backend writing to {@code stderr}, when it does not write to a file, with the time of {@code clock}. */
    LogControl(Supplier<PrintStream> stderr, Clock clock) {
        this.stderr = Objects.requireNonNull(stderr, "stderr");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Makes this process log through Supvisors' backend and returns its control: the one to call first thing in
     * {@code main}. {@code System.Logger} already goes to it, through the {@link SupvisorsLoggerFinder} service;
     * this also sends {@code java.util.logging} to it, replacing the root logger's handlers. Idempotent.
     *
     * @throws IllegalStateException when the JDK uses another {@code System.LoggerFinder}
     */
    public static LogControl install() {
        System.LoggerFinder finder = System.LoggerFinder.getLoggerFinder();
        if (!(finder instanceof SupvisorsLoggerFinder)) {
            throw new IllegalStateException("System.LoggerFinder: " + finder.getClass().getName() + " (expected: "
                    + SupvisorsLoggerFinder.class.getName() + ", declared in supvisors-dist's "
                    + "META-INF/services/java.lang.System$LoggerFinder: is it on the class path?)");
        }
        LogControl control = ((SupvisorsLoggerFinder) finder).control();
        control.bridge(Logger.getLogger(""), Logger.getLogger(NETTY));
        return control;
    }

    /**
     * Sends lines to {@code destination}, from {@code level} up, each after {@code prefix;} when {@code prefix}
     * is not empty (the {@code software_name}). The previous log file, if any, is closed. When the file cannot be
     * opened, lines go to standard error after an error line.
     */
    public void configure(LogDestination destination, LogLevel level, String prefix) {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(prefix, "prefix");
        synchronized (configLock) {
            RotatingFile opened = null;
            Exception failure = null;
            if (destination.file().isPresent()) {
                try {
                    opened = RotatingFile.open(destination.file().get(), destination.maxBytes(),
                            destination.backups());
                } catch (IOException | RuntimeException e) {
                    failure = e;
                }
            }
            synchronized (writeLock) {
                if (file != null) {
                    file.close();
                }
                file = opened;
                settings = new Settings(level, prefix);
            }
            if (failure != null) {
                writeFallback(destination.file().get(), failure);
            }
            levelChanged();
        }
    }

    /**
     * Applies options {@code logfile}, {@code logfile_maxbytes}, {@code logfile_backups}, {@code loglevel} and
     * {@code software_name}. With {@code logfile=AUTO}, 0.19 follows supervisord's {@code loglevel} instead of
     * its own: call {@link #configure(LogDestination, LogLevel, String)} with it when it is known.
     */
    public void configure(SupvisorsOptions options) {
        configure(LogDestination.of(options), options.loglevel(), options.softwareName());
    }

    /** Changes the threshold, keeping destination and prefix ({@code supvisors.change_log_level}). */
    public void setLevel(LogLevel level) {
        Objects.requireNonNull(level, "level");
        synchronized (configLock) {
            settings = new Settings(level, settings.prefix());
            levelChanged();
        }
    }

    /** The current threshold. */
    public LogLevel level() {
        return settings.level();
    }

    /** The lowest level written for logger {@code name}. */
    LogLevel thresholdFor(String name) {
        LogLevel threshold = settings.level();
        if (threshold == LogLevel.CRITICAL) {
            return LogLevel.ERROR;
        }
        boolean netty = name.startsWith(NETTY) && (name.length() == NETTY.length()
                || name.charAt(NETTY.length()) == '.');
        if (netty && threshold.number() > LogLevel.DEBUG.number() && threshold.number() < LogLevel.WARN.number()) {
            return LogLevel.WARN;
        }
        return threshold;
    }

    boolean isLoggable(String name, LogLevel level) {
        return thresholdFor(name).enables(level);
    }

    /** Writes one line, whatever its level: callers check {@link #isLoggable} first. */
    void write(LogLevel level, String message, Throwable thrown) {
        Settings current = settings;
        byte[] line = format(current, level, message, thrown);
        synchronized (writeLock) {
            if (file != null) {
                try {
                    file.write(line);
                    return;
                } catch (IOException | RuntimeException e) {
                    Path path = file.path();
                    file.close();
                    file = null;
                    writeStderr(format(current, LogLevel.ERROR, fallbackMessage(path, e), null));
                }
            }
            writeStderr(line);
        }
    }

    /** Sends {@code java.util.logging} to this backend, through a handler on {@code root}; idempotent. */
    void bridge(Logger root, Logger netty) {
        synchronized (configLock) {
            if (julBridge == null) {
                julBridge = JulBridge.install(this, root, netty);
            }
        }
    }

    private void levelChanged() {
        if (julBridge != null) {
            julBridge.thresholdChanged();
        }
    }

    private void writeFallback(Path path, Exception failure) {
        write(LogLevel.ERROR, fallbackMessage(path, failure), null);
    }

    private static String fallbackMessage(Path path, Exception failure) {
        return "logfile: " + path + " (expected: a writable file): " + LineFormat.summary(failure)
                + "; logging to stderr instead";
    }

    private byte[] format(Settings current, LogLevel level, String message, Throwable thrown) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        boolean stackTrace = current.level().number() <= LogLevel.DEBUG.number();
        return LineFormat.line(now, current.prefix(), level, String.valueOf(message), thrown, stackTrace)
                .getBytes(UTF_8);
    }

    private void writeStderr(byte[] line) {
        PrintStream stream = stderr.get();
        stream.write(line, 0, line.length);
        stream.flush();
    }
}
