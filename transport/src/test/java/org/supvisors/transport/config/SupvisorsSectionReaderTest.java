package org.supvisors.transport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.supvisors.core.config.EventLink;
import org.supvisors.core.config.InstanceDeclaration;
import org.supvisors.core.config.LogLevel;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.config.SynchronizationOption;
import org.supvisors.core.strategy.ConciliationStrategy;
import org.supvisors.core.strategy.StartingStrategy;
import org.supvisors.core.strategy.SupvisorsFailureStrategy;

class SupvisorsSectionReaderTest {

    private static final int HTTP_PORT = 60000;

    @TempDir
    Path dir;

    private Path file;
    private final List<ConfigMessage> messages = new ArrayList<>();

    /** Reads a file whose line 2 is the first line of {@code supvisors} (line 1 is the header). */
    private SupvisorsOptions read(String supvisors) throws ConfigurationException {
        return readFile("[supvisors]\n" + supvisors + "\n");
    }

    private SupvisorsOptions readFile(String text) throws ConfigurationException {
        file = TestFiles.write(dir, "etc/supervisord.conf", text);
        Expansions expansions = new Expansions(Map.of("HOME", dir.resolve("home").toString(), "SITE", "paris"),
                "node1");
        IniDocument document = SupervisordFiles.read(file, expansions, messages);
        return new SupvisorsSectionReader(document, expansions, dir, HTTP_PORT, file, messages).read();
    }

    /** The messages, but the warning that the default synchro_options give without core_identifiers. */
    private List<ConfigMessage> relevant() {
        return messages.stream().filter(message -> !message.text().endsWith("cancellation of synchro_options CORE"
                + " with no core_identifiers")).collect(java.util.stream.Collectors.toList());
    }

    private List<String> texts() {
        return messages.stream().map(ConfigMessage::toString).collect(java.util.stream.Collectors.toList());
    }

    @Test
    void a_missing_section_gives_the_defaults_and_a_warning() throws Exception {
        SupvisorsOptions options = readFile("[supervisord]\n");

        SupvisorsOptions defaults = SupvisorsOptions.builder().build();
        assertThat(options.supvisorsList()).isEmpty();
        assertThat(options.softwareName()).isEmpty();
        assertThat(options.multicastGroup()).isEmpty();
        assertThat(options.multicastTtl()).isEqualTo(1);
        assertThat(options.rulesFilesSet()).isFalse();
        assertThat(options.eventLink()).isEqualTo(EventLink.NONE);
        assertThat(options.eventPort()).isEmpty();
        assertThat(options.synchroTimeout()).isEqualTo(15);
        assertThat(options.inactivityTicks()).isEqualTo(2);
        assertThat(options.supvisorsFailureStrategy()).isEqualTo(SupvisorsFailureStrategy.CONTINUE);
        assertThat(options.startingStrategy()).isEqualTo(StartingStrategy.CONFIG);
        assertThat(options.conciliationStrategy()).isEqualTo(ConciliationStrategy.USER);
        assertThat(options.disabilitiesFile()).isEmpty();
        assertThat(options.hostStatsEnabled()).isTrue();
        assertThat(options.processStatsEnabled()).isTrue();
        assertThat(options.statsCollectingPeriod()).isEqualTo(5.0);
        assertThat(options.statsPeriods()).containsExactly(10.0);
        assertThat(options.statsHisto()).isEqualTo(200);
        assertThat(options.tailLimit()).isEqualTo(1024);
        assertThat(options.tailfLimit()).isEqualTo(1024);
        assertThat(options.logfile()).isEmpty();
        assertThat(options.logfileMaxbytes()).isEqualTo(defaults.logfileMaxbytes()).isEqualTo(50L * 1024 * 1024);
        assertThat(options.logfileBackups()).isEqualTo(10);
        assertThat(options.loglevel()).isEqualTo(LogLevel.INFO);
        assertThat(options.agentPortOffset()).isEqualTo(2);
        // standalone: STRICT is kept (decided deviation), CORE has no core_identifiers
        assertThat(options.synchroOptions()).containsExactlyInAnyOrder(SynchronizationOption.STRICT,
                SynchronizationOption.TIMEOUT);
        assertThat(texts()).containsExactly(
                "WARNING " + file + ": no [supvisors] section in this file or the files it includes: every Supvisors"
                        + " option takes its default value",
                "WARNING " + file + ": synchro_options (default STRICT,TIMEOUT,CORE): cancellation of synchro_options"
                        + " CORE with no core_identifiers");
    }

    @Test
    void good_values_of_every_option() throws Exception {
        TestFiles.write(dir, "etc/rules/b.xml", "");
        TestFiles.write(dir, "etc/rules/a.xml", "");
        TestFiles.write(dir, "ui/test.css", "");
        TestFiles.write(dir, "ui/icon.png", "");
        Files.createDirectories(dir.resolve("logs"));

        SupvisorsOptions options = read(String.join("\n",
                "supvisors_list = <supv-01>17.0.1.11,supv02, ,<supv-03>192.168.1.70:30000,supv02",
                "software_name = Supvisors Tests %(ENV_SITE)s",
                "software_icon = ui/*.png",
                "multicast_group = 239.0.0.1:60001",
                "multicast_interface = 192.168.1.1",
                "multicast_ttl = 0",
                "stereotypes = @SERVER, @GUI, @SERVER",
                "rules_files = %(here)s/rules/*.xml %(here)s/rules/a.xml",
                "css_files = ui/test.css",
                "event_link = ws",
                "event_port = 60010",
                "auto_fence = yes",
                "synchro_options = list,Core,TIMEOUT,USER,list",
                "synchro_timeout = 1200",
                "inactivity_ticks = 720",
                "core_identifiers = supv-01,supv-03",
                "supvisors_failure_strategy = resync",
                "starting_strategy = less_loaded_node",
                "conciliation_strategy = Running_Failure",
                "disabilities_file = ~/supvisors/disabilities.json",
                "stats_enabled = host",
                "stats_collecting_period = 1",
                "stats_periods = 160, 2.5,20",
                "stats_histo = 1500",
                "stats_irix_mode = true",
                "tail_limit = 50MB",
                "tailf_limit = 2kb",
                "logfile = %(here)s/../logs/supvisors.log",
                "logfile_maxbytes = 1MB",
                "logfile_backups = 0",
                "loglevel = DEBUG",
                "agent_port_offset = 5"));

        assertThat(options.supvisorsList()).containsExactly(
                new InstanceDeclaration("<supv-01>17.0.1.11", Optional.of("supv-01"), "17.0.1.11", Optional.empty()),
                new InstanceDeclaration("supv02", Optional.empty(), "supv02", Optional.empty()),
                new InstanceDeclaration("<supv-03>192.168.1.70:30000", Optional.of("supv-03"), "192.168.1.70",
                        Optional.of(30000)));
        assertThat(options.softwareName()).isEqualTo("Supvisors Tests paris");
        assertThat(options.softwareIcon()).contains(dir.resolve("ui/icon.png").toString());
        assertThat(options.multicastGroup()).contains("239.0.0.1:60001");
        assertThat(options.discoveryMode()).isTrue();
        assertThat(options.multicastInterface()).contains("192.168.1.1");
        assertThat(options.multicastTtl()).isZero();
        assertThat(options.stereotypes()).containsExactly("@SERVER", "@GUI");
        assertThat(options.rulesFiles()).containsExactly(dir.resolve("etc/rules/a.xml").toString(),
                dir.resolve("etc/rules/b.xml").toString());
        assertThat(options.rulesFilesSet()).isTrue();
        assertThat(options.cssFiles()).containsExactly(dir.resolve("ui/test.css").toString());
        assertThat(options.eventLink()).isEqualTo(EventLink.WS);
        assertThat(options.eventPort()).contains(60010);
        assertThat(options.autoFence()).isTrue();
        assertThat(options.synchroOptions()).containsExactlyInAnyOrder(SynchronizationOption.LIST,
                SynchronizationOption.CORE, SynchronizationOption.TIMEOUT, SynchronizationOption.USER);
        assertThat(options.synchroTimeout()).isEqualTo(1200);
        assertThat(options.inactivityTicks()).isEqualTo(720);
        assertThat(options.coreIdentifiers()).containsExactly("supv-01", "supv-03");
        // forced by TIMEOUT
        assertThat(options.supvisorsFailureStrategy()).isEqualTo(SupvisorsFailureStrategy.CONTINUE);
        assertThat(options.startingStrategy()).isEqualTo(StartingStrategy.LESS_LOADED_NODE);
        assertThat(options.conciliationStrategy()).isEqualTo(ConciliationStrategy.RUNNING_FAILURE);
        assertThat(options.disabilitiesFile()).contains(dir.resolve("home/supvisors/disabilities.json").toString());
        assertThat(dir.resolve("home/supvisors")).isDirectory();
        assertThat(options.hostStatsEnabled()).isTrue();
        assertThat(options.processStatsEnabled()).isFalse();
        assertThat(options.statsCollectingPeriod()).isEqualTo(1.0);
        assertThat(options.statsPeriods()).containsExactly(2.5, 20.0, 160.0);
        assertThat(options.statsHisto()).isEqualTo(1500);
        assertThat(options.statsIrixMode()).isTrue();
        assertThat(options.tailLimit()).isEqualTo(50L * 1024 * 1024);
        assertThat(options.tailfLimit()).isEqualTo(2048);
        assertThat(options.logfile()).contains(dir.resolve("logs/supvisors.log").toString());
        assertThat(options.logfileMaxbytes()).isEqualTo(1024 * 1024);
        assertThat(options.logfileBackups()).isZero();
        assertThat(options.loglevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(options.agentPortOffset()).isEqualTo(5);
        assertThat(texts()).containsExactly(
                "INFO " + file + ":21: disabilities_file: created folder=" + dir.resolve("home/supvisors"),
                "WARNING " + file + ":18: supvisors_failure_strategy=resync: force supvisors_failure_strategy=CONTINUE"
                        + " because it is incompatible with synchro_options=TIMEOUT");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("software_icon", "%(nope)s.png", "%(nope) cannot be expanded (available names: ENV_<variable>,"
                        + " here, host_node_name)", "none", SupvisorsOptions::softwareIcon, Optional.empty()),
                bad("multicast_group", "239.0.0.1", "invalid value for multicast_group: \"239.0.0.1\"."
                        + " \"ip_address:port\" expected", "none, no discovery", SupvisorsOptions::multicastGroup,
                        Optional.empty()),
                bad("multicast_group", "239.0.0.0:60001", "reserved multicast address: \"239.0.0.0\". reserved"
                        + " addresses are ['224.0.0.0', '232.0.0.0', '233.0.0.0', '239.0.0.0']", "none, no discovery",
                        SupvisorsOptions::multicastGroup, Optional.empty()),
                bad("multicast_group", "192.168.1.1:60001", "invalid value for multicast address: \"192.168.1.1\". IP"
                        + " address expected from 224.0.0.0 to 239.255.255.255", "none, no discovery",
                        SupvisorsOptions::multicastGroup, Optional.empty()),
                bad("multicast_group", "239.0.0.1:0", "invalid value for port: \"0\". integer expected in (1, 65535)",
                        "none, no discovery", SupvisorsOptions::multicastGroup, Optional.empty()),
                bad("multicast_interface", "any", "invalid value for IP address: \"any\"", "INADDR_ANY",
                        SupvisorsOptions::multicastInterface, Optional.empty()),
                bad("multicast_interface", "10.0.0", "invalid value for IP address: \"10.0.0\"", "INADDR_ANY",
                        SupvisorsOptions::multicastInterface, Optional.empty()),
                bad("multicast_ttl", "256", "invalid value for multicast_ttl: \"256\". integer expected in (0, 255)",
                        "1", SupvisorsOptions::multicastTtl, 1),
                bad("event_link", "zeromq", "invalid value for event_link: \"zeromq\". expected in ['NONE', 'ZMQ',"
                        + " 'WS']", "NONE", SupvisorsOptions::eventLink, EventLink.NONE),
                bad("event_port", "65536", "invalid value for port: \"65536\". integer expected in (1, 65535)",
                        "HTTP port + 1", SupvisorsOptions::eventPort, Optional.empty()),
                bad("auto_fence", "sometimes", "not a valid boolean value: 'sometimes'", "false",
                        SupvisorsOptions::autoFence, false),
                bad("synchro_options", "STRICT,SOON", "invalid value for synchro_options: \"SOON\". expected in"
                        + " ['STRICT', 'LIST', 'TIMEOUT', 'CORE', 'USER'])", "STRICT,TIMEOUT,CORE",
                        SupvisorsOptions::synchroOptions, EnumSet.of(SynchronizationOption.STRICT,
                                SynchronizationOption.TIMEOUT)),
                bad("synchro_timeout", "14", "invalid value for synchro_timeout: \"14\". integer expected in [15;1200]"
                        + " (seconds)", "15", SupvisorsOptions::synchroTimeout, 15),
                bad("synchro_timeout", "1e2", "invalid value for synchro_timeout: \"1e2\". integer expected in"
                        + " [15;1200] (seconds)", "15", SupvisorsOptions::synchroTimeout, 15),
                bad("inactivity_ticks", "1", "invalid value for inactivity_ticks: \"1\". integer expected in [2;720]",
                        "2", SupvisorsOptions::inactivityTicks, 2),
                bad("supvisors_failure_strategy", "RESTART", "invalid value for supvisors_failure_strategy:"
                        + " \"RESTART\". expected in ['CONTINUE', 'RESYNC', 'SHUTDOWN']", "CONTINUE",
                        SupvisorsOptions::supvisorsFailureStrategy, SupvisorsFailureStrategy.CONTINUE),
                bad("starting_strategy", "RANDOM", "invalid value for starting_strategy: \"RANDOM\". expected in"
                        + " ['CONFIG', 'LESS_LOADED', 'MOST_LOADED', 'LOCAL', 'LESS_LOADED_NODE', 'MOST_LOADED_NODE']",
                        "CONFIG", SupvisorsOptions::startingStrategy, StartingStrategy.CONFIG),
                bad("conciliation_strategy", "KILL", "invalid value for conciliation_strategy: \"KILL\". expected in"
                        + " ['SENICIDE', 'INFANTICIDE', 'USER', 'STOP', 'RESTART', 'RUNNING_FAILURE']", "USER",
                        SupvisorsOptions::conciliationStrategy, ConciliationStrategy.USER),
                bad("stats_enabled", "", "invalid value for stats_enabled: <empty>", "ALL",
                        SupvisorsOptions::hostStatsEnabled, true),
                bad("stats_enabled", "HOST,CPU", "invalid value for stats_enabled: \"HOST,CPU\". expected in ['OFF',"
                        + " 'HOST', 'PROCESS', 'ALL']", "ALL", SupvisorsOptions::processStatsEnabled, true),
                bad("stats_collecting_period", "0.5", "invalid value for stats_collecting_period: \"0.5\". float"
                        + " expected in [1.0;3600.0] (seconds)", "5", SupvisorsOptions::statsCollectingPeriod, 5.0),
                bad("stats_periods", "", "unexpected number of stats_periods: 0. minimum is 1", "10",
                        SupvisorsOptions::statsPeriods, List.of(10.0)),
                bad("stats_periods", "5,10,20,40", "unexpected number of stats_periods: 4. maximum is 3", "10",
                        SupvisorsOptions::statsPeriods, List.of(10.0)),
                bad("stats_periods", "5,3601", "invalid value for stats_periods: \"3601\". float expected in"
                        + " [1.0;3600.0] (seconds)", "10", SupvisorsOptions::statsPeriods, List.of(10.0)),
                bad("stats_histo", "9", "invalid value for stats_histo: \"9\". integer expected in [10;1500]"
                        + " (seconds)", "200", SupvisorsOptions::statsHisto, 200),
                bad("stats_irix_mode", "irix", "not a valid boolean value: 'irix'", "false",
                        SupvisorsOptions::statsIrixMode, false),
                bad("tail_limit", "1k", "invalid value for tail_limit: \"1k\". byte size expected (a non-negative"
                        + " integer with an optional KB, MB or GB suffix)", "1024", SupvisorsOptions::tailLimit, 1024L),
                bad("tailf_limit", "-1", "invalid value for tailf_limit: \"-1\". byte size expected (a non-negative"
                        + " integer with an optional KB, MB or GB suffix)", "1024", SupvisorsOptions::tailfLimit,
                        1024L),
                bad("software_name", "100%", "badly formatted for %-expansion: incomplete format (write %% for a"
                        + " percent sign)", "''", SupvisorsOptions::softwareName, ""));
    }

    private static Arguments bad(String option, String value, String reason, String defaultText,
                                 Function<SupvisorsOptions, Object> getter, Object defaultValue) {
        return Arguments.of(option, value, reason, defaultText, getter, defaultValue);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void a_bad_value_is_an_error_naming_its_place_and_the_default_is_used(String option, String value, String reason,
            String defaultText, Function<SupvisorsOptions, Object> getter, Object defaultValue) throws Exception {
        SupvisorsOptions options = read(option + " = " + value);

        assertThat(getter.apply(options)).isEqualTo(defaultValue);
        assertThat(messages).contains(ConfigMessage.error(file + ":2: " + option + "=" + value + ": " + reason
                + " (using the default: " + defaultText + ")"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "logfile = /nowhere/at/all/supvisors.log|logfile=/nowhere/at/all/supvisors.log: The directory named as part"
                + " of the path /nowhere/at/all/supvisors.log does not exist",
        "logfile = NONE|logfile=NONE: NONE is not supported by Supvisors (expected: AUTO or a file path)",
        "logfile = syslog|logfile=syslog: syslog is not supported by Supvisors (expected: AUTO or a file path)",
        "logfile =|logfile=: empty path (expected: AUTO or a file path)",
        "logfile_maxbytes = 1TB|logfile_maxbytes=1TB: invalid value for logfile_maxbytes: \"1TB\". byte size expected"
                + " (a non-negative integer with an optional KB, MB or GB suffix)",
        "logfile_backups = -1|logfile_backups=-1: invalid value for logfile_backups: \"-1\". integer expected >= 0",
        "loglevel = verbose|loglevel=verbose: bad logging level name 'verbose' (expected: critical, error, warn, info,"
                + " debug, trace or blather)",
        "agent_port_offset = two|agent_port_offset=two: invalid value for agent_port_offset: \"two\". integer"
                + " expected",
        "agent_port_offset = 0|agent_port_offset=0: the agent port 60000 + 0 = 60000 is not valid (expected: an"
                + " offset giving a port in 1..65535 other than the HTTP port)",
        "agent_port_offset = 5536|agent_port_offset=5536: the agent port 60000 + 5536 = 65536 is not valid"
                + " (expected: an offset giving a port in 1..65535 other than the HTTP port)",
        "supvisors_list = a,cliche83:60000:60001|supvisors_list=cliche83:60000:60001: could not define a Supvisors"
                + " identification from \"cliche83:60000:60001\" (expected: [<nick>]host[:http_port] with an"
                + " http_port of 4 or 5 digits)",
        "supvisors_list = host:600|supvisors_list=host:600: could not define a Supvisors identification from"
                + " \"host:600\" (expected: [<nick>]host[:http_port] with an http_port of 4 or 5 digits)",
        "supvisors_list = host:99999|supvisors_list=host:99999: could not define a Supvisors identification from"
                + " \"host:99999\" (expected: an http_port in 1..65535)",
        "supvisors_list = <a b>host|supvisors_list=<a b>host: could not define a Supvisors identification from"
                + " \"<a b>host\" (expected: [<nick>]host[:http_port] with an http_port of 4 or 5 digits)",
        "loglevel = %(ENV_LEVEL)s|loglevel=%(ENV_LEVEL)s: %(ENV_LEVEL) cannot be expanded (available names:"
                + " ENV_<variable>, here, host_node_name)",
    })
    void fatal_values_name_their_place(String line, String message) {
        assertThatThrownBy(() -> read(line)).isInstanceOf(ConfigurationException.class)
                .hasMessage(file + ":2: " + message);
    }

    @Test
    void the_agent_port_must_not_be_the_event_port() {
        assertThatThrownBy(() -> read("event_link = ZMQ\nagent_port_offset = 1"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + ":3: agent_port_offset=1: the agent port 60001 is also the event port (expected:"
                        + " an offset giving a port other than event_port 60001 with event_link=ZMQ)");
        assertThatThrownBy(() -> read("event_link = WS\nevent_port = 60002"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + ":1: agent_port_offset (default 2): the agent port 60002 is also the event port"
                        + " (expected: an offset giving a port other than event_port 60002 with event_link=WS)");
    }

    @Test
    void a_negative_agent_port_offset_is_allowed() throws Exception {
        assertThat(read("agent_port_offset = -10").agentPortOffset()).isEqualTo(-10);
    }

    @Test
    void synchro_options_that_end_up_empty_are_fatal() {
        assertThatThrownBy(() -> read("synchro_options = CORE"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + ":2: synchro_options=CORE: synchro_options shall not be empty (expected: at least"
                        + " one of STRICT, LIST, TIMEOUT, CORE, USER that applies: CORE needs core_identifiers,"
                        + " STRICT needs supvisors_list in discovery mode)");
        assertThatThrownBy(() -> read("synchro_options = ,"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("synchro_options shall not be empty");
    }

    @Test
    void strict_is_cancelled_without_supvisors_list_in_discovery_mode_only() throws Exception {
        assertThat(read("synchro_options = STRICT,USER").synchroOptions())
                .containsExactlyInAnyOrder(SynchronizationOption.STRICT, SynchronizationOption.USER);
        assertThat(messages).isEmpty();

        SupvisorsOptions discovery = read("synchro_options = STRICT,USER\nmulticast_group = 239.0.0.1:60001");
        assertThat(discovery.synchroOptions()).containsExactly(SynchronizationOption.USER);
        assertThat(messages).containsExactly(ConfigMessage.warning(file + ":2: synchro_options=STRICT,USER:"
                + " cancellation of synchro_options STRICT with no supvisors_list"));

        messages.clear();
        SupvisorsOptions declared = read("synchro_options = STRICT\nmulticast_group = 239.0.0.1:60001\n"
                + "supvisors_list = a,b");
        assertThat(declared.synchroOptions()).containsExactly(SynchronizationOption.STRICT);
        assertThat(messages).isEmpty();
    }

    @Test
    void core_is_kept_with_core_identifiers_and_the_failure_strategy_without_timeout() throws Exception {
        SupvisorsOptions options = read("synchro_options = CORE,LIST\ncore_identifiers = a\n"
                + "supvisors_failure_strategy = SHUTDOWN");

        assertThat(options.synchroOptions()).containsExactlyInAnyOrder(SynchronizationOption.CORE,
                SynchronizationOption.LIST);
        assertThat(options.supvisorsFailureStrategy()).isEqualTo(SupvisorsFailureStrategy.SHUTDOWN);
        assertThat(messages).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ALL|true|true", "OFF|false|false", "true|true|true", "off|false|false",
        "HOST,PROCESS|true|true", "process|false|true", "OFF,HOST|true|false"})
    void stats_enabled_accepts_types_and_booleans(String value, boolean host, boolean process) throws Exception {
        SupvisorsOptions options = read("stats_enabled = " + value);

        assertThat(options.hostStatsEnabled()).isEqualTo(host);
        assertThat(options.processStatsEnabled()).isEqualTo(process);
    }

    @Test
    void multicast_interface_any_means_inaddr_any() throws Exception {
        assertThat(read("multicast_interface = ANY").multicastInterface()).isEmpty();
        assertThat(read("multicast_interface = INADDR_ANY").multicastInterface()).isEmpty();
        assertThat(relevant()).isEmpty();
    }

    @Test
    void globs_that_match_nothing_give_a_warning_and_an_empty_list() throws Exception {
        SupvisorsOptions options = read("rules_files = rules/*.xml\ncss_files =");

        assertThat(options.rulesFiles()).isEmpty();
        assertThat(options.rulesFilesSet()).isTrue();
        assertThat(options.cssFiles()).isEmpty();
        assertThat(relevant()).containsExactly(ConfigMessage.warning(file + ":2: rules_files=rules/*.xml: no file found"
                + " matching rules/*.xml"));
    }

    @Test
    void relative_globs_are_relative_to_supervisords_working_directory() throws Exception {
        TestFiles.write(dir, "rules.xml", "");

        assertThat(read("rules_files = rules.xml").rulesFiles()).containsExactly(dir.resolve("rules.xml").toString());
    }

    @Test
    void several_icons_give_a_warning_and_the_first() throws Exception {
        TestFiles.write(dir, "b.png", "");
        TestFiles.write(dir, "a.png", "");

        assertThat(read("software_icon = *.png").softwareIcon()).contains(dir.resolve("a.png").toString());
        assertThat(relevant()).containsExactly(ConfigMessage.warning(file + ":2: software_icon=*.png: multiple"
                + " candidates found matching *.png - [" + dir.resolve("a.png") + ", " + dir.resolve("b.png")
                + "]; using the first"));
    }

    @Test
    void a_disabilities_directory_that_cannot_be_created_is_an_error_and_no_persistence() throws Exception {
        TestFiles.write(dir, "blocker", "a file where a directory should be");

        SupvisorsOptions options = read("disabilities_file = blocker/sub/disabilities.json");

        assertThat(options.disabilitiesFile()).isEmpty();
        assertThat(relevant()).singleElement().satisfies(message -> {
            assertThat(message.level()).isEqualTo(System.Logger.Level.ERROR);
            assertThat(message.text()).startsWith(file + ":2: disabilities_file=blocker/sub/disabilities.json: The"
                    + " directory named as part of the path=blocker/sub/disabilities.json cannot be created (");
            assertThat(message.text()).endsWith("(using the default: none, no persistence)");
        });
    }

    @Test
    void a_relative_disabilities_file_in_an_existing_directory_is_made_absolute() throws Exception {
        assertThat(read("disabilities_file = disabilities.json").disabilitiesFile())
                .contains(dir.resolve("disabilities.json").toString());
        assertThat(relevant()).isEmpty();
    }

    @Test
    void unknown_keys_are_warnings_with_a_suggestion() throws Exception {
        read("synchro_option = USER\nsupervisor.rpcinterface_factory = supvisors.plugin:make_supvisors_rpcinterface");

        assertThat(relevant()).containsExactly(
                ConfigMessage.warning(file + ":2: synchro_option=USER: unknown option of [supvisors], ignored (did you"
                        + " mean synchro_options?)"),
                ConfigMessage.warning(file + ":3: supervisor.rpcinterface_factory=supvisors.plugin:make_supvisors_"
                        + "rpcinterface: unknown option of [supvisors], ignored"));
        assertThat(messages).contains(ConfigMessage.warning(file + ":1: synchro_options (default STRICT,TIMEOUT,CORE):"
                + " cancellation of synchro_options CORE with no core_identifiers"));
    }

    @Test
    void the_python_plugin_section_is_a_warning() throws Exception {
        readFile("[rpcinterface:supvisors]\nsupervisor.rpcinterface_factory = supvisors.plugin:make_supvisors_"
                + "rpcinterface\n[supvisors]\nsynchro_options = USER\n");

        assertThat(messages).containsExactly(ConfigMessage.warning(file + ":1: [rpcinterface:supvisors] makes"
                + " supervisord load the Python Supvisors plugin next to this agent (expected: the options in a"
                + " [supvisors] section only)"));
    }

    @Test
    void values_can_span_continuation_lines() throws Exception {
        SupvisorsOptions options = read("supvisors_list = a,\n    b:60100,\n    <c>c\nstereotypes = x ; a comment");

        assertThat(options.supvisorsList()).extracting(InstanceDeclaration::item).containsExactly("a", "b:60100",
                "<c>c");
        assertThat(options.stereotypes()).containsExactly("x");
    }

    @Test
    void default_section_values_are_seen_as_0_19_saw_them() throws Exception {
        SupvisorsOptions options = readFile("[DEFAULT]\nstats_histo = 100\n[supvisors]\nsynchro_options = USER\n");

        assertThat(options.statsHisto()).isEqualTo(100);
    }
}
