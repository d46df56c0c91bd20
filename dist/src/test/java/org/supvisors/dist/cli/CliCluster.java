package org.supvisors.dist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.supvisors.cli.Supvisorsctl;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;
import org.supvisors.dist.testing.TestingCluster;

/**
 * Two instances A and B on loopback for the command-line tests of a class ({@code @RegisterExtension static}),
 * started before its tests and closed after them, in a known state once {@link #beforeAll} returns: OPERATION, A the
 * Master, {@code db:db} running on A, {@code batch:broken} FATAL, nothing else running.
 *
 * <ul>
 *     <li>{@code db} (managed, started at DISTRIBUTION): {@code db} on A, loading 20, required;</li>
 *     <li>{@code web} (managed, not started, LESS_LOADED): {@code front} on B (loading 10), {@code back} anywhere
 *     (loading 5) after it;</li>
 *     <li>{@code batch} (managed, started after {@code db}): {@code broken} on B, required, which exits at once:
 *     FATAL, the application in major failure;</li>
 *     <li>{@code pool} (managed, not started): {@code worker_0}, a homogeneous program whose numprocs may change;</li>
 *     <li>{@code tools} (unmanaged): {@code probe}, started by {@code supvisors-launch} (extra arguments allowed),
 *     which prints {@code probe says hello} and its arguments, then sleeps; {@code talker}, which prints
 *     {@code talker says hello} then sleeps.</li>
 * </ul>
 * Every other process stops at once (SIGKILL) and needs no start time ({@code startsecs = 0}). No statistics are
 * collected ({@code stats_enabled = OFF}).
 */
final class CliCluster implements BeforeAllCallback, AfterAllCallback {

    static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(60);
    static final Duration PROGRESS = Duration.ofSeconds(20);
    static final List<String> NICKS = List.of("A", "B");

    static final String RULES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <root>
                <application name="db">
                    <start_sequence>1</start_sequence>
                    <stop_sequence>2</stop_sequence>
                    <programs>
                        <program name="db"><identifiers>A</identifiers><start_sequence>1</start_sequence>
                            <required>true</required><expected_loading>20</expected_loading></program>
                    </programs>
                </application>
                <application name="web">
                    <starting_strategy>LESS_LOADED</starting_strategy>
                    <stop_sequence>1</stop_sequence>
                    <programs>
                        <program name="front"><identifiers>B</identifiers><start_sequence>1</start_sequence>
                            <expected_loading>10</expected_loading></program>
                        <program name="back"><start_sequence>2</start_sequence><stop_sequence>1</stop_sequence>
                            <expected_loading>5</expected_loading></program>
                    </programs>
                </application>
                <application name="batch">
                    <start_sequence>2</start_sequence>
                    <programs>
                        <program name="broken"><identifiers>B</identifiers><start_sequence>1</start_sequence>
                            <required>true</required></program>
                    </programs>
                </application>
                <application name="pool">
                    <programs>
                        <program pattern="worker_"><expected_loading>1</expected_loading></program>
                    </programs>
                </application>
            </root>
            """;

    private static final String KILLED = "stopsignal = KILL";
    private static final String LAUNCHER = TestingAgent.HOME.resolve("bin/supvisors-launch").toString();

    private final String name;
    private TestingCluster cluster;

    private CliCluster(String name) {
        this.name = name;
    }

    static CliCluster of(String name) {
        return new CliCluster(name);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path rules = Paths.get("target", "it-cli", name + "-" + ProcessHandle.current().pid() + ".xml")
                .toAbsolutePath();
        Files.createDirectories(rules.getParent());
        Files.writeString(rules, RULES);
        cluster = TestingCluster.of(name, NICKS, b -> b
                .option("synchro_options", "STRICT")
                .option("stats_enabled", "OFF")
                .option("rules_files", rules.toString())
                .section("[include]\nfiles = supvisors-numprocs.conf\n")
                .program("db", "/bin/sleep 1000", "startsecs = 0", "autorestart = false", KILLED)
                .program("front", "/bin/sleep 1000", "startsecs = 0", "autorestart = false", KILLED)
                .program("back", "/bin/sleep 1000", "startsecs = 0", "autorestart = false", KILLED)
                .program("probe", LAUNCHER + " /bin/sh -c 'echo probe says hello \"$@\"; exec /bin/sleep 1000' probe",
                        "startsecs = 0", "autorestart = false", KILLED)
                .program("talker", "/bin/sh -c 'echo talker says hello; exec /bin/sleep 1000'", "startsecs = 0",
                        "autorestart = false", KILLED)
                .program("broken", "/bin/sh -c 'exit 3'", "startsecs = 1", "startretries = 0", "autorestart = false")
                .section("[program:worker]\ncommand = /bin/sleep 1000\n"
                        + "process_name = %(program_name)s_%(process_num)d\nnumprocs = 1\nautostart = false\n"
                        + "startsecs = 0\nautorestart = false\n" + KILLED + "\n")
                .section("[group:db]\nprograms = db\n")
                .section("[group:web]\nprograms = front,back\n")
                .section("[group:batch]\nprograms = broken\n")
                .section("[group:pool]\nprograms = worker\n")
                .section("[group:tools]\nprograms = probe,talker\n"));
        cluster.startAll().awaitOperation(OPERATION_TIMEOUT);
        Await.until(PROGRESS, () -> {
            for (TestingAgent agent : cluster.started()) {
                assertThat(agent.processState("db:db")).as("db:db seen by " + agent.identifier())
                        .isEqualTo("RUNNING");
                assertThat(agent.processState("batch:broken")).as("batch:broken seen by " + agent.identifier())
                        .isEqualTo("FATAL");
                assertThat(agent.struct("supvisors.get_master_identifier").get("identifier"))
                        .isEqualTo(cluster.identifier(0));
            }
        });
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
    }

    TestingCluster cluster() {
        return cluster;
    }

    TestingAgent agent(String nick) {
        return cluster.agent(NICKS.indexOf(nick));
    }

    String agentUrl(String nick) {
        return agent(nick).agentUrl();
    }

    /**
     * The ports of the cluster replaced by names of the same width: {@code PORTA} for A's supervisord,
     * {@code AGNTA} for its agent...; in supervisorctl's {@code status}, the uptimes by {@code H:MM:SS} and the
     * stop dates by {@code Mon D H:MM XM}.
     */
    String normalize(String text) {
        String result = text;
        for (int i = 0; i < NICKS.size(); i++) {
            int port = cluster.port(i);
            assertThat(Integer.toString(port)).as("5-digit ports keep the widths").hasSize(5);
            result = result.replaceAll("(?<!\\d)" + port + "(?!\\d)", "PORT" + NICKS.get(i))
                    .replaceAll("(?<!\\d)" + (port + 1) + "(?!\\d)", "PEER" + NICKS.get(i))
                    .replaceAll("(?<!\\d)" + (port + 2) + "(?!\\d)", "AGNT" + NICKS.get(i));
        }
        return result.replaceAll("pid \\d+, uptime \\d+:\\d\\d:\\d\\d", "pid N, uptime H:MM:SS")
                .replaceAll("(?m)[A-Z][a-z]{2} \\d{1,2} \\d{1,2}:\\d\\d [AP]M$", "Mon D H:MM XM");
    }

    /** Runs {@code supvisorsctl -s <agent of nick> <words>} in this JVM, standard input empty. */
    Transcript.Output run(String nick, String... words) {
        List<String> args = new ArrayList<>(List.of("-s", agentUrl(nick)));
        args.addAll(List.of(words));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Supvisorsctl.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), out, err,
                Map.of(), null, false);
        return new Transcript.Output(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                status);
    }

    /**
     * Plays a transcript against this cluster and returns {@code {expected, actual}}; an {@code [until]} entry is run
     * again until it prints what is expected, within {@link #PROGRESS} (also with {@code -Dgolden.update=true}: an
     * {@code [until]} entry's output is written by hand, then checked by the update run).
     */
    String[] play(String file) {
        Transcript transcript = Transcript.load(file);
        String actual = transcript.play(entry -> {
            String[] words = entry.command().isEmpty() ? new String[0] : entry.command().split("\\s+");
            String[] rendered = {Transcript.render(entry, run(entry.on(), words), this::normalize)};
            if (entry.until()) {
                try {
                    Await.until(PROGRESS, () -> {
                        if (!rendered[0].equals(entry.expected())) {
                            rendered[0] = Transcript.render(entry, run(entry.on(), words), this::normalize);
                            assertThat(rendered[0]).isEqualTo(entry.expected());
                        }
                    });
                } catch (AssertionError late) {
                    // the transcript's comparison shows the last output
                }
            }
            return rendered[0];
        });
        return new String[] {transcript.expected(), actual};
    }
}
