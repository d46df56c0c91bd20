package org.supvisors.core.statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.supvisors.core.InstanceLog;
import org.supvisors.core.api.Fault;
import org.supvisors.core.api.SupvisorsFault;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.context.Context;
import org.supvisors.core.effect.CollectStatistics;
import org.supvisors.core.effect.EffectSink;
import org.supvisors.core.effect.MonitorProcesses;
import org.supvisors.core.instance.SupvisorsInstance;
import org.supvisors.core.peer.PeerMessage;
import org.supvisors.core.peer.StatisticsMessage;
import org.supvisors.core.process.InstanceProcessInfo;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.process.ProcessStatus;

/**
 * The statistics of one Supvisors instance (statistics.md): the settings of the local collector, the set of local
 * processes it measures, and the compilers of every instance (one per period for its host, one per period for each
 * of its processes), fed by the local samples and by those the other instances share.
 *
 * <p>Local samples are compiled at once and, while the state machine is in ELECTION, DISTRIBUTION, OPERATION or
 * CONCILIATION, shared with the other instances at the next local tick, in one message (as 0.19 gathers them until
 * the tick; with a collecting period of 1 s, one message per peer every 5 s instead of two per second). Every
 * integrated value
 * goes to the model listener ({@code hstats} / {@code pstats}) and stays in a history of {@code stats_histo}
 * entries. A process leaves the measured set when it stops on the local instance: its series ends on every instance
 * (a pid-0 sample); the process series of an instance that is no longer active are dropped.
 */
public final class Statistics {

    /** The range of {@code stats_collecting_period} and of {@code update_collecting_period}, in seconds. */
    public static final double MIN_COLLECTING_PERIOD = 1.0;
    public static final double MAX_COLLECTING_PERIOD = 3600.0;
    /** Pending samples beyond which they are shared before the tick (a collector far faster than the ticks). */
    static final int FLUSH_LIMIT = 10_000;

    private final SupvisorsOptions options;
    private final Context context;
    private final EffectSink effects;
    private final InstanceLog log;
    private final Consumer<PeerMessage> broadcast;
    private final BooleanSupplier sharing;
    private boolean hostEnabled;
    private boolean processEnabled;
    private double collectingPeriod;
    private String unavailable;
    private CollectStatistics lastSettings;
    private Map<String, Integer> monitored;
    private NodeCharacteristics node;
    private final Map<String, List<HostCompiler>> hosts = new TreeMap<>();
    private final Map<String, Map<String, List<ProcessCompiler>>> processes = new TreeMap<>();
    private final Map<String, Integer> cores = new HashMap<>();
    private final List<HostSample> pendingHosts = new ArrayList<>();
    private final List<ProcessSample> pendingProcesses = new ArrayList<>();

    /**
     * @param broadcast sends a message to the other instances
     * @param sharing whether local samples are shared now (the state machine is in a working state)
     */
    public Statistics(SupvisorsOptions options, Context context, EffectSink effects, InstanceLog log,
                      Consumer<PeerMessage> broadcast, BooleanSupplier sharing) {
        this.options = options;
        this.context = context;
        this.effects = effects;
        this.log = log.forClass(Statistics.class);
        this.broadcast = broadcast;
        this.sharing = sharing;
        this.hostEnabled = options.hostStatsEnabled();
        this.processEnabled = options.processStatsEnabled();
        this.collectingPeriod = options.statsCollectingPeriod();
    }

    /** Gives the collector its settings and the processes to measure. */
    public void start() {
        publishSettings();
        afterInput();
    }

    // ---- control (local instance only, any state)

    /** {@code enable_host_statistics}: fault {@code NOT_INSTALLED} without a collector. */
    public boolean enableHost(boolean enabled) {
        checkInstalled();
        hostEnabled = enabled;
        log.info("host statistics " + (enabled ? "enabled" : "disabled"));
        publishSettings();
        return true;
    }

    /** {@code enable_process_statistics}: fault {@code NOT_INSTALLED} without a collector. */
    public boolean enableProcess(boolean enabled) {
        checkInstalled();
        processEnabled = enabled;
        log.info("process statistics " + (enabled ? "enabled" : "disabled"));
        publishSettings();
        return true;
    }

    /**
     * {@code update_collecting_period}, applied by the collector (0.19's collector keeps the old value): fault
     * {@code NOT_INSTALLED} without a collector, {@code INCORRECT_PARAMETERS} out of [1;3600] seconds.
     */
    public boolean updateCollectingPeriod(double period) {
        checkInstalled();
        if (!(period >= MIN_COLLECTING_PERIOD && period <= MAX_COLLECTING_PERIOD)) {
            throw new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "invalid collecting_period=" + period
                    + " - float expected in [" + MIN_COLLECTING_PERIOD + ";" + MAX_COLLECTING_PERIOD + "] (seconds)");
        }
        collectingPeriod = period;
        log.info("statistics collecting period set to " + period + " s");
        publishSettings();
        return true;
    }

    /** The collector cannot run here: statistics are off for good, and the controls answer {@code NOT_INSTALLED}. */
    public void onUnavailable(String reason) {
        if (unavailable == null) {
            unavailable = reason;
            log.warn("no statistics collector: " + reason);
            publishSettings();
        }
    }

    /** {@code get_statistics_status}: each flag true only when enabled and a collector exists. */
    public Map<String, Object> status() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("host_stats", isHostCollected());
        result.put("process_stats", isProcessCollected());
        result.put("collecting_period", collectingPeriod);
        return result;
    }

    public boolean isHostCollected() {
        return hostEnabled && unavailable == null;
    }

    public boolean isProcessCollected() {
        return processEnabled && unavailable == null;
    }

    public double collectingPeriod() {
        return collectingPeriod;
    }

    private void checkInstalled() {
        if (unavailable != null) {
            throw new SupvisorsFault(Fault.NOT_INSTALLED, "statistics collector unavailable: " + unavailable);
        }
    }

    private void publishSettings() {
        CollectStatistics settings = new CollectStatistics(isHostCollected(), isProcessCollected(), collectingPeriod);
        if (!settings.equals(lastSettings)) {
            lastSettings = settings;
            effects.emit(settings);
        }
    }

    // ---- samples

    /** A host sample of the local collector: compiled, and shared at the next tick while Supvisors is working. */
    public void onLocalHost(HostSample sample) {
        compileHost(localIdentifier(), sample);
        if (sharing.getAsBoolean()) {
            pendingHosts.add(sample);
            flushIfFull();
        }
    }

    /**
     * The process samples of a round of the local collector: compiled, and shared at the next tick while Supvisors
     * is working. A sample of a process that left the measured set since (it stopped) is dropped.
     */
    public void onLocalProcesses(List<ProcessSample> samples) {
        List<ProcessSample> kept = new ArrayList<>(samples.size());
        for (ProcessSample sample : samples) {
            Integer pid = monitored == null ? null : monitored.get(sample.namespec());
            if (sample.namespec().equals(ProcessSample.SUPERVISORD)
                    || (!sample.isStopped() && pid != null && pid == sample.pid())) {
                kept.add(sample);
                compileProcess(localIdentifier(), sample);
            }
        }
        if (sharing.getAsBoolean()) {
            pendingProcesses.addAll(kept);
            flushIfFull();
        }
    }

    /** A local tick: the samples taken since the previous one are shared, if Supvisors is still working. */
    public void onTick() {
        if (sharing.getAsBoolean() && !(pendingHosts.isEmpty() && pendingProcesses.isEmpty())) {
            broadcast.accept(new StatisticsMessage(pendingHosts, pendingProcesses));
        }
        pendingHosts.clear();
        pendingProcesses.clear();
    }

    private void flushIfFull() {
        if (pendingHosts.size() + pendingProcesses.size() >= FLUSH_LIMIT) {
            onTick();
        }
    }

    /** The local node, as the collector measured it. */
    public void onNode(NodeCharacteristics characteristics) {
        this.node = characteristics;
    }

    /** Samples shared by another instance (its state already checked by the caller). */
    public void onRemote(String identifier, PeerMessage message) {
        if (!(message instanceof StatisticsMessage)) {
            throw new IllegalArgumentException("not a statistics message: " + message.getClass().getName());
        }
        StatisticsMessage samples = (StatisticsMessage) message;
        samples.hosts().forEach(sample -> compileHost(identifier, sample));
        for (ProcessSample sample : samples.processes()) {
            if (sample.isStopped()) {
                removeSeries(identifier, sample.namespec());
            } else {
                compileProcess(identifier, sample);
            }
        }
    }

    private void compileHost(String identifier, HostSample sample) {
        cores.put(identifier, sample.nbCores());
        List<HostCompiler> compilers = hosts.computeIfAbsent(identifier, id -> {
            List<HostCompiler> list = new ArrayList<>();
            for (double period : options.statsPeriods()) {
                list.add(new HostCompiler(id, period, options.statsHisto(), list.isEmpty() ? log : null));
            }
            return list;
        });
        for (HostCompiler compiler : compilers) {
            compiler.push(sample).ifPresent(result -> context.listener().hostStatistics(result));
        }
    }

    private void compileProcess(String identifier, ProcessSample sample) {
        if (sample.nbCores() > 0) {
            cores.put(identifier, sample.nbCores());
        }
        List<ProcessCompiler> compilers = processes.computeIfAbsent(identifier, id -> new TreeMap<>())
                .computeIfAbsent(sample.namespec(), namespec -> {
                    List<ProcessCompiler> list = new ArrayList<>();
                    for (double period : options.statsPeriods()) {
                        list.add(new ProcessCompiler(namespec, identifier, period, options.statsHisto()));
                    }
                    return list;
                });
        for (ProcessCompiler compiler : compilers) {
            compiler.push(sample).ifPresent(result -> context.listener().processStatistics(result));
        }
    }

    private void removeSeries(String identifier, String namespec) {
        Map<String, List<ProcessCompiler>> series = processes.get(identifier);
        if (series != null) {
            series.remove(namespec);
        }
    }

    // ---- after every input

    /**
     * Updates the set of local processes to measure (emitting it when it changed, ending the series of the processes
     * that left it) and drops the process series of the instances that are no longer active.
     */
    public void afterInput() {
        Map<String, Integer> running = runningLocalProcesses();
        if (!running.equals(monitored)) {
            List<ProcessSample> ended = new ArrayList<>();
            if (monitored != null) {
                monitored.forEach((namespec, pid) -> {
                    if (!pid.equals(running.get(namespec))) {
                        removeSeries(localIdentifier(), namespec);
                        if (!running.containsKey(namespec)) {
                            ended.add(ProcessSample.stopped(namespec, context.clock().monotonic()));
                        }
                    }
                });
            }
            monitored = running;
            effects.emit(new MonitorProcesses(running));
            if (sharing.getAsBoolean()) {
                pendingProcesses.addAll(ended);
            }
        }
        processes.keySet().removeIf(identifier -> {
            Optional<SupvisorsInstance> instance = context.instances().get(identifier);
            return instance.isEmpty() || !(instance.get().isLocal() || instance.get().state().isActive());
        });
    }

    /** The local processes in RUNNING or STOPPING, with their pids. */
    private Map<String, Integer> runningLocalProcesses() {
        SupvisorsInstance local = context.instances().local();
        Map<String, Integer> running = new TreeMap<>();
        for (ProcessStatus process : local.processes()) {
            process.info(local.identifier()).ifPresent(info -> {
                if (isMeasured(info)) {
                    running.put(process.namespec(), info.pid());
                }
            });
        }
        return running;
    }

    private static boolean isMeasured(InstanceProcessInfo info) {
        return info.pid() > 0 && (info.state() == ProcessState.RUNNING || info.state() == ProcessState.STOPPING);
    }

    private String localIdentifier() {
        return context.instances().local().identifier();
    }

    // ---- queries

    /** {@code stats_periods}, ascending. */
    public List<Double> periods() {
        return options.statsPeriods();
    }

    /** The local processes measured now, namespec to pid. */
    public Map<String, Integer> monitored() {
        return monitored == null ? Map.of() : Collections.unmodifiableMap(monitored);
    }

    public Optional<NodeCharacteristics> node() {
        return Optional.ofNullable(node);
    }

    /** The number of logical CPUs of the host of an instance, once a sample of it has been received. */
    public OptionalInt nbCores(String identifier) {
        Integer count = cores.get(identifier);
        return count == null ? OptionalInt.empty() : OptionalInt.of(count);
    }

    /** The instances whose host statistics are compiled. */
    public Set<String> hostIdentifiers() {
        return Collections.unmodifiableSet(hosts.keySet());
    }

    public Optional<HostStatistics> latestHost(String identifier, double period) {
        return hostCompiler(identifier, period).flatMap(HostCompiler::latest);
    }

    public Optional<HostHistory> hostHistory(String identifier, double period) {
        return hostCompiler(identifier, period).flatMap(HostCompiler::history);
    }

    /** The instances where statistics of this process (or {@code supervisord}) are compiled. */
    public List<String> processIdentifiers(String namespec) {
        List<String> result = new ArrayList<>();
        processes.forEach((identifier, series) -> {
            if (series.containsKey(namespec)) {
                result.add(identifier);
            }
        });
        return result;
    }

    public Optional<ProcessStatistics> latestProcess(String namespec, String identifier, double period) {
        return processCompiler(namespec, identifier, period).flatMap(ProcessCompiler::latest);
    }

    /** Columns: CPU (IRIX %), memory (%); time line in seconds since the first sample of the series. */
    public Optional<BoundedSeries> processHistory(String namespec, String identifier, double period) {
        return processCompiler(namespec, identifier, period).map(ProcessCompiler::history);
    }

    /** The pid of the current series of a process on an instance, 0 when there is none. */
    public int processPid(String namespec, String identifier) {
        return processCompiler(namespec, identifier, options.statsPeriods().get(0)).map(ProcessCompiler::pid)
                .orElse(0);
    }

    /**
     * A process CPU as displayed ({@code stats_irix_mode}): the IRIX value, or in Solaris mode that value divided by
     * the number of logical CPUs of the instance's host (unchanged while that number is unknown).
     */
    public double displayedCpu(ProcessStatistics statistics) {
        return CpuDisplay.cpu(statistics.cpu(), nbCores(statistics.identifier()).orElse(1), options.statsIrixMode());
    }

    private Optional<HostCompiler> hostCompiler(String identifier, double period) {
        return hosts.getOrDefault(identifier, List.of()).stream().filter(c -> c.period() == period).findFirst();
    }

    private Optional<ProcessCompiler> processCompiler(String namespec, String identifier, double period) {
        return processes.getOrDefault(identifier, Map.of()).getOrDefault(namespec, List.of()).stream()
                .filter(c -> c.period() == period).findFirst();
    }
}
