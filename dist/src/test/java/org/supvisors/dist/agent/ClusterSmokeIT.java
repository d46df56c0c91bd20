package org.supvisors.dist.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.supvisors.dist.testing.TestingAgent;
import org.supvisors.dist.testing.TestingCluster;

class ClusterSmokeIT {

    @Test
    void three_agents_on_loopback_reach_operation_with_one_master_and_share_their_processes() throws Exception {
        try (TestingCluster cluster = TestingCluster.of("smoke", List.of("A", "B", "C"), b -> b
                .option("synchro_options", "STRICT")
                .program("sleeper", "/bin/sleep 1000", "autostart = true")).startAll()) {
            cluster.awaitOperation(Duration.ofSeconds(30));
            for (TestingAgent agent : cluster.started()) {
                Map<String, Object> master = agent.struct("supvisors.get_master_identifier");
                assertThat(master).containsEntry("nick_identifier", "A");
                assertThat(agent.structs("supvisors.get_all_instances_info"))
                        .allSatisfy(i -> assertThat(i).containsEntry("statename", "RUNNING"));
            }
        }
    }
}
