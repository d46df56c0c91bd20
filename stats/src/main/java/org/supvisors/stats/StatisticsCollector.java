package org.supvisors.stats;

import java.io.File;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.common.os.linux.nativefree.LinuxOperatingSystemNF;

/**
 * The statistics collector of an agent, on its own thread ({@code supvisors-stats}), which exists only while
 * something is collected: each round takes a host sample and/or the process samples, rounds at least
 * {@code collectingPeriod} apart (fixed delay), so that each entity is sampled at most once per collecting period
 * (statistics.md). The first round builds the probes (OSHI's native-free {@code SystemInfo}: about 0.1 s of CPU, and
 * a few {@code getconf} commands); later rounds reuse them.
 *
 * <p>Thread-safe: {@link #configure}, {@link #monitor} and {@link #close} may be called from any thread and never
 * block on a round.
 */
public final class StatisticsCollector implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StatisticsCollector.class.getName());
    /** The node's characteristics (its current CPU frequency) are read again at most this often, in seconds. */
    static final double NODE_REFRESH = 30.0;

    private final CollectorSink sink;
    private final DoubleSupplier monotonic;
    private final SelfProcesses self;
    private final Object roundLock = new Object();
    private volatile Map<String, Integer> monitored = Map.of();
    private volatile boolean unavailable;

    // guarded by this
    private ScheduledThreadPoolExecutor executor;
    private ScheduledFuture<?> task;
    private boolean host;
    private boolean process;
    private double period = 5.0;
    private double lastRound = Double.NaN;
    private boolean closed;

    // guarded by roundLock
    private HostProbe hostProbe;
    private ProcessProbe processProbe;
    private double lastNode = Double.NEGATIVE_INFINITY;
    private boolean failing;

    /**
     * @param monotonic the clock of the samples' {@code now}, in seconds (the core's monotonic clock)
     * @param self the processes of the {@code supervisord} sample
     */
    public StatisticsCollector(CollectorSink sink, DoubleSupplier monotonic, SelfProcesses self) {
        this.sink = sink;
        this.monotonic = monotonic;
        this.self = self;
    }

    /** Why no collector can run on this host, if so: it needs Linux's {@code /proc}. */
    public static Optional<String> unavailableReason() {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            return Optional.of("statistics need Linux (os.name=" + os + ")");
        }
        if (!new File("/proc/stat").canRead()) {
            return Optional.of("/proc/stat cannot be read");
        }
        return Optional.empty();
    }

    /**
     * What to collect, and how often: starts the thread when something is to be collected, stops it when nothing
     * is. A new period applies from the next round; the next round comes one (new) period after the last one.
     */
    public synchronized void configure(boolean host, boolean process, double collectingPeriod) {
        if (!(collectingPeriod > 0)) {
            throw new IllegalArgumentException("collecting period: " + collectingPeriod + " (expected: > 0)");
        }
        if (closed || unavailable) {
            return;
        }
        this.host = host;
        this.process = process;
        this.period = collectingPeriod;
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        if (!host && !process) {
            if (executor != null) {
                executor.shutdown();
                executor = null;
                LOG.log(Level.INFO, "statistics collection stopped");
            }
            return;
        }
        if (executor == null) {
            executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "supvisors-stats");
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
        }
        double delay = Double.isNaN(lastRound) ? 0.0 : Math.max(0.0, lastRound + period - monotonic.getAsDouble());
        task = executor.scheduleWithFixedDelay(this::round, (long) (delay * 1e9), (long) (period * 1e9),
                TimeUnit.NANOSECONDS);
        LOG.log(Level.INFO, "statistics collection: host " + (host ? "on" : "off") + ", processes "
                + (process ? "on" : "off") + ", every " + period + " s");
    }

    /** The processes to measure from the next round on (namespec to pid). */
    public void monitor(Map<String, Integer> pids) {
        this.monitored = Map.copyOf(pids);
    }

    /** True while the collector thread exists. */
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void round() {
        boolean withHost;
        boolean withProcess;
        synchronized (this) {
            withHost = host;
            withProcess = process;
        }
        synchronized (roundLock) {
            if (unavailable || !(withHost || withProcess) || !probes()) {
                return;
            }
            try {
                double now = monotonic.getAsDouble();
                synchronized (this) {
                    lastRound = now;
                }
                if (withHost) {
                    sink.onHostSample(hostProbe.sample(now));
                    if (now - lastNode >= NODE_REFRESH) {
                        lastNode = now;
                        sink.onNode(hostProbe.node());
                    }
                }
                if (withProcess) {
                    sink.onProcessSamples(processProbe.sample(monitored, now));
                }
                if (failing) {
                    failing = false;
                    LOG.log(Level.INFO, "statistics collection works again");
                }
            } catch (RuntimeException e) {
                // a round that fails costs that round only
                LOG.log(failing ? Level.DEBUG : Level.WARNING, "statistics round failed (retried at the next"
                        + " round, further failures logged at debug level): " + e, e);
                failing = true;
            }
        }
    }

    /** Builds the probes at the first round; false (and the collector ends) when they cannot be built. */
    private boolean probes() {
        if (hostProbe != null) {
            return true;
        }
        try {
            HardwareAbstractionLayer hardware = new oshi.nativefree.SystemInfo().getHardware();
            ProcFile file = new ProcFile();
            hostProbe = new HostProbe(hardware, new NetworkCounters("/proc/net/dev", "/sys/class/net", file),
                    new PartitionUsage("/proc/self/mounts", "/proc/filesystems", file), new File("/sys/block"));
            processProbe = new ProcessProbe(new File("/proc"), file, self, LinuxOperatingSystemNF.hz(),
                    LinuxOperatingSystemNF.pageSize(), hostProbe.totalMemory(), hostProbe.logicalCpus());
            return true;
        } catch (RuntimeException | LinkageError e) {
            unavailable = true;
            String reason = "OSHI cannot read this host: " + e;
            LOG.log(Level.ERROR, "statistics collector unavailable: " + reason, e);
            sink.onUnavailable(reason);
            synchronized (this) {
                if (executor != null) {
                    executor.shutdown();
                    executor = null;
                }
            }
            return false;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
