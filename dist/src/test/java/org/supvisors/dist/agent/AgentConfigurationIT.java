package org.supvisors.dist.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/**
 * Configuration errors seen by a real agent under a real supervisord: one clear line naming the file, the option
 * and the reason, never a stack trace; fatal errors stop the agent, others fall back to the default.
 */
class AgentConfigurationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void a_malformed_supvisors_list_item_stops_the_agent_with_one_line_naming_the_file_the_option_and_the_item()
            throws Exception {
        try (TestingAgent agent = TestingAgent.builder("badlist")
                .supvisorsList("<badlist>127.0.0.1:%(http_port)s,host:1:2").build().start()) {
            String conf = agent.supervisord().configuration().toString();
            Await.until(TIMEOUT, () -> assertThat(agentState(agent)).isIn("FATAL", "BACKOFF"));
            Await.until(TIMEOUT, () -> assertThat(agent.agentLog())
                    .contains(conf + ":")
                    .contains("supvisors_list")
                    .contains("host:1:2"));
            assertThat(agent.agentLog()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void a_list_without_the_local_instance_stops_the_agent_and_says_what_it_looked_for() throws Exception {
        try (TestingAgent agent = TestingAgent.builder("elsewhere")
                .supvisorsList("10.255.255.1:60000,10.255.255.2:60000").build().start()) {
            Await.until(TIMEOUT, () -> assertThat(agentState(agent)).isIn("FATAL", "BACKOFF"));
            Await.until(TIMEOUT, () -> assertThat(agent.agentLog()).contains("supvisors_list")
                    .contains(String.valueOf(agent.supervisord().httpPort())));
            assertThat(agent.agentLog()).doesNotContain("\tat ");
        }
    }

    @Test
    void a_bad_ordinary_value_is_reported_and_its_default_used() throws Exception {
        try (TestingAgent agent = TestingAgent.builder("fallback")
                .option("inactivity_ticks", "many")
                .option("stats_histo", "3")
                .option("synchro_timeout", "20")
                .build().start().awaitOperation(TIMEOUT)) {
            String log = agent.agentLog();
            assertThat(log).contains("inactivity_ticks").contains("many").contains("stats_histo");
            assertThat(log).doesNotContain("\tat ");
            Map<String, Object> strategies = agent.struct("supvisors.get_strategies");
            assertThat(strategies).containsEntry("starting", "CONFIG");
        }
    }

    private static String agentState(TestingAgent agent) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) agent.supervisor("supervisor.getProcessInfo", "supvisors");
        return (String) info.get("statename");
    }
}
