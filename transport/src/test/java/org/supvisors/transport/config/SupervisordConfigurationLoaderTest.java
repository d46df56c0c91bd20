package org.supvisors.transport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supvisors.core.config.EventLink;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.config.SynchronizationOption;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.core.strategy.ConciliationStrategy;
import org.supvisors.core.strategy.StartingStrategy;

class SupervisordConfigurationLoaderTest {

    private static final long PID = 777;

    /** configuration.md's complete example, with the options in [supvisors] instead of [rpcinterface:supvisors]. */
    private static final String EXAMPLE = String.join("\n",
            "[supervisord]",
            "nodaemon = true",
            "",
            "[inet_http_server]",
            "port=:60000",
            "",
            "[rpcinterface:supervisor]",
            "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
            "",
            "[supvisors]",
            "software_name = Supvisors Tests",
            "supvisors_list = <supv-01>17.0.1.11,supv02,<supv-03>192.168.1.70:30000",
            "rules_files = etc/my_movies*.xml",
            "css_files = ui/test.css",
            "auto_fence = false",
            "event_link = ZMQ",
            "event_port = 60002",
            "synchro_options = LIST,CORE,TIMEOUT,USER",
            "synchro_timeout = 30",
            "inactivity_ticks = 3",
            "core_identifiers = supv-01,supv-03",
            "disabilities_file = /tmp/disabilities.json",
            "starting_strategy = CONFIG",
            "conciliation_strategy = USER",
            "stats_enabled = true",
            "stats_collecting_period = 1",
            "stats_periods = 2.5,20,160",
            "stats_histo = 100",
            "stats_irix_mode = true",
            "tail_limit = 50MB",
            "tailf_limit = 50MB",
            "logfile = AUTO",
            "%s",
            "",
            "[include]",
            "files = conf.d/*.ini",
            "");

    @TempDir
    Path dir;

    private Path proc;
    private Path supervisordCwd;
    private Path agentCwd;
    private final FakeHostFacts supv02 = new FakeHostFacts("supv02", "supv02.example.org", "127.0.0.1",
            "17.0.1.12").resolving("supv02", "17.0.1.12");

    @BeforeEach
    void directories() throws Exception {
        proc = Files.createDirectories(dir.resolve("proc"));
        supervisordCwd = Files.createDirectories(dir.resolve("run"));
        agentCwd = Files.createDirectories(dir.resolve("agent"));
    }

    private SupervisordConfigurationLoader loader(HostFacts host) {
        return new SupervisordConfigurationLoader(new SupervisordLocator(proc, List.of(PID), agentCwd,
                Map.of("USER", "agent"), List.of()), host);
    }

    private void supervisordParent(String... arguments) throws Exception {
        Path process = Files.createDirectories(proc.resolve(Long.toString(PID)));
        Files.write(process.resolve("cmdline"), (String.join("\0", arguments) + "\0").getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(process.resolve("cwd"), supervisordCwd);
        Files.write(process.resolve("environ"), "SITE=lyon\0LOGS=logs\0".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_complete_example_of_the_specification() throws Exception {
        Path file = TestFiles.write(dir, "etc/supervisord.conf", String.format(EXAMPLE, "agent_port_offset = 3"));
        TestFiles.write(dir, "etc/conf.d/movies.ini", "[program:movie_server]\ncommand = /bin/sleep 100\n"
                + "numprocs = 2\nprocess_name = %(program_name)s_%(process_num)d\n");
        TestFiles.write(agentCwd, "etc/my_movies_1.xml", "<root/>");
        TestFiles.write(agentCwd, "ui/test.css", "");

        SupervisordConfiguration configuration = loader(supv02).load(Optional.of(Path.of("../etc/supervisord.conf")));

        assertThat(configuration.file()).isEqualTo(file);
        assertThat(configuration.http()).isEqualTo(new HttpServerSettings("", 60000, Optional.empty(),
                Optional.empty()));
        assertThat(configuration.supervisordIdentifier()).isEqualTo("supervisor");
        assertThat(configuration.localIdentity()).isEqualTo(new InstanceIdentity("supv02:60000", "supv02", "supv02",
                60000));
        assertThat(configuration.agentPort()).isEqualTo(60003);
        assertThat(configuration.eventPort()).isEqualTo(60002);
        SupvisorsOptions options = configuration.options();
        assertThat(options.softwareName()).isEqualTo("Supvisors Tests");
        assertThat(options.supvisorsList()).hasSize(3);
        assertThat(options.rulesFiles()).containsExactly(agentCwd.resolve("etc/my_movies_1.xml").toString());
        assertThat(options.cssFiles()).containsExactly(agentCwd.resolve("ui/test.css").toString());
        assertThat(options.eventLink()).isEqualTo(EventLink.ZMQ);
        assertThat(options.synchroOptions()).containsExactlyInAnyOrder(SynchronizationOption.LIST,
                SynchronizationOption.CORE, SynchronizationOption.TIMEOUT, SynchronizationOption.USER);
        assertThat(options.synchroTimeout()).isEqualTo(30);
        assertThat(options.inactivityTicks()).isEqualTo(3);
        assertThat(options.coreIdentifiers()).containsExactly("supv-01", "supv-03");
        assertThat(options.disabilitiesFile()).contains("/tmp/disabilities.json");
        assertThat(options.startingStrategy()).isEqualTo(StartingStrategy.CONFIG);
        assertThat(options.conciliationStrategy()).isEqualTo(ConciliationStrategy.USER);
        assertThat(options.hostStatsEnabled()).isTrue();
        assertThat(options.processStatsEnabled()).isTrue();
        assertThat(options.statsCollectingPeriod()).isEqualTo(1.0);
        assertThat(options.statsPeriods()).containsExactly(2.5, 20.0, 160.0);
        assertThat(options.statsHisto()).isEqualTo(100);
        assertThat(options.statsIrixMode()).isTrue();
        assertThat(options.tailLimit()).isEqualTo(50L * 1024 * 1024);
        assertThat(options.tailfLimit()).isEqualTo(50L * 1024 * 1024);
        assertThat(options.logfile()).isEmpty();
        assertThat(configuration.layout().placementOf("movie_server", "movie_server_1"))
                .contains(new ProcessPlacement("movie_server", 1, 2));
        assertThat(configuration.messages()).containsExactly(ConfigMessage.info("Included extra file \""
                + dir.resolve("etc/conf.d/movies.ini") + "\" during parsing"));
    }

    @Test
    void the_example_as_written_puts_the_agent_on_the_event_port() {
        TestFiles.write(dir, "etc/supervisord.conf", String.format(EXAMPLE, ""));

        assertThatThrownBy(() -> loader(supv02).load(Optional.of(dir.resolve("etc/supervisord.conf"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(dir.resolve("etc/supervisord.conf") + ":10: agent_port_offset (default 2): the agent port"
                        + " 60002 is also the event port (expected: an offset giving a port other than event_port"
                        + " 60002 with event_link=ZMQ)");
    }

    @Test
    void the_example_on_a_machine_that_is_not_in_the_list_is_fatal() {
        TestFiles.write(dir, "etc/supervisord.conf", String.format(EXAMPLE, "agent_port_offset = 3"));
        FakeHostFacts stranger = new FakeHostFacts("cliche99", "cliche99", "127.0.0.1", "10.1.1.1");

        assertThatThrownBy(() -> loader(stranger).load(Optional.of(dir.resolve("etc/supervisord.conf"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(dir.resolve("etc/supervisord.conf") + ":12: supvisors_list=<supv-01>17.0.1.11,"
                        + "supv02,<supv-03>192.168.1.70:30000: could not find the Supvisors in supvisors_list");
    }

    @Test
    void found_through_supervisords_command_line_with_its_environment_and_identifier() throws Exception {
        supervisordParent("/usr/bin/python3", "/usr/bin/supervisord", "-n", "-c", "supervisord.conf", "-i",
                "supv-lyon");
        Files.createDirectories(supervisordCwd.resolve("logs"));
        TestFiles.write(supervisordCwd, "supervisord.conf", String.join("\n",
                "[supervisord]",
                "identifier = ignored",
                "environment = EXTRA=\"from supervisord\"",
                "[inet_http_server]",
                "port = 127.0.0.1:61000",
                "username = admin",
                "password = secret",
                "[supvisors]",
                "software_name = %(ENV_SITE)s / %(ENV_EXTRA)s",
                "logfile = %(ENV_LOGS)s/supvisors.log",
                "synchro_options = USER",
                "[program:app]",
                "command = x",
                "process_name = app_%(ENV_SITE)s",
                ""));

        SupervisordConfiguration configuration = loader(supv02).load(Optional.empty());

        assertThat(configuration.file()).isEqualTo(supervisordCwd.resolve("supervisord.conf"));
        assertThat(configuration.supervisordIdentifier()).isEqualTo("supv-lyon");
        assertThat(configuration.localIdentity()).isEqualTo(new InstanceIdentity("supv02:61000", "supv-lyon",
                "supv02", 61000));
        assertThat(configuration.http()).isEqualTo(new HttpServerSettings("127.0.0.1", 61000, Optional.of("admin"),
                Optional.of("secret")));
        assertThat(configuration.options().softwareName()).isEqualTo("lyon / from supervisord");
        assertThat(configuration.options().logfile()).contains(supervisordCwd.resolve("logs/supvisors.log")
                .toString());
        assertThat(configuration.layout().placementOf("app", "app_lyon")).contains(new ProcessPlacement("app", 0, 1));
        assertThat(configuration.agentPort()).isEqualTo(61002);
        assertThat(configuration.messages()).isEmpty();
    }

    @Test
    void a_configuration_without_inet_http_server_is_fatal() throws Exception {
        supervisordParent("supervisord", "-c", "supervisord.conf");
        TestFiles.write(supervisordCwd, "supervisord.conf", "[supervisord]\n[unix_http_server]\nfile=/tmp/s.sock\n");

        assertThatThrownBy(() -> loader(supv02).load(Optional.empty())).isInstanceOf(ConfigurationException.class)
                .hasMessage(supervisordCwd.resolve("supervisord.conf") + ": Supervisor MUST be configured using"
                        + " inet_http_server (no [inet_http_server] section in this file or the files it includes)");
    }

    @Test
    void the_layout_can_be_read_again_after_groups_are_added() throws Exception {
        Path file = TestFiles.write(dir, "supervisord.conf", "[supervisord]\n[inet_http_server]\nport = :60000\n"
                + "[supvisors]\nsynchro_options = USER\n[include]\nfiles = groups/*.ini\n");
        TestFiles.write(dir, "groups/a.ini", "[program:a]\ncommand = x\n");
        SupervisordConfigurationLoader loader = loader(supv02);
        SupervisordConfiguration configuration = loader.load(Optional.of(file));
        TestFiles.write(dir, "groups/b.ini", "[program:b]\ncommand = x\nnumprocs = 2\n"
                + "process_name = b%(process_num)d\n[group:bees]\nprograms = b\n");

        List<ConfigMessage> messages = new ArrayList<>();
        ProgramLayout layout = loader.reloadLayout(messages::add);

        assertThat(configuration.layout().placementOf("bees", "b1")).isEmpty();
        assertThat(layout.placementOf("bees", "b1")).contains(new ProcessPlacement("b", 1, 2));
        assertThat(layout.placementOf("a", "a")).contains(new ProcessPlacement("a", 0, 1));
        assertThat(messages).extracting(ConfigMessage::text).containsExactly(
                "Included extra file \"" + dir.resolve("groups/a.ini") + "\" during parsing",
                "Included extra file \"" + dir.resolve("groups/b.ini") + "\" during parsing");
    }

    @Test
    void the_layout_cannot_be_read_again_before_a_load() {
        assertThatThrownBy(() -> loader(supv02).reloadLayout(message -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reloadLayout needs a successful load first");
    }

    @Test
    void a_configuration_without_supervisord_section_is_a_warning() throws Exception {
        Path file = TestFiles.write(dir, "other.conf", "[inet_http_server]\nport = :60000\n[supvisors]\n"
                + "synchro_options = USER\n");

        SupervisordConfiguration configuration = loader(supv02).load(Optional.of(file));

        assertThat(configuration.messages()).containsExactly(ConfigMessage.warning(file + ": no [supervisord]"
                + " section: is it supervisord's configuration file?"));
        assertThat(configuration.localIdentity()).isEqualTo(new InstanceIdentity("supv02:60000", "supv02:60000",
                "supv02", 60000));
    }
}
