package org.supvisors.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.supvisors.core.strategy.ConciliationStrategy;
import org.supvisors.core.strategy.StartingStrategy;
import org.supvisors.core.strategy.SupvisorsFailureStrategy;

/**
 * The options of the {@code [supvisors]} section, converted, validated and post-processed (0.19's meanings and
 * defaults). File globs are already resolved to absolute paths. Immutable; built with {@link #builder()}.
 */
public final class SupvisorsOptions {

    /** 0.19's default of {@code synchro_options}. */
    public static final Set<SynchronizationOption> DEFAULT_SYNCHRO_OPTIONS =
            Collections.unmodifiableSet(EnumSet.of(SynchronizationOption.STRICT, SynchronizationOption.TIMEOUT,
                    SynchronizationOption.CORE));

    private final List<InstanceDeclaration> supvisorsList;
    private final String softwareName;
    private final Optional<String> softwareIcon;
    private final Optional<String> multicastGroup;
    private final Optional<String> multicastInterface;
    private final int multicastTtl;
    private final List<String> stereotypes;
    private final List<String> rulesFiles;
    private final boolean rulesFilesSet;
    private final List<String> cssFiles;
    private final EventLink eventLink;
    private final Optional<Integer> eventPort;
    private final boolean autoFence;
    private final Set<SynchronizationOption> synchroOptions;
    private final int synchroTimeout;
    private final int inactivityTicks;
    private final List<String> coreIdentifiers;
    private final SupvisorsFailureStrategy supvisorsFailureStrategy;
    private final StartingStrategy startingStrategy;
    private final ConciliationStrategy conciliationStrategy;
    private final Optional<String> disabilitiesFile;
    private final boolean hostStatsEnabled;
    private final boolean processStatsEnabled;
    private final double statsCollectingPeriod;
    private final List<Double> statsPeriods;
    private final int statsHisto;
    private final boolean statsIrixMode;
    private final long tailLimit;
    private final long tailfLimit;
    private final Optional<String> logfile;
    private final long logfileMaxbytes;
    private final int logfileBackups;
    private final LogLevel loglevel;
    private final int agentPortOffset;

    private SupvisorsOptions(Builder b) {
        supvisorsList = List.copyOf(b.supvisorsList);
        softwareName = b.softwareName;
        softwareIcon = b.softwareIcon;
        multicastGroup = b.multicastGroup;
        multicastInterface = b.multicastInterface;
        multicastTtl = b.multicastTtl;
        stereotypes = List.copyOf(b.stereotypes);
        rulesFiles = List.copyOf(b.rulesFiles);
        rulesFilesSet = b.rulesFilesSet;
        cssFiles = List.copyOf(b.cssFiles);
        eventLink = b.eventLink;
        eventPort = b.eventPort;
        autoFence = b.autoFence;
        synchroOptions = Collections.unmodifiableSet(b.synchroOptions.isEmpty()
                ? EnumSet.noneOf(SynchronizationOption.class) : EnumSet.copyOf(b.synchroOptions));
        synchroTimeout = b.synchroTimeout;
        inactivityTicks = b.inactivityTicks;
        coreIdentifiers = List.copyOf(b.coreIdentifiers);
        supvisorsFailureStrategy = b.supvisorsFailureStrategy;
        startingStrategy = b.startingStrategy;
        conciliationStrategy = b.conciliationStrategy;
        disabilitiesFile = b.disabilitiesFile;
        hostStatsEnabled = b.hostStatsEnabled;
        processStatsEnabled = b.processStatsEnabled;
        statsCollectingPeriod = b.statsCollectingPeriod;
        statsPeriods = List.copyOf(b.statsPeriods);
        statsHisto = b.statsHisto;
        statsIrixMode = b.statsIrixMode;
        tailLimit = b.tailLimit;
        tailfLimit = b.tailfLimit;
        logfile = b.logfile;
        logfileMaxbytes = b.logfileMaxbytes;
        logfileBackups = b.logfileBackups;
        loglevel = b.loglevel;
        agentPortOffset = b.agentPortOffset;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding the current values, to derive modified options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.supvisorsList = new ArrayList<>(supvisorsList);
        b.softwareName = softwareName;
        b.softwareIcon = softwareIcon;
        b.multicastGroup = multicastGroup;
        b.multicastInterface = multicastInterface;
        b.multicastTtl = multicastTtl;
        b.stereotypes = new ArrayList<>(stereotypes);
        b.rulesFiles = new ArrayList<>(rulesFiles);
        b.rulesFilesSet = rulesFilesSet;
        b.cssFiles = new ArrayList<>(cssFiles);
        b.eventLink = eventLink;
        b.eventPort = eventPort;
        b.autoFence = autoFence;
        b.synchroOptions = synchroOptions.isEmpty()
                ? EnumSet.noneOf(SynchronizationOption.class) : EnumSet.copyOf(synchroOptions);
        b.synchroTimeout = synchroTimeout;
        b.inactivityTicks = inactivityTicks;
        b.coreIdentifiers = new ArrayList<>(coreIdentifiers);
        b.supvisorsFailureStrategy = supvisorsFailureStrategy;
        b.startingStrategy = startingStrategy;
        b.conciliationStrategy = conciliationStrategy;
        b.disabilitiesFile = disabilitiesFile;
        b.hostStatsEnabled = hostStatsEnabled;
        b.processStatsEnabled = processStatsEnabled;
        b.statsCollectingPeriod = statsCollectingPeriod;
        b.statsPeriods = new ArrayList<>(statsPeriods);
        b.statsHisto = statsHisto;
        b.statsIrixMode = statsIrixMode;
        b.tailLimit = tailLimit;
        b.tailfLimit = tailfLimit;
        b.logfile = logfile;
        b.logfileMaxbytes = logfileMaxbytes;
        b.logfileBackups = logfileBackups;
        b.loglevel = loglevel;
        b.agentPortOffset = agentPortOffset;
        return b;
    }

    /** {@code supvisors_list}, duplicates removed, in the written order; empty when absent. */
    public List<InstanceDeclaration> supvisorsList() { return supvisorsList; }
    public String softwareName() { return softwareName; }
    /** {@code software_icon}: the absolute path of the first matching file. */
    public Optional<String> softwareIcon() { return softwareIcon; }
    /** {@code multicast_group} as {@code ip:port}; present means discovery mode. */
    public Optional<String> multicastGroup() { return multicastGroup; }
    /** {@code multicast_interface}: an IPv4 address; empty means INADDR_ANY. */
    public Optional<String> multicastInterface() { return multicastInterface; }
    public int multicastTtl() { return multicastTtl; }
    public List<String> stereotypes() { return stereotypes; }
    /** {@code rules_files}: absolute paths of the matching files, sorted, without duplicates. */
    public List<String> rulesFiles() { return rulesFiles; }
    /** True when {@code rules_files} was written, even if nothing matched. */
    public boolean rulesFilesSet() { return rulesFilesSet; }
    public List<String> cssFiles() { return cssFiles; }
    public EventLink eventLink() { return eventLink; }
    /** {@code event_port}; empty means the supervisord HTTP port + 1. */
    public Optional<Integer> eventPort() { return eventPort; }
    public boolean autoFence() { return autoFence; }
    /** {@code synchro_options} after post-processing; never empty. */
    public Set<SynchronizationOption> synchroOptions() { return synchroOptions; }
    public boolean hasSynchroOption(SynchronizationOption option) { return synchroOptions.contains(option); }
    public int synchroTimeout() { return synchroTimeout; }
    public int inactivityTicks() { return inactivityTicks; }
    public List<String> coreIdentifiers() { return coreIdentifiers; }
    public SupvisorsFailureStrategy supvisorsFailureStrategy() { return supvisorsFailureStrategy; }
    public StartingStrategy startingStrategy() { return startingStrategy; }
    public ConciliationStrategy conciliationStrategy() { return conciliationStrategy; }
    /** {@code disabilities_file}: an absolute path; empty means no persistence. */
    public Optional<String> disabilitiesFile() { return disabilitiesFile; }
    public boolean hostStatsEnabled() { return hostStatsEnabled; }
    public boolean processStatsEnabled() { return processStatsEnabled; }
    public double statsCollectingPeriod() { return statsCollectingPeriod; }
    /** {@code stats_periods}, sorted ascending. */
    public List<Double> statsPeriods() { return statsPeriods; }
    public int statsHisto() { return statsHisto; }
    public boolean statsIrixMode() { return statsIrixMode; }
    public long tailLimit() { return tailLimit; }
    public long tailfLimit() { return tailfLimit; }
    /** {@code logfile}: an absolute path; empty means {@code AUTO} (standard error, captured by supervisord). */
    public Optional<String> logfile() { return logfile; }
    public long logfileMaxbytes() { return logfileMaxbytes; }
    public int logfileBackups() { return logfileBackups; }
    public LogLevel loglevel() { return loglevel; }
    /** {@code agent_port_offset}: the agent serves on the supervisord HTTP port + this offset. */
    public int agentPortOffset() { return agentPortOffset; }

    /** True when {@code multicast_group} is set. */
    public boolean discoveryMode() { return multicastGroup.isPresent(); }

    /** Builds options; every field starts at 0.19's default. */
    public static final class Builder {
        private List<InstanceDeclaration> supvisorsList = new ArrayList<>();
        private String softwareName = "";
        private Optional<String> softwareIcon = Optional.empty();
        private Optional<String> multicastGroup = Optional.empty();
        private Optional<String> multicastInterface = Optional.empty();
        private int multicastTtl = 1;
        private List<String> stereotypes = new ArrayList<>();
        private List<String> rulesFiles = new ArrayList<>();
        private boolean rulesFilesSet;
        private List<String> cssFiles = new ArrayList<>();
        private EventLink eventLink = EventLink.NONE;
        private Optional<Integer> eventPort = Optional.empty();
        private boolean autoFence;
        private Set<SynchronizationOption> synchroOptions = EnumSet.copyOf(DEFAULT_SYNCHRO_OPTIONS);
        private int synchroTimeout = 15;
        private int inactivityTicks = 2;
        private List<String> coreIdentifiers = new ArrayList<>();
        private SupvisorsFailureStrategy supvisorsFailureStrategy = SupvisorsFailureStrategy.CONTINUE;
        private StartingStrategy startingStrategy = StartingStrategy.CONFIG;
        private ConciliationStrategy conciliationStrategy = ConciliationStrategy.USER;
        private Optional<String> disabilitiesFile = Optional.empty();
        private boolean hostStatsEnabled = true;
        private boolean processStatsEnabled = true;
        private double statsCollectingPeriod = 5.0;
        private List<Double> statsPeriods = new ArrayList<>(List.of(10.0));
        private int statsHisto = 200;
        private boolean statsIrixMode;
        private long tailLimit = 1024;
        private long tailfLimit = 1024;
        private Optional<String> logfile = Optional.empty();
        private long logfileMaxbytes = 50L * 1024 * 1024;
        private int logfileBackups = 10;
        private LogLevel loglevel = LogLevel.INFO;
        private int agentPortOffset = 2;

        private Builder() {
        }

        public Builder supvisorsList(List<InstanceDeclaration> v) { supvisorsList = new ArrayList<>(v); return this; }
        public Builder softwareName(String v) { softwareName = Objects.requireNonNull(v); return this; }
        public Builder softwareIcon(Optional<String> v) { softwareIcon = v; return this; }
        public Builder multicastGroup(Optional<String> v) { multicastGroup = v; return this; }
        public Builder multicastInterface(Optional<String> v) { multicastInterface = v; return this; }
        public Builder multicastTtl(int v) { multicastTtl = v; return this; }
        public Builder stereotypes(List<String> v) { stereotypes = new ArrayList<>(v); return this; }
        public Builder rulesFiles(List<String> v) { rulesFiles = new ArrayList<>(v); return this; }
        public Builder rulesFilesSet(boolean v) { rulesFilesSet = v; return this; }
        public Builder cssFiles(List<String> v) { cssFiles = new ArrayList<>(v); return this; }
        public Builder eventLink(EventLink v) { eventLink = Objects.requireNonNull(v); return this; }
        public Builder eventPort(Optional<Integer> v) { eventPort = v; return this; }
        public Builder autoFence(boolean v) { autoFence = v; return this; }
        public Builder synchroOptions(Set<SynchronizationOption> v) {
            synchroOptions = v.isEmpty() ? EnumSet.noneOf(SynchronizationOption.class) : EnumSet.copyOf(v);
            return this;
        }
        public Builder synchroTimeout(int v) { synchroTimeout = v; return this; }
        public Builder inactivityTicks(int v) { inactivityTicks = v; return this; }
        public Builder coreIdentifiers(List<String> v) { coreIdentifiers = new ArrayList<>(v); return this; }
        public Builder supvisorsFailureStrategy(SupvisorsFailureStrategy v) { supvisorsFailureStrategy = Objects.requireNonNull(v); return this; }
        public Builder startingStrategy(StartingStrategy v) { startingStrategy = Objects.requireNonNull(v); return this; }
        public Builder conciliationStrategy(ConciliationStrategy v) { conciliationStrategy = Objects.requireNonNull(v); return this; }
        public Builder disabilitiesFile(Optional<String> v) { disabilitiesFile = v; return this; }
        public Builder hostStatsEnabled(boolean v) { hostStatsEnabled = v; return this; }
        public Builder processStatsEnabled(boolean v) { processStatsEnabled = v; return this; }
        public Builder statsCollectingPeriod(double v) { statsCollectingPeriod = v; return this; }
        public Builder statsPeriods(List<Double> v) { statsPeriods = new ArrayList<>(v); return this; }
        public Builder statsHisto(int v) { statsHisto = v; return this; }
        public Builder statsIrixMode(boolean v) { statsIrixMode = v; return this; }
        public Builder tailLimit(long v) { tailLimit = v; return this; }
        public Builder tailfLimit(long v) { tailfLimit = v; return this; }
        public Builder logfile(Optional<String> v) { logfile = v; return this; }
        public Builder logfileMaxbytes(long v) { logfileMaxbytes = v; return this; }
        public Builder logfileBackups(int v) { logfileBackups = v; return this; }
        public Builder loglevel(LogLevel v) { loglevel = Objects.requireNonNull(v); return this; }
        public Builder agentPortOffset(int v) { agentPortOffset = v; return this; }

        public SupvisorsOptions build() {
            return new SupvisorsOptions(this);
        }
    }
}
