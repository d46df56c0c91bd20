package org.supvisors.dist.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/** supervisord restarted under the agent: the agent lives and dies with it and comes back with the model whole. */
class AgentRestartIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void when_supervisord_restarts_then_a_new_agent_rebuilds_the_model_and_reaches_operation() throws Exception {
        try (TestingAgent agent = TestingAgent.builder("restart")
                .program("sleeper", "/bin/sleep 1000", "autostart = true")
                .program("idle", "/bin/sleep 1000")
                .build().start().awaitOperation(TIMEOUT)) {
            Await.until(TIMEOUT, () -> assertThat(agent.processState("sleeper")).isEqualTo("RUNNING"));
            int firstAgent = agent.agentPid();

            assertThat(agent.call("supervisor.restart")).isEqualTo(true);

            Await.until(TIMEOUT, () -> {
                assertThat(agent.agentPid()).isNotIn(0, firstAgent);
                assertThat(agent.fsmState()).isEqualTo("OPERATION");
                assertThat(agent.processState("sleeper")).isEqualTo("RUNNING");
            });
            assertThat(ProcessHandle.of(firstAgent).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            List<String> names = agent.structs("supvisors.get_all_process_info").stream()
                    .map(p -> p.get("application_name") + ":" + p.get("statename")).sorted()
                    .collect(Collectors.toList());
            assertThat(names).containsExactly("idle:STOPPED", "sleeper:RUNNING");
            Map<String, Object> local = agent.struct("supvisors.get_local_process_info", "sleeper");
            assertThat(local.get("pid")).isNotEqualTo(0);
        }
    }
}
