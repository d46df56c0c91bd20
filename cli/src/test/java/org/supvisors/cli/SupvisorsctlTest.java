package org.supvisors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code supvisorsctl} run in this JVM against a {@link PlayedAgent}: options, argument errors, exit statuses,
 * batch mode, credentials, JSON and completion; never a stack trace. The outputs of the commands against real agents
 * are the integration tests' (dist, {@code org.supvisors.dist.cli}).
 */
class SupvisorsctlTest {

    /** What one run printed, and its exit status. */
    record Run(int status, String out, String err) {
    }

    @TempDir
    Path directory;

    private final List<PlayedAgent> agents = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (PlayedAgent agent : agents) {
            agent.close();
        }
    }

    private PlayedAgent agent(Map<String, String> answers) throws IOException {
        PlayedAgent agent = new PlayedAgent(answers);
        agents.add(agent);
        return agent;
    }

    /** The agent of {@link CdsTraining}: version 0.19, one process {@code web:server} running. */
    private PlayedAgent agent() throws IOException {
        return agent(CdsTraining.ANSWERS);
    }

    private static Run withInput(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Supvisorsctl.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                err, Map.of(), null, false);
        Run run = new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(run.out + run.err).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        return run;
    }

    private static Run run(String... args) {
        return withInput("", args);
    }

    @Test
    void a_one_shot_command_prints_its_output_and_exits_with_its_status() throws Exception {
        PlayedAgent agent = agent();

        Run run = run("-s", agent.url(), "sstatus");

        assertThat(run).isEqualTo(new Run(0, """
                Application  Process  State       Expected  Supervisor
                web          server   RUNNING     n/a       ['node:60000']
                """, ""));
        assertThat(agent.calls()).containsExactly("supvisors.get_api_version", "supvisors.get_all_process_info");
    }

    @Test
    void bad_options_name_the_option_and_exit_2() throws Exception {
        assertThat(run("-x", "sstatus")).isEqualTo(new Run(2, "",
                "Error: Unknown option: '-x'\nFor help, use supvisorsctl -h\n"));
        assertThat(run("-s")).isEqualTo(new Run(2, "",
                "Error: Missing required parameter for option '--serverurl' (URL)\nFor help, use supvisorsctl -h\n"));
        assertThat(run("-s", "localhost:9003", "sstatus")).isEqualTo(new Run(2, "",
                "Error: value localhost:9003 is not a URL (expected: http://host:port)\n"
                        + "For help, use supvisorsctl -h\n"));
        Path missing = directory.resolve("missing.conf");
        assertThat(run("-c", missing.toString(), "sstatus")).isEqualTo(new Run(2, "",
                "Error: could not find config file " + missing + "\nFor help, use supvisorsctl -h\n"));
        Path bad = Files.writeString(directory.resolve("bad.conf"), "[supervisorctl]\nserverurl\n");
        assertThat(run("-c", bad.toString(), "sstatus")).isEqualTo(new Run(2, "",
                "Error: " + bad + ":2: serverurl (expected: key = value)\nFor help, use supvisorsctl -h\n"));
    }

    @Test
    void help_and_version_options_exit_0() {
        Run help = run("-h");
        assertThat(help.status).isZero();
        assertThat(help.out).startsWith("Usage: supvisorsctl [-hik] ").contains("-s, --serverurl=URL")
                .contains("--json").contains("-b, --batch=FILE");
        assertThat(run("--version")).isEqualTo(new Run(0, "supvisorsctl 0.19 (Supvisors for the JVM)\n", ""));
    }

    @Test
    void argument_errors_print_the_error_then_the_help_exit_2_and_call_nothing_but_the_version() throws Exception {
        PlayedAgent agent = agent();

        assertThat(run("-s", agent.url(), "conciliate")).isEqualTo(new Run(2,
                "ERROR: conciliate requires a strategy\nconciliate <strategy>\t\t\tConciliate process conflicts using"
                        + " strategy\n", ""));
        assertThat(run("-s", agent.url(), "start_application", "FAST", "web").out).startsWith(
                "ERROR: unknown strategy for start_application. use one of ['CONFIG', 'LESS_LOADED', 'MOST_LOADED',"
                        + " 'LOCAL', 'LESS_LOADED_NODE', 'MOST_LOADED_NODE']\nstart_application <strategy> <appli>");
        assertThat(run("-s", agent.url(), "enable_stats", "host", "Disk", "NET").out).startsWith(
                "ERROR: invalid statistics type disk\nERROR: invalid statistics type net\nenable_stats\t");
        assertThat(run("-s", agent.url(), "stats_period", "-1").out)
                .startsWith("ERROR: stats_period requires a strictly positive period\n");
        assertThat(run("-s", agent.url(), "stats_period").out).startsWith("ERROR: stats_period requires a period\n");
        assertThat(run("-s", agent.url(), "loglevel", "INFO").out).startsWith("ERROR: unknown level for Logger\n");
        assertThat(run("-s", agent.url(), "end_sync", "a", "b").out)
                .startsWith("ERROR: end_sync optionally takes one single Supvisors identifier\n");
        assertThat(run("-s", agent.url(), "update_numprocs", "web", "two").out)
                .startsWith("ERROR: numprocs must be a strictly positive integer\n");
        assertThat(run("-s", agent.url(), "start_process_args", "CONFIG", "web:server").out).startsWith(
                "ERROR: start_process_args requires a strategy, a program namespec and extra arguments\n");
        assertThat(run("-s", agent.url(), "restart_process", "NONE").out)
                .startsWith("ERROR: unknown strategy=NONE. use one of [");
        assertThat(run("-s", agent.url(), "test_start_process", "CONFIG").out)
                .startsWith("ERROR: test_start_process requires one strategy and one namespec\n");
        assertThat(run("-s", agent.url(), "all_start").status).isEqualTo(2);

        assertThat(agent.calls()).containsOnly("supvisors.get_api_version");
    }

    @Test
    void the_version_check_gives_the_statuses_of_cli_md() throws Exception {
        Map<String, String> old = new HashMap<>(CdsTraining.ANSWERS);
        old.put("supvisors.get_api_version", PlayedAgent.value("<string>0.18</string>"));
        PlayedAgent oldAgent = agent(old);
        PlayedAgent bare = agent(Map.of());
        String closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }

        assertThat(run("-s", oldAgent.url(), "sstatus")).isEqualTo(new Run(5, "ERROR: this version of supvisorsctl"
                + " expects to talk to a server with API version 0.19, but the remote version is 0.18.\n", ""));
        assertThat(run("-s", bare.url(), "master")).isEqualTo(new Run(3, "ERROR: supervisord responded but did not"
                + " recognize the supvisors namespace commands that supervisorstl uses to control it. Please check"
                + " that the [rpcinterface:supvisors] section is enabled in the configuration file.\n", ""));
        assertThat(run("-s", closed, "sstatus")).isEqualTo(new Run(4, "ERROR: " + closed + " refused connection\n",
                ""));
        assertThat(run("-s", closed, "status")).isEqualTo(new Run(4, closed + " refused connection\n", ""));
        assertThat(run("-s", "unix:///nonexistent/supervisor.sock", "sstate"))
                .isEqualTo(new Run(7, "ERROR: unix:///nonexistent/supervisor.sock no such file\n", ""));
    }

    @Test
    void an_unknown_command_exits_1() throws Exception {
        assertThat(run("-s", agent().url(), "frobnicate", "x"))
                .isEqualTo(new Run(1, "*** Unknown syntax: frobnicate x\n", ""));
    }

    @Test
    void json_output_is_the_raw_structures_and_problems_go_to_the_standard_error() throws Exception {
        PlayedAgent agent = agent();

        Run run = run("-s", agent.url(), "--json", "sstatus");
        Run inline = run("-s", agent.url(), "sstatus", "--json");

        assertThat(run.status).isZero();
        assertThat(run.out)
                .startsWith("[\n  {\n    \"application_name\": \"web\",\n    \"process_name\": \"server\",\n")
                .contains("    \"expected_exit\": true,\n").contains("    \"now_monotonic\": 12.5,\n")
                .contains("    \"identifiers\": [\n      \"node:60000\"\n    ],\n").endsWith("  }\n]\n");
        assertThat(inline).isEqualTo(run);

        Map<String, String> answers = new HashMap<>(CdsTraining.ANSWERS);
        answers.put("supvisors.get_process_info", PlayedAgent.fault(10, "BAD_NAME: application=nope unknown"));
        Run nope = run("-s", agent(answers).url(), "--json", "sstatus", "nope:x");
        assertThat(nope).isEqualTo(new Run(1, "[]\n", "nope:x: ERROR (BAD_NAME: application=nope unknown)\n"));
    }

    @Test
    void credentials_are_sent_and_a_refusal_is_said_once_in_one_shot() throws Exception {
        PlayedAgent agent = agent();
        agent.requireCredentials("user", "secret");

        assertThat(run("-s", agent.url(), "sversion")).isEqualTo(new Run(1, "Server requires authentication\n", ""));
        assertThat(run("-s", agent.url(), "-u", "user", "-p", "secret", "sversion"))
                .isEqualTo(new Run(0, "0.19\n", ""));
        Path conf = Files.writeString(directory.resolve("supervisord.conf"), "[supervisorctl]\nserverurl = "
                + agent.url() + "\nusername = user\npassword = secret\n");
        assertThat(run("-c", conf.toString(), "sversion")).isEqualTo(new Run(0, "0.19\n", ""));
    }

    @Test
    void a_batch_stops_at_the_first_failing_line_unless_told_to_keep_going() throws Exception {
        PlayedAgent agent = agent();
        Path batch = Files.writeString(directory.resolve("commands.txt"),
                "# a comment, then a blank line\n\nsversion\nconciliate\nsversion\n");

        Run stopped = run("-s", agent.url(), "-b", batch.toString());
        Run kept = run("-s", agent.url(), "--keep-going", "-b", batch.toString());
        Run piped = withInput("sversion\nquit\nnonsense\n", "-s", agent.url());
        Run dash = withInput("nonsense\nsversion\n", "-s", agent.url(), "-b", "-");

        assertThat(stopped.status).isEqualTo(2);
        assertThat(stopped.out).startsWith("0.19\nERROR: conciliate requires a strategy\n").doesNotContain("\n0.19\n");
        assertThat(stopped.err).isEqualTo("supvisorsctl: " + batch + ":4: conciliate: exit status 2, stopping"
                + " (--keep-going to go on)\n");
        assertThat(kept.status).isEqualTo(2);
        assertThat(kept.out).startsWith("0.19\nERROR: conciliate requires a strategy\n").endsWith("\n0.19\n");
        assertThat(kept.err).isEmpty();
        assertThat(piped).as("commands on a standard input that is not a terminal; quit ends them")
                .isEqualTo(new Run(0, "0.19\n\n", ""));
        assertThat(dash).isEqualTo(new Run(1, "*** Unknown syntax: nonsense\n", "supvisorsctl: <stdin>:1: nonsense:"
                + " exit status 1, stopping (--keep-going to go on)\n"));
        Path missing = directory.resolve("missing.txt");
        assertThat(run("-s", agent.url(), "-b", missing.toString()).err)
                .startsWith("Error: could not read batch file " + missing + ": ");
    }

    @Test
    void completion_scripts_and_candidates() throws Exception {
        PlayedAgent agent = agent();

        Run bash = run("completion", "bash");
        Run zsh = run("completion", "zsh");
        Run fish = run("completion", "fish");
        Run names = run("-s", agent.url(), "_complete", "web:", "sstatus");
        Run commands = run("-s", agent.url(), "_complete", "sst");
        Run strategies = run("-s", agent.url(), "_complete", "LESS", "start_application");

        assertThat(bash.status).isZero();
        assertThat(bash.out).contains("complete -F _supvisorsctl supvisorsctl").contains(" sstatus ")
                .contains("_complete");
        assertThat(zsh.status).isZero();
        assertThat(zsh.out).startsWith("#compdef supvisorsctl").contains(" sstatus ");
        assertThat(fish.status).isEqualTo(2);
        assertThat(fish.err).startsWith("Error: completion requires one shell: bash or zsh\n");
        assertThat(names).isEqualTo(new Run(0, "web:server\nweb:*\n", ""));
        assertThat(commands).isEqualTo(new Run(0, "sstate\nsstatus\n", ""));
        assertThat(strategies).isEqualTo(new Run(0, "LESS_LOADED\nLESS_LOADED_NODE\n", ""));
    }
}
