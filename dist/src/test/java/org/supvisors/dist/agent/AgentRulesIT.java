package org.supvisors.dist.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/** The rules files as a real agent applies them: automatic start in sequence, formula, signs, and fatal errors. */
class AgentRulesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final String RULES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <root>
                <alias name="here">args-alias</alias>
                <application name="database">
                    <start_sequence>1</start_sequence>
                    <operational_status>all('register') and any('movie.*')</operational_status>
                    <programs>
                        <program name="register">
                            <start_sequence>1</start_sequence>
                            <wait_exit>true</wait_exit>
                        </program>
                        <program pattern="movie_\\d">
                            <start_sequence>2</start_sequence>
                            <expected_loading>5</expected_loading>
                        </program>
                    </programs>
                </application>
                <application pattern="hci_">
                    <identifiers>#</identifiers>
                    <start_sequence>2</start_sequence>
                    <programs>
                        <program name="hci_view"><start_sequence>1</start_sequence></program>
                    </programs>
                </application>
            </root>
            """;

    @Test
    void the_rules_start_the_managed_applications_in_sequence_and_give_their_operational_status() throws Exception {
        try (TestingAgent agent = TestingAgent.builder("rules")
                .option("rules_files", "%(here)s/rules*.xml")
                .program("register", "/bin/sh -c 'sleep 0.3'", "group = database", "autostart = false",
                        "startsecs = 0", "exitcodes = 0", "autorestart = false")
                .section("[program:movie]\ncommand = /bin/sleep 1000\nprocess_name = movie_%(process_num)d\n"
                        + "numprocs = 2\nautostart = false\nstartsecs = 0\n")
                .section("[group:database]\nprograms = register,movie\n")
                .program("hci_view", "/bin/sleep 1000", "autostart = false", "startsecs = 0")
                .section("[group:hci_02]\nprograms = hci_view\n")
                .program("loose", "/bin/sleep 1000", "autostart = false", "startsecs = 0")
                .build()) {
            Files.writeString(agent.directory().resolve("rules.xml"), RULES);
            agent.start().awaitOperation(TIMEOUT);

            Await.until(TIMEOUT, () -> assertThat(agent.processState("database:movie_0")).isEqualTo("RUNNING"));
            Await.until(TIMEOUT, () -> assertThat(agent.processState("database:movie_1")).isEqualTo("RUNNING"));
            Await.until(TIMEOUT, () -> assertThat(agent.processState("hci_02:hci_view")).isEqualTo("RUNNING"));
            Map<String, Object> register = agent.struct("supvisors.get_local_process_info", "database:register");
            Map<String, Object> movie = agent.struct("supvisors.get_local_process_info", "database:movie_0");
            assertThat(register).containsEntry("statename", "EXITED");
            assertThat((Integer) movie.get("start")).as("movie (sequence 2) after register ended (wait_exit)")
                    .isGreaterThanOrEqualTo((Integer) register.get("stop"));
            assertThat(agent.processState("loose")).as("unmanaged: not started").isEqualTo("STOPPED");

            Map<String, Object> rules = agent.struct("supvisors.get_application_rules", "database");
            assertThat(rules).containsEntry("managed", true).containsEntry("start_sequence", 1)
                    .containsEntry("status_formula", "all('register') and any('movie.*')");
            assertThat(agent.struct("supvisors.get_application_rules", "hci_02").get("identifiers"))
                    .isEqualTo(new Object[] {agent.identifier()});
            assertThat(agent.structs("supvisors.get_process_rules", "database:movie_1").get(0))
                    .containsEntry("start_sequence", 2).containsEntry("expected_loading", 5);
            assertThat(agent.struct("supvisors.get_application_info", "database"))
                    .containsEntry("major_failure", false).containsEntry("minor_failure", false);

            agent.call("supvisors.stop_process", "database:movie_0", true);
            assertThat(agent.struct("supvisors.get_application_info", "database"))
                    .containsEntry("major_failure", false);
            agent.call("supvisors.stop_process", "database:movie_1", true);
            Await.until(TIMEOUT, () -> assertThat(agent.struct("supvisors.get_application_info", "database"))
                    .containsEntry("major_failure", true));
        }
    }

    @Test
    void an_invalid_rules_file_stops_the_agent_with_every_problem_located() throws Exception {
        try (TestingAgent agent = TestingAgent.builder("badrules")
                .option("rules_files", "%(here)s/rules.xml").build()) {
            Files.writeString(agent.directory().resolve("rules.xml"), """
                    <root>
                        <application name="web">
                            <start_sequence>two</start_sequence>
                            <distribution>single_node</distribution>
                        </application>
                    </root>
                    """);
            agent.start();
            String file = agent.directory().resolve("rules.xml").toString();
            Await.until(TIMEOUT, () -> assertThat(agentState(agent)).isIn("FATAL", "BACKOFF"));
            Await.until(TIMEOUT, () -> assertThat(agent.agentLog())
                    .contains(file + ":3:")
                    .contains("start_sequence").contains("\"two\"")
                    .contains(file + ":4:").contains("single_node"));
            assertThat(agent.agentLog()).doesNotContain("\tat ");
        }
    }

    private static String agentState(TestingAgent agent) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) agent.supervisor("supervisor.getProcessInfo", "supvisors");
        return (String) info.get("statename");
    }
}
