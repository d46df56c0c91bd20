package org.supvisors.dist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/**
 * {@code bin/supvisorsctl} of the distribution as users run it, against the real agents of {@link CliCluster}: one
 * shot (same output as in-process), {@code -c FILE}, errors and exit statuses, batch from a pipe, {@code tail -f},
 * the bash completion script, and the interactive prompt driven through a pseudo-terminal (tmux) for completion
 * and history.
 */
class CliLauncherIT {

    private static final Path LAUNCHER = TestingAgent.HOME.resolve("bin/supvisorsctl");
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final CliCluster cluster = CliCluster.of("cli-launcher");

    /** What a run of the launcher printed, and its exit status. */
    private record Run(int status, String out, String err) {
    }

    private static Run launch(String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Path directory = Files.createDirectories(Paths.get("target", "it-cli"));
        Path out = Files.createTempFile(directory, "out", ".txt");
        Path err = Files.createTempFile(directory, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end within " + LIMIT);
        }
        Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        assertThat(run.out + run.err).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        return run;
    }

    @Test
    void a_one_shot_command_prints_what_it_prints_in_process_and_c_finds_the_agent_from_the_file() throws Exception {
        Run launched = launch("", "-s", cluster.agentUrl("A"), "sstatus");
        Transcript.Output inProcess = cluster.run("A", "sstatus");

        assertThat(launched).isEqualTo(new Run(inProcess.status(), inProcess.out(), inProcess.err()));
        assertThat(launched.out).startsWith("Application  Process   State       Expected  Supervisor\n");
        Path configuration = cluster.agent("A").supervisord().configuration();
        assertThat(launch("", "-c", configuration.toString(), "master"))
                .as("[supervisorctl] serverurl + the agent port offset of [supvisors]")
                .isEqualTo(new Run(0, "Nick identifier: A\nIdentifier:      " + cluster.agent("A").identifier()
                        + "\n", ""));
    }

    @Test
    void errors_give_a_message_and_the_exit_status_never_a_stack_trace() throws Exception {
        String closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }

        assertThat(launch("", "--bogus", "sstatus")).isEqualTo(new Run(2, "",
                "Error: Unknown option: '--bogus'\nFor help, use supvisorsctl -h\n"));
        assertThat(launch("", "-s", closed, "sstatus"))
                .isEqualTo(new Run(4, "ERROR: " + closed + " refused connection\n", ""));
        assertThat(launch("", "-s", cluster.agentUrl("A"), "start_application", "FAST").status).isEqualTo(2);
        assertThat(launch("", "-s", cluster.agentUrl("A"), "sstatus", "nope:x"))
                .isEqualTo(new Run(1, "nope:x: ERROR (BAD_NAME: application=nope unknown to Supvisors)\n", ""));
    }

    @Test
    void a_batch_from_a_pipe_stops_at_the_first_error_unless_told_to_keep_going() throws Exception {
        String commands = "sversion\nconciliate NOPE\nmaster\n";

        Run stopped = launch(commands, "-s", cluster.agentUrl("B"), "-b", "-");
        Run kept = launch(commands, "-s", cluster.agentUrl("B"), "-k");

        assertThat(stopped.status).isEqualTo(2);
        assertThat(stopped.out).startsWith("0.19\nERROR: unknown strategy for conciliate.").doesNotContain("Nick");
        assertThat(stopped.err).isEqualTo("supvisorsctl: <stdin>:2: conciliate NOPE: exit status 2, stopping"
                + " (--keep-going to go on)\n");
        assertThat(kept.status).isEqualTo(2);
        assertThat(kept.out).startsWith("0.19\nERROR: unknown strategy for conciliate.")
                .endsWith("Nick identifier: A\nIdentifier:      " + cluster.agent("A").identifier() + "\n");
    }

    @Test
    void tail_f_follows_the_log_until_interrupted_and_maintail_reads_supervisord_s() throws Exception {
        assertThat(cluster.run("A", "start", "tools:talker").out()).isEqualTo("tools:talker: started\n");
        Process tail = new ProcessBuilder(LAUNCHER.toString(), "-s", cluster.agentUrl("A"), "tail", "-f",
                "tools:talker").redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(tail.getInputStream(),
                    StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException e) {
                // the end of the process ends the reading
            }
        }, "tail-f-reader");
        reader.start();
        try {
            Await.until(LIMIT, () -> assertThat(lines).contains("talker says hello"));
            assertThat(lines.get(0)).isEqualTo("==> Press Ctrl-C to exit <==");
            assertThat(tail.isAlive()).as("still following").isTrue();
        } finally {
            tail.destroy();
            tail.waitFor(10, TimeUnit.SECONDS);
            cluster.run("A", "stop", "tools:talker");
        }
        Transcript.Output maintail = cluster.run("A", "maintail", "-2000");
        assertThat(maintail.status()).isZero();
        assertThat(maintail.out()).contains("spawned: 'talker'");
    }

    @Test
    void the_bash_completion_script_completes_commands_and_names_asked_to_the_agent() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Paths.get("/bin/bash")), "bash needed");
        Path script = Paths.get("target", "it-cli", "supvisorsctl.bash").toAbsolutePath();
        Files.writeString(script, launch("", "completion", "bash").out);
        String prefix = LAUNCHER + " -s " + cluster.agentUrl("A") + " ";

        assertThat(complete(script, prefix + "sstat")).isEqualTo("sstate sstatus");
        assertThat(complete(script, prefix + "start_application LESS")).isEqualTo("LESS_LOADED LESS_LOADED_NODE");
        assertThat(complete(script, prefix + "sstatus tools:t")).as("after the ':' as bash splits words")
                .isEqualTo("talker");
    }

    /** What the bash completion function offers for {@code line}, cursor at its end. */
    private static String complete(Path script, String line) throws Exception {
        Process bash = new ProcessBuilder("/bin/bash", "-c", "source \"$0\"; COMP_LINE=\"$1\"; COMP_POINT=${#1};"
                + " _supvisorsctl; echo \"${COMPREPLY[*]}\"", script.toString(), line).redirectErrorStream(true)
                .start();
        String text = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(bash.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return text;
    }

    @Test
    void the_interactive_prompt_completes_names_and_keeps_its_history() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Paths.get("/usr/bin/tmux")), "tmux needed for a terminal");
        Path history = Paths.get("target", "it-cli", "history-" + ProcessHandle.current().pid() + ".txt")
                .toAbsolutePath();
        Files.deleteIfExists(history);
        String prompt = LAUNCHER + " -s " + cluster.agentUrl("A") + " -r " + history;
        try (Terminal terminal = Terminal.start("cli-it-" + ProcessHandle.current().pid(), prompt)) {
            terminal.await("supervisor>\n");
            terminal.keys("sstatu", "Tab");
            terminal.await("supervisor> sstatus\n");
            terminal.keys("tools:ta", "Tab");
            terminal.await("supervisor> sstatus tools:talker\n");
            terminal.keys("Enter");
            terminal.await("tools        talker   STOPPED     n/a       []");
            terminal.keys("quit", "Enter");
            Await.until(LIMIT, () -> assertThat(terminal.isOpen()).as("the prompt ended").isFalse());
        }
        Await.until(LIMIT, () -> assertThat(Files.readAllLines(history))
                .anyMatch(l -> l.endsWith("sstatus tools:talker")).anyMatch(l -> l.endsWith("quit")));

        try (Terminal terminal = Terminal.start("cli-it-" + ProcessHandle.current().pid() + "-2", prompt)) {
            terminal.await("supervisor>\n");
            terminal.keys("Up", "Up");
            terminal.await("supervisor> sstatus tools:talker\n");
            terminal.keys("C-u", "sversion", "Enter");
            terminal.await("\n0.19\nsupervisor>\n");
            terminal.keys("C-d");
            Await.until(LIMIT, () -> assertThat(terminal.isOpen()).as("Ctrl-D ended the prompt").isFalse());
        }
    }

    /**
     * A program in a pseudo-terminal: a detached session of a private tmux server (its own socket in a new temporary
     * folder, short enough for a socket path; the server ended and the folder removed at close), driven by keys and
     * read from the screen.
     */
    private static final class Terminal implements AutoCloseable {
        private final String socket;

        private Terminal(String socket) {
            this.socket = socket;
        }

        static Terminal start(String name, String command) throws Exception {
            Terminal terminal = new Terminal(Files.createTempDirectory(name).resolve("tmux").toString());
            terminal.tmux("new-session", "-d", "-x", "150", "-y", "50", command + "; sleep 0.1");
            return terminal;
        }

        void keys(String... keys) throws Exception {
            List<String> args = new ArrayList<>(List.of("send-keys", "-t", "0"));
            args.addAll(List.of(keys));
            tmux(args.toArray(String[]::new));
        }

        /** Waits until the screen shows {@code text} (its lines without their trailing spaces). */
        void await(String text) {
            Await.until(LIMIT, () -> assertThat(screen()).contains(text));
        }

        String screen() throws Exception {
            return tmux("capture-pane", "-p", "-t", "0").lines().map(String::stripTrailing)
                    .reduce("", (a, b) -> a + b + "\n");
        }

        boolean isOpen() throws Exception {
            Process process = new ProcessBuilder("tmux", "-S", socket, "has-session", "-t", "0")
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
            return process.exitValue() == 0;
        }

        private String tmux(String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of("tmux", "-S", socket, "-f", "/dev/null"));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            if (process.exitValue() != 0) {
                throw new IOException(command + ": " + text);
            }
            return text;
        }

        @Override
        public void close() throws Exception {
            Process process = new ProcessBuilder("tmux", "-S", socket, "kill-server").redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
            Files.deleteIfExists(Paths.get(socket));
            Files.deleteIfExists(Paths.get(socket).getParent());
        }
    }
}
