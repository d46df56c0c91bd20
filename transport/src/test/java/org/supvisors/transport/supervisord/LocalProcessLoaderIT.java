package org.supvisors.transport.supervisord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.supervisor.LocalProcess;
import org.supvisors.core.testing.Await;
import org.supvisors.transport.config.HttpServerSettings;
import org.supvisors.transport.config.ProcessPlacement;
import org.supvisors.transport.config.ProgramLayout;
import org.supvisors.transport.testing.TestingSupervisord;

/** Processes in every situation on a real supervisord, read as LocalProcess records. */
class LocalProcessLoaderIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ProgramLayout LAYOUT = (group, process) -> process.startsWith("multi_")
            ? Optional.of(new ProcessPlacement("multi", Integer.parseInt(process.substring(6)), 2))
            : Optional.empty();

    private static TestingSupervisord supervisord;
    private static SupervisordClient client;
    private static LocalProcessLoader loader;

    @BeforeAll
    static void start() {
        XmlRpcHardening.install();
        supervisord = TestingSupervisord.builder("loader")
                .program("running", "/bin/sleep 1000", "autostart = true", "startsecs = 0", "stopwaitsecs = 7")
                .program("stopped", "/bin/sleep 1000")
                .program("exited_ok", "/bin/sh -c 'exit 2'", "autostart = true", "startsecs = 0",
                        "autorestart = false", "exitcodes = 0,2")
                .program("exited_bad", "/bin/sh -c 'exit 3'", "autostart = true", "startsecs = 0",
                        "autorestart = false")
                .program("fatal", "/nonexistent/program", "autostart = true", "startretries = 0")
                .program("multi", "/bin/sleep 1000", "numprocs = 2", "process_name = %(program_name)s_%(process_num)d")
                .program("quiet", "/bin/sleep 1000", "stdout_logfile = NONE", "stderr_logfile = NONE")
                .program("redirected", "/bin/sleep 1000", "redirect_stderr = true")
                .program("syslogged", "/bin/sleep 1000", "stdout_logfile = syslog")
                .program("logged", "/bin/sleep 1000", "stdout_logfile = %(test_dir)s/logged.out",
                        "stderr_logfile = %(test_dir)s/logged.err")
                .section("[eventlistener:supvisors]\ncommand = /bin/sleep 1000\nevents = TICK_5\n")
                .build().start();
        client = new SupervisordClient(new HttpServerSettings("127.0.0.1", supervisord.httpPort(), Optional.empty(),
                Optional.empty()));
        loader = new LocalProcessLoader(client, LAYOUT,
                (group, process) -> process.equals("running") ? Optional.of("true") : Optional.empty(),
                Optional.of("supvisors"));
        Await.until(TIMEOUT, () -> assertThat(byName(loader.loadAll()))
                .hasEntrySatisfying("running", p -> assertThat(p.state()).isEqualTo(ProcessState.RUNNING))
                .hasEntrySatisfying("exited_ok", p -> assertThat(p.state()).isEqualTo(ProcessState.EXITED))
                .hasEntrySatisfying("exited_bad", p -> assertThat(p.state()).isEqualTo(ProcessState.EXITED))
                .hasEntrySatisfying("fatal", p -> assertThat(p.state()).isEqualTo(ProcessState.FATAL)));
    }

    @AfterAll
    static void stop() {
        if (supervisord != null) {
            supervisord.close();
        }
    }

    @Test
    void the_agent_itself_is_left_out_and_every_other_process_is_read() throws Exception {
        assertThat(loader.loadAll()).extracting(LocalProcess::namespec).containsExactlyInAnyOrder("running", "stopped",
                "exited_ok", "exited_bad", "fatal", "multi:multi_0", "multi:multi_1", "quiet", "redirected",
                "syslogged", "logged");
        assertThat(client.getAllProcessInfo()).extracting(ProcessInfo::namespec).contains("supvisors");
        assertThat(loader.load("supvisors", "supvisors")).isEmpty();
    }

    @Test
    void a_running_process_has_a_pid_its_options_and_is_expected() throws Exception {
        LocalProcess running = byName(loader.loadAll()).get("running");
        assertThat(running.pid()).isPositive();
        assertThat(running.start()).isPositive();
        assertThat(running.stop()).isZero();
        assertThat(running.now()).isGreaterThanOrEqualTo(running.start());
        assertThat(running.description()).startsWith("pid " + running.pid());
        assertThat(running.expected()).isTrue();
        assertThat(running.startsecs()).isZero();
        assertThat(running.stopwaitsecs()).isEqualTo(7);
        assertThat(running.autorestart()).isEqualTo("true");
        assertThat(running.programName()).isEqualTo("running");
        assertThat(running.processIndex()).isZero();
        assertThat(running.hasStdout()).isTrue();
        assertThat(running.hasStderr()).isTrue();
    }

    @Test
    void a_process_never_started_is_stopped_and_expected() throws Exception {
        LocalProcess stopped = loader.load("stopped", "stopped").orElseThrow();
        assertThat(stopped.state()).isEqualTo(ProcessState.STOPPED);
        assertThat(stopped.start()).isZero();
        assertThat(stopped.description()).isEqualTo("Not started");
        assertThat(stopped.expected()).isTrue();
        assertThat(stopped.startsecs()).isEqualTo(1);
        assertThat(stopped.stopwaitsecs()).isEqualTo(10);
        assertThat(stopped.autorestart()).isEqualTo("unexpected");
    }

    @Test
    void an_exit_is_expected_when_its_status_is_among_the_exitcodes() throws Exception {
        Map<String, LocalProcess> processes = byName(loader.loadAll());
        assertThat(processes.get("exited_ok").exitstatus()).isEqualTo(2);
        assertThat(processes.get("exited_ok").expected()).isTrue();
        assertThat(processes.get("exited_ok").stop()).isPositive();
        assertThat(processes.get("exited_bad").exitstatus()).isEqualTo(3);
        assertThat(processes.get("exited_bad").expected()).isFalse();
    }

    @Test
    void a_fatal_process_carries_its_spawn_error_and_is_not_expected() throws Exception {
        LocalProcess fatal = loader.load("fatal", "fatal").orElseThrow();
        assertThat(fatal.state()).isEqualTo(ProcessState.FATAL);
        assertThat(fatal.spawnerr()).isEqualTo("can't find command '/nonexistent/program'");
        assertThat(fatal.description()).isEqualTo(fatal.spawnerr());
        assertThat(fatal.expected()).isFalse();
        assertThat(fatal.exitstatus()).isZero();
    }

    @Test
    void numprocs_processes_take_program_name_and_index_from_the_layout() throws Exception {
        assertThat(loader.loadAll()).filteredOn(p -> p.group().equals("multi"))
                .extracting(LocalProcess::name, LocalProcess::programName, LocalProcess::processIndex)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("multi_0", "multi", 0),
                        org.assertj.core.groups.Tuple.tuple("multi_1", "multi", 1));
        assertThat(loader.load("multi", "multi_1")).get().extracting(LocalProcess::processIndex).isEqualTo(1);
    }

    @Test
    void log_files_exist_unless_none_syslog_or_redirected() throws Exception {
        Map<String, LocalProcess> processes = byName(loader.loadAll());
        assertThat(processes.get("quiet")).extracting(LocalProcess::hasStdout, LocalProcess::hasStderr)
                .containsExactly(false, false);
        assertThat(processes.get("redirected")).extracting(LocalProcess::hasStdout, LocalProcess::hasStderr)
                .containsExactly(true, false);
        assertThat(processes.get("syslogged")).extracting(LocalProcess::hasStdout, LocalProcess::hasStderr)
                .containsExactly(false, true);
        assertThat(processes.get("logged")).extracting(LocalProcess::hasStdout, LocalProcess::hasStderr)
                .containsExactly(true, true);
    }

    @Test
    void get_all_config_info_says_none_for_no_log_file_and_a_path_for_auto() throws Exception {
        Map<String, ProcessConfigInfo> configs = client.getAllConfigInfo().stream()
                .collect(Collectors.toMap(ProcessConfigInfo::name, Function.identity()));
        assertThat(configs.get("quiet").stdoutLogfile()).isEqualTo("none");
        assertThat(configs.get("syslogged").stdoutLogfile()).isEqualTo("none");
        assertThat(configs.get("syslogged").stdoutSyslog()).isTrue();
        assertThat(configs.get("redirected").stderrLogfile()).isEqualTo("none");
        assertThat(configs.get("logged").stdoutLogfile()).isEqualTo(supervisord.directory().resolve("logged.out")
                .toString());
        assertThat(configs.get("running").stdoutLogfile()).startsWith(supervisord.directory() + "/running-stdout---supervisor-");
        assertThat(configs.get("exited_ok").exitcodes()).containsExactly(0, 2);
        assertThat(configs.values()).allSatisfy(config -> {
            assertThat(config.hasStdoutLog()).isEqualTo(!config.stdoutLogfile().equals("none"));
            assertThat(config.raw()).doesNotContainKey("autorestart").containsKeys("directory", "uid", "killasgroup");
        });
    }

    @Test
    void an_unknown_process_loads_as_nothing() throws Exception {
        assertThat(loader.load("nope", "nope")).isEmpty();
    }

    @Test
    void the_agent_namespec_comes_from_the_environment_supervisord_sets() {
        assertThat(LocalProcessLoader.agentNamespec(Map.of("SUPERVISOR_GROUP_NAME", "supvisors",
                "SUPERVISOR_PROCESS_NAME", "supvisors"))).contains("supvisors");
        assertThat(LocalProcessLoader.agentNamespec(Map.of("SUPERVISOR_GROUP_NAME", "agents",
                "SUPERVISOR_PROCESS_NAME", "supvisors_0"))).contains("agents:supvisors_0");
        assertThat(LocalProcessLoader.agentNamespec(Map.of())).isEmpty();
    }

    private static Map<String, LocalProcess> byName(List<LocalProcess> processes) {
        return processes.stream().collect(Collectors.toMap(LocalProcess::name, Function.identity()));
    }
}
