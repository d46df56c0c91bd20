package org.supvisors.dist.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/**
 * {@code supervisor.stopAllProcesses} and {@code supervisor.signalAllProcesses} through the agent act on every
 * process of supervisord but the agent, which is one of them: forwarded as they are, the agent would stop itself
 * and the call would never be answered.
 */
class AgentAllProcessesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static TestingAgent agent;

    @BeforeAll
    static void start() {
        agent = TestingAgent.builder("allprocs")
                .program("early", "/bin/sleep 1000", "autostart = true", "startsecs = 0", "priority = 10")
                .program("late", "/bin/sleep 1000", "autostart = true", "startsecs = 0", "priority = 900")
                .program("idle", "/bin/sleep 1000", "autostart = false")
                .build().start().awaitOperation(TIMEOUT);
        Await.until(TIMEOUT, () -> {
            assertThat(agent.processState("early")).isEqualTo("RUNNING");
            assertThat(agent.processState("late")).isEqualTo("RUNNING");
        });
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(Object answer) {
        return Arrays.stream((Object[]) answer).map(r -> (Map<String, Object>) r).collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private static String supervisordState(String namespec) throws Exception {
        return (String) ((Map<String, Object>) agent.supervisor("supervisor.getProcessInfo", namespec))
                .get("statename");
    }

    @Test
    void signal_all_then_stop_all_spare_the_agent_and_are_answered() throws Exception {
        List<Map<String, Object>> signalled = results(agent.call("supervisor.signalAllProcesses", "CONT"));
        assertThat(signalled).extracting(r -> r.get("name")).as("highest priority first")
                .containsExactly("late", "early");
        assertThat(signalled).allSatisfy(r -> assertThat(r).containsEntry("status", 80)
                .containsEntry("description", "OK"));

        List<Map<String, Object>> stopped = results(agent.call("supervisor.stopAllProcesses", true));
        assertThat(stopped).extracting(r -> r.get("group") + ":" + r.get("name"))
                .containsExactly("late:late", "early:early");
        assertThat(supervisordState("early")).as("stopped when answered").isEqualTo("STOPPED");
        assertThat(supervisordState("late")).isEqualTo("STOPPED");
        assertThat(supervisordState("supvisors")).as("the agent").isIn("STARTING", "RUNNING");
        assertThat(agent.call("supvisors.get_api_version")).isEqualTo("0.19");
        Await.until(TIMEOUT, () -> assertThat(agent.processState("late")).isEqualTo("STOPPED"));

        assertThat(results(agent.call("supervisor.stopAllProcesses", false))).as("nothing left to stop").isEmpty();
        assertThat(agent.call("system.methodHelp", "supervisor.stopAllProcesses").toString())
                .contains("but this agent");
    }
}
