package org.supvisors.dist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supvisors.client.SupvisorsClient;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/**
 * Every command of cli.md and supervisorctl's standard ones, one-shot, run in this JVM against the real agents of
 * {@link CliCluster}, their output compared with golden transcripts ({@link Transcript}): the status commands on the
 * known state, the argument errors and faults, the Supvisors control commands, the standard commands, then the
 * shut-down of the cluster; and the JSON of the status commands parsed back by another parser (Python's).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliGoldenIT {

    @RegisterExtension
    static final CliCluster cluster = CliCluster.of("cli-golden");

    private static void check(String transcript) {
        String[] played = cluster.play(transcript);
        assertThat(played[1]).as(transcript + " (expected: the file; -Dgolden.update=true rewrites it)")
                .isEqualTo(played[0]);
    }

    @Test
    @Order(1)
    void status_commands_on_the_known_state() {
        check("status.txt");
    }

    @Test
    @Order(2)
    void json_of_the_status_commands_is_the_structures_of_the_api() throws Exception {
        try (SupvisorsClient client = SupvisorsClient.builder(cluster.agentUrl("A")).build()) {
            assertThat(python("--json sstatus", "[f\"{p['application_name']}:{p['process_name']} {p['statename']}"
                    + " {','.join(p['identifiers'])} {p['expected_exit']}\" for p in d]"))
                    .isEqualTo(client.supvisors().getAllProcessInfo().stream()
                            .map(p -> p.applicationName() + ":" + p.processName() + " " + p.state().name() + " "
                                    + String.join(",", p.identifiers()) + " " + (p.expectedExit() ? "True" : "False"))
                            .collect(Collectors.toList()));
            assertThat(python("--json instance_status", "[f\"{i['identifier']} {i['statename']} {i['loading']}\""
                    + " for i in d]")).isEqualTo(client.supvisors().getAllInstancesInfo().stream()
                    .map(i -> i.identifier() + " " + i.state().name() + " " + i.loading())
                    .collect(Collectors.toList()));
            assertThat(python("sstate --json", "[d['fsm_statename'], str(d['starting_jobs'])]"))
                    .containsExactly("OPERATION", "[]");
            assertThat(python("--json master", "[d['identifier']]"))
                    .containsExactly(cluster.agent("A").identifier());
        }
    }

    @Test
    @Order(3)
    void argument_errors_and_faults() {
        check("errors.txt");
    }

    @Test
    @Order(4)
    void supvisors_control_commands() {
        check("control.txt");
    }

    @Test
    @Order(5)
    void statistics_commands() throws Exception {
        Assumptions.assumeTrue(Arrays.asList((Object[]) cluster.agent("A").call("system.listMethods"))
                .contains("supvisors.enable_host_statistics"), "the agent has no statistics control yet (issue 8)");
        check("statistics.txt");
    }

    @Test
    @Order(6)
    void supervisor_standard_commands_through_the_agent() {
        check("supervisor.txt");
    }

    @Test
    @Order(7)
    void reload_then_shutdown_of_an_instance_then_of_supvisors() throws Exception {
        TestingAgent b = cluster.agent("B");
        int oldAgent = b.agentPid();
        check("reload.txt");
        Await.until(Duration.ofSeconds(30), () -> {
            assertThat(b.agentPid()).as("B's agent, restarted by supervisord").isNotEqualTo(oldAgent);
            assertThat(b.fsmState()).isEqualTo("OPERATION");
        });
        check("shutdown.txt");
        for (TestingAgent agent : List.of(cluster.agent("A"), cluster.agent("B"))) {
            Await.until(Duration.ofSeconds(30), () -> assertThat(agent.supervisord().isAlive())
                    .as(agent.identifier() + "'s supervisord").isFalse());
        }
    }

    /**
     * The JSON that {@code supvisorsctl <command>} prints, read by Python's {@code json} module into {@code d}, then
     * the items of the Python list {@code expression}, one per line.
     */
    private static List<String> python(String command, String expression) throws IOException, InterruptedException {
        Transcript.Output output = cluster.run("A", command.split(" "));
        assertThat(output.status()).as(command).isZero();
        Process python = new ProcessBuilder("python3", "-c", "import json, sys\nd = json.load(sys.stdin)\n"
                + "print('\\n'.join(" + expression + "))").redirectErrorStream(true).start();
        python.getOutputStream().write(output.out().getBytes(StandardCharsets.UTF_8));
        python.getOutputStream().close();
        String text = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as("python3 reading the JSON of " + command + ": " + text).isZero();
        return List.of(text.strip().split("\n"));
    }
}
