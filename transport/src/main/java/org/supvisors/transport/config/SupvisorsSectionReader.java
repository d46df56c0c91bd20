package org.supvisors.transport.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.supvisors.core.config.EventLink;
import org.supvisors.core.config.InstanceDeclaration;
import org.supvisors.core.config.LogLevel;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.config.SynchronizationOption;
import org.supvisors.core.strategy.ConciliationStrategy;
import org.supvisors.core.strategy.StartingStrategy;
import org.supvisors.core.strategy.SupvisorsFailureStrategy;

/**
 * Reads the {@code [supvisors]} section into {@link SupvisorsOptions}. Every value is expanded first
 * ({@code %(here)s}, {@code %(host_node_name)s}, {@code %(ENV_X)s}). Policy:
 * <ul>
 *   <li>fatal ({@link ConfigurationException}): a bad {@code supvisors_list} item, any bad logging option,
 *       a bad {@code agent_port_offset}, {@code synchro_options} empty after post-processing;</li>
 *   <li>any other bad value: an ERROR message naming {@code file:line}, the option, the value and 0.19's reason,
 *       and the option keeps its 0.19 default;</li>
 *   <li>an unknown key: a WARNING (a typo would otherwise go unnoticed).</li>
 * </ul>
 * Post-processing as 0.19: CORE is cancelled without {@code core_identifiers}; STRICT is cancelled without
 * {@code supvisors_list} in discovery mode only (decided deviation: a standalone instance keeps STRICT, since its
 * implicit list is itself, so that it synchronizes at once); TIMEOUT forces
 * {@code supvisors_failure_strategy=CONTINUE}.
 */
final class SupvisorsSectionReader {

    static final String SECTION = "supvisors";
    static final List<String> OPTIONS = List.of("supvisors_list", "software_name", "software_icon",
            "multicast_group", "multicast_interface", "multicast_ttl", "stereotypes", "rules_files", "css_files",
            "event_link", "event_port", "auto_fence", "synchro_options", "synchro_timeout", "inactivity_ticks",
            "core_identifiers", "supvisors_failure_strategy", "starting_strategy", "conciliation_strategy",
            "disabilities_file", "stats_enabled", "stats_collecting_period", "stats_periods", "stats_histo",
            "stats_irix_mode", "tail_limit", "tailf_limit", "logfile", "logfile_maxbytes", "logfile_backups",
            "loglevel", "agent_port_offset");

    /** A conversion of an expanded value; {@code origin} is there for the warnings of file globs. */
    private interface Conversion<T> {
        T convert(String text, IniValue origin) throws InvalidValueException;
    }

    private final IniDocument document;
    private final Expansions expansions;
    private final Path workingDirectory;
    private final int httpPort;
    private final Path file;
    private final List<ConfigMessage> messages;

    /**
     * @param workingDirectory the base of relative paths (supervisord's working directory)
     * @param httpPort the supervisord HTTP port, base of the agent and event ports
     * @param file the main configuration file, named when the section is missing
     */
    SupvisorsSectionReader(IniDocument document, Expansions expansions, Path workingDirectory, int httpPort,
                           Path file, List<ConfigMessage> messages) {
        this.document = document;
        this.expansions = expansions;
        this.workingDirectory = workingDirectory;
        this.httpPort = httpPort;
        this.file = file;
        this.messages = messages;
    }

    SupvisorsOptions read() throws ConfigurationException {
        Optional<IniSection> section = document.section(SECTION);
        if (section.isEmpty()) {
            messages.add(ConfigMessage.warning(file + ": no [supvisors] section in this file or the files it"
                    + " includes: every Supvisors option takes its default value"));
        } else {
            warnUnknownKeys(section.get());
        }
        document.section("rpcinterface:supvisors").ifPresent(python -> messages.add(ConfigMessage.warning(
                python.location() + ": [rpcinterface:supvisors] makes supervisord load the Python Supvisors plugin"
                        + " next to this agent (expected: the options in a [supvisors] section only)")));
        SupvisorsOptions.Builder builder = SupvisorsOptions.builder();
        readLogging(builder);
        List<InstanceDeclaration> instances = readInstances();
        builder.supvisorsList(instances);
        lenient("software_name", "''", (text, origin) -> text).ifPresent(builder::softwareName);
        lenient("software_icon", "none", this::existingFile).ifPresent(builder::softwareIcon);
        lenient("stereotypes", "none", (text, origin) -> SupvisorsValues.names(text)).ifPresent(builder::stereotypes);
        Optional<String> multicastGroup = lenient("multicast_group", "none, no discovery",
                (text, origin) -> SupvisorsValues.multicastGroup(text));
        builder.multicastGroup(multicastGroup);
        lenient("multicast_interface", "INADDR_ANY", (text, origin) -> SupvisorsValues.ipAddress(text))
                .ifPresent(address -> builder.multicastInterface(Optional.of(address).filter(a -> !a.isEmpty())));
        lenient("multicast_ttl", 1, (text, origin) -> SupvisorsValues.multicastTtl(text))
                .ifPresent(builder::multicastTtl);
        if (document.value(SECTION, "rules_files").isPresent()) {
            builder.rulesFilesSet(true);
        }
        lenient("rules_files", "none", filePaths("rules_files")).ifPresent(builder::rulesFiles);
        lenient("css_files", "none", filePaths("css_files")).ifPresent(builder::cssFiles);
        EventLink eventLink = lenient("event_link", EventLink.NONE,
                (text, origin) -> SupvisorsValues.constant(EventLink.class, "event_link", text)).orElse(EventLink.NONE);
        builder.eventLink(eventLink);
        Optional<Integer> eventPort = lenient("event_port", "HTTP port + 1",
                (text, origin) -> SupvisorsValues.port(text));
        builder.eventPort(eventPort);
        lenient("auto_fence", false, (text, origin) -> SupvisorsValues.bool(text)).ifPresent(builder::autoFence);
        List<SynchronizationOption> synchroOptions = lenient("synchro_options", "STRICT,TIMEOUT,CORE",
                (text, origin) -> SupvisorsValues.synchroOptions(text))
                .orElse(List.copyOf(SupvisorsOptions.DEFAULT_SYNCHRO_OPTIONS));
        lenient("synchro_timeout", 15, (text, origin) -> SupvisorsValues.synchroTimeout(text))
                .ifPresent(builder::synchroTimeout);
        lenient("inactivity_ticks", 2, (text, origin) -> SupvisorsValues.inactivityTicks(text))
                .ifPresent(builder::inactivityTicks);
        List<String> coreIdentifiers = lenient("core_identifiers", "none",
                (text, origin) -> SupvisorsValues.names(text)).orElse(List.of());
        builder.coreIdentifiers(coreIdentifiers);
        lenient("disabilities_file", "none, no persistence", this::disabilitiesFile)
                .ifPresent(path -> builder.disabilitiesFile(Optional.of(path).filter(p -> !p.isEmpty())));
        lenient("conciliation_strategy", ConciliationStrategy.USER, (text, origin) -> SupvisorsValues.constant(
                ConciliationStrategy.class, "conciliation_strategy", text)).ifPresent(builder::conciliationStrategy);
        lenient("starting_strategy", StartingStrategy.CONFIG, (text, origin) -> SupvisorsValues.constant(
                StartingStrategy.class, "starting_strategy", text)).ifPresent(builder::startingStrategy);
        SupvisorsFailureStrategy failureStrategy = lenient("supvisors_failure_strategy",
                SupvisorsFailureStrategy.CONTINUE, (text, origin) -> SupvisorsValues.constant(
                        SupvisorsFailureStrategy.class, "supvisors_failure_strategy", text))
                .orElse(SupvisorsFailureStrategy.CONTINUE);
        lenient("stats_enabled", "ALL", (text, origin) -> SupvisorsValues.statsEnabled(text)).ifPresent(enabled -> {
            builder.hostStatsEnabled(enabled[0]);
            builder.processStatsEnabled(enabled[1]);
        });
        lenient("stats_collecting_period", 5, (text, origin) -> SupvisorsValues.statsCollectingPeriod(text))
                .ifPresent(builder::statsCollectingPeriod);
        lenient("stats_periods", 10, (text, origin) -> SupvisorsValues.statsPeriods(text))
                .ifPresent(builder::statsPeriods);
        lenient("stats_histo", 200, (text, origin) -> SupvisorsValues.statsHisto(text)).ifPresent(builder::statsHisto);
        lenient("stats_irix_mode", false, (text, origin) -> SupvisorsValues.bool(text))
                .ifPresent(builder::statsIrixMode);
        lenient("tail_limit", 1024, (text, origin) -> SupvisorsValues.byteSize("tail_limit", text))
                .ifPresent(builder::tailLimit);
        lenient("tailf_limit", 1024, (text, origin) -> SupvisorsValues.byteSize("tailf_limit", text))
                .ifPresent(builder::tailfLimit);
        builder.synchroOptions(postProcessSynchroOptions(synchroOptions, instances.isEmpty(),
                multicastGroup.isPresent(), coreIdentifiers.isEmpty()));
        builder.supvisorsFailureStrategy(postProcessFailureStrategy(failureStrategy, synchroOptions));
        builder.agentPortOffset(readAgentPortOffset(eventLink, eventPort.orElse(httpPort + 1)));
        return builder.build();
    }

    private void warnUnknownKeys(IniSection section) {
        section.values().forEach((key, value) -> {
            if (!OPTIONS.contains(key)) {
                String hint = closestOption(key).map(option -> " (did you mean " + option + "?)").orElse("");
                messages.add(ConfigMessage.warning(value.location() + ": " + key + "=" + value.shown()
                        + ": unknown option of [supvisors], ignored" + hint));
            }
        });
    }

    private static Optional<String> closestOption(String key) {
        String best = null;
        int bestDistance = 3;
        for (String option : OPTIONS) {
            int distance = editDistance(key, option);
            if (distance < bestDistance) {
                best = option;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The logging options, read first: any bad value is fatal, as in 0.19. */
    private void readLogging(SupvisorsOptions.Builder builder) throws ConfigurationException {
        strict("logfile", this::logfile)
                .ifPresent(path -> builder.logfile(Optional.of(path).filter(p -> !p.isEmpty())));
        strict("logfile_maxbytes", (text, origin) -> SupvisorsValues.byteSize("logfile_maxbytes", text))
                .ifPresent(builder::logfileMaxbytes);
        strict("logfile_backups", (text, origin) -> (int) SupvisorsValues.integer(text, 0, Integer.MAX_VALUE,
                "invalid value for logfile_backups: \"" + text + "\". integer expected >= 0"))
                .ifPresent(builder::logfileBackups);
        strict("loglevel", (text, origin) -> {
            LogLevel level = LogLevel.fromDescription(text);
            if (level == null) {
                throw new InvalidValueException("bad logging level name '" + text + "' (expected: critical, error,"
                        + " warn, info, debug, trace or blather)");
            }
            return level;
        }).ifPresent(builder::loglevel);
    }

    /** {@code logfile}: AUTO (or absent) is empty; else a path whose directory exists, made absolute. */
    private String logfile(String text, IniValue origin) throws InvalidValueException {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("auto")) {
            return "";
        }
        if (lower.equals("none") || lower.equals("off") || lower.equals("syslog")) {
            throw new InvalidValueException(text + " is not supported by Supvisors (expected: AUTO or a file path)");
        }
        if (text.isEmpty()) {
            throw new InvalidValueException("empty path (expected: AUTO or a file path)");
        }
        Path path = workingDirectory.resolve(expandUser(text)).normalize();
        if (!Files.isDirectory(path.getParent())) {
            throw new InvalidValueException("The directory named as part of the path " + text + " does not exist");
        }
        return path.toString();
    }

    /** {@code disabilities_file}: made absolute; its directory is created if needed; empty means none. */
    private String disabilitiesFile(String text, IniValue origin) throws InvalidValueException {
        if (text.isEmpty()) {
            return "";
        }
        Path path = workingDirectory.resolve(expandUser(text)).normalize();
        Path directory = path.getParent();
        if (!Files.isDirectory(directory)) {
            try {
                Files.createDirectories(directory);
                messages.add(ConfigMessage.info(origin.location() + ": disabilities_file: created folder="
                        + directory));
            } catch (IOException | SecurityException e) {
                throw new InvalidValueException("The directory named as part of the path=" + text
                        + " cannot be created (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
        }
        return path.toString();
    }

    /** Python's {@code os.path.expanduser} for {@code ~} and {@code ~/...} ({@code ~user} is left as is). */
    private String expandUser(String text) {
        if (!text.equals("~") && !text.startsWith("~/")) {
            return text;
        }
        String home = expansions.variable("HOME").orElse(System.getProperty("user.home"));
        return home + text.substring(1);
    }

    /** File globs: the sorted absolute paths of the matching files, a warning when nothing matches. */
    private Conversion<List<String>> filePaths(String key) {
        return (text, origin) -> {
            Set<String> paths = new TreeSet<>();
            for (String glob : text.trim().split("\\s+")) {
                if (!glob.isEmpty()) {
                    for (Path match : FileGlobs.glob(workingDirectory.resolve(glob))) {
                        paths.add(match.toAbsolutePath().normalize().toString());
                    }
                }
            }
            if (!text.isEmpty() && paths.isEmpty()) {
                messages.add(ConfigMessage.warning(origin.location() + ": " + key + "=" + origin.shown()
                        + ": no file found matching " + text));
            }
            return new ArrayList<>(paths);
        };
    }

    /** {@code software_icon}: the first regular file that the globs match; a warning when there are several. */
    private Optional<String> existingFile(String text, IniValue origin) throws InvalidValueException {
        List<String> candidates = new ArrayList<>();
        for (String path : filePaths("software_icon").convert(text, origin)) {
            if (Files.isRegularFile(Path.of(path))) {
                candidates.add(path);
            }
        }
        if (candidates.size() > 1) {
            messages.add(ConfigMessage.warning(origin.location() + ": software_icon=" + origin.shown()
                    + ": multiple candidates found matching " + text + " - " + candidates + "; using the first"));
        }
        return candidates.stream().findFirst();
    }

    /** {@code supvisors_list}: empty items dropped, duplicates removed; a bad item is fatal. */
    private List<InstanceDeclaration> readInstances() throws ConfigurationException {
        Optional<IniValue> value = document.value(SECTION, "supvisors_list");
        if (value.isEmpty()) {
            return List.of();
        }
        String text = expandOrFail("supvisors_list", value.get());
        List<InstanceDeclaration> instances = new ArrayList<>();
        for (String item : SupvisorsValues.names(text)) {
            try {
                instances.add(SupvisorsValues.instance(item));
            } catch (InvalidValueException e) {
                throw new ConfigurationException(value.get().location() + ": supvisors_list=" + item + ": "
                        + e.getMessage());
            }
        }
        return instances;
    }

    private Set<SynchronizationOption> postProcessSynchroOptions(List<SynchronizationOption> written,
                                                                 boolean noInstances, boolean discovery,
                                                                 boolean noCoreIdentifiers)
            throws ConfigurationException {
        Set<SynchronizationOption> options = written.isEmpty() ? EnumSet.noneOf(SynchronizationOption.class)
                : EnumSet.copyOf(written);
        String place = synchroOptionsPlace();
        if (noCoreIdentifiers && options.remove(SynchronizationOption.CORE)) {
            messages.add(ConfigMessage.warning(place + "cancellation of synchro_options CORE with no"
                    + " core_identifiers"));
        }
        if (noInstances && discovery && options.remove(SynchronizationOption.STRICT)) {
            messages.add(ConfigMessage.warning(place + "cancellation of synchro_options STRICT with no"
                    + " supvisors_list"));
        }
        if (options.isEmpty()) {
            throw new ConfigurationException(place + "synchro_options shall not be empty (expected: at least one of"
                    + " STRICT, LIST, TIMEOUT, CORE, USER that applies: CORE needs core_identifiers, STRICT needs"
                    + " supvisors_list in discovery mode)");
        }
        return options;
    }

    private SupvisorsFailureStrategy postProcessFailureStrategy(SupvisorsFailureStrategy strategy,
                                                                List<SynchronizationOption> written) {
        if (written.contains(SynchronizationOption.TIMEOUT) && strategy != SupvisorsFailureStrategy.CONTINUE) {
            String place = document.value(SECTION, "supvisors_failure_strategy")
                    .map(value -> value.location() + ": supvisors_failure_strategy=" + value.shown() + ": ")
                    .orElse(synchroOptionsPlace());
            messages.add(ConfigMessage.warning(place + "force supvisors_failure_strategy=CONTINUE because it is"
                    + " incompatible with synchro_options=TIMEOUT"));
            return SupvisorsFailureStrategy.CONTINUE;
        }
        return strategy;
    }

    private String synchroOptionsPlace() {
        return document.value(SECTION, "synchro_options")
                .map(value -> value.location() + ": synchro_options=" + value.shown() + ": ")
                .orElseGet(() -> document.section(SECTION).map(IniSection::location).orElse(file.toString())
                        + ": synchro_options (default STRICT,TIMEOUT,CORE): ");
    }

    /**
     * {@code agent_port_offset}: the agent port, HTTP port + offset, must be a port that neither supervisord nor the
     * event publisher uses. The default offset is checked too (an HTTP port of 65534 leaves no room for it).
     */
    private int readAgentPortOffset(EventLink eventLink, int eventPort) throws ConfigurationException {
        Optional<Integer> written = strict("agent_port_offset", (text, origin) -> {
            int offset = (int) SupvisorsValues.integer(text, -65535, 65535, "invalid value for agent_port_offset: \""
                    + text + "\". integer expected");
            checkAgentPort(offset, eventLink, eventPort);
            return offset;
        });
        if (written.isPresent()) {
            return written.get();
        }
        int offset = SupvisorsOptions.builder().build().agentPortOffset();
        try {
            checkAgentPort(offset, eventLink, eventPort);
        } catch (InvalidValueException e) {
            throw new ConfigurationException(document.section(SECTION).map(IniSection::location)
                    .orElse(file.toString()) + ": agent_port_offset (default " + offset + "): " + e.getMessage());
        }
        return offset;
    }

    private void checkAgentPort(int offset, EventLink eventLink, int eventPort) throws InvalidValueException {
        int agentPort = httpPort + offset;
        if (offset == 0 || agentPort < 1 || agentPort > 65535) {
            throw new InvalidValueException("the agent port " + httpPort + (offset < 0 ? " - " : " + ")
                    + Math.abs(offset) + " = " + agentPort + " is not valid (expected: an offset giving a port in"
                    + " 1..65535 other than the HTTP port)");
        }
        if (eventLink != EventLink.NONE && agentPort == eventPort) {
            throw new InvalidValueException("the agent port " + agentPort + " is also the event port (expected: an"
                    + " offset giving a port other than event_port " + eventPort + " with event_link=" + eventLink
                    + ")");
        }
    }

    /** Reads a value; a bad one gives an ERROR message and the default (empty). */
    private <T> Optional<T> lenient(String key, Object defaultValue, Conversion<T> conversion) {
        Optional<IniValue> value = document.value(SECTION, key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(conversion.convert(expansions.expand(value.get()), value.get()));
        } catch (InvalidValueException e) {
            messages.add(ConfigMessage.error(value.get().location() + ": " + key + "=" + value.get().shown() + ": "
                    + e.getMessage() + " (using the default: " + defaultValue + ")"));
            return Optional.empty();
        }
    }

    /** Reads a value; a bad one is fatal. */
    private <T> Optional<T> strict(String key, Conversion<T> conversion) throws ConfigurationException {
        Optional<IniValue> value = document.value(SECTION, key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = expandOrFail(key, value.get());
        try {
            return Optional.of(conversion.convert(text, value.get()));
        } catch (InvalidValueException e) {
            throw new ConfigurationException(value.get().location() + ": " + key + "=" + value.get().shown() + ": "
                    + e.getMessage());
        }
    }

    private String expandOrFail(String key, IniValue value) throws ConfigurationException {
        try {
            return expansions.expand(value);
        } catch (InvalidValueException e) {
            throw new ConfigurationException(value.location() + ": " + key + "=" + value.shown() + ": "
                    + e.getMessage());
        }
    }
}
