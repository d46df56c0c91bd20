package org.supvisors.dist.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.dist.cluster.ClusterViews.CHANGE;
import static org.supvisors.dist.cluster.ClusterViews.FORMATION;
import static org.supvisors.dist.cluster.ClusterViews.awaitOperationWithMaster;
import static org.supvisors.dist.cluster.ClusterViews.identity;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;
import org.supvisors.dist.testing.TestingCluster;

/**
 * {@code supvisors.restart} and {@code supvisors.shutdown} called on a non-Master: forwarded to the Master, which
 * drives every instance to restart or stop its supervisord. One cluster A, B, C: restarted, then shut down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterClosingIT {

    private static TestingCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestingCluster.of("closing", List.of("A", "B", "C"), b -> b.option("synchro_options", "STRICT"))
                .startAll();
        awaitOperationWithMaster(cluster, "A", FORMATION);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void restart_requested_on_a_non_master_restarts_every_supervisord_and_the_cluster_forms_again() throws Exception {
        List<Integer> agents = new ArrayList<>();
        List<Long> supervisords = new ArrayList<>();
        for (TestingAgent agent : cluster.started()) {
            agents.add(agent.agentPid());
            supervisords.add(agent.supervisord().pid());
        }
        int markA = cluster.agent(0).logMark();
        int markC = cluster.agent(2).logMark();

        assertThat(cluster.agent(2).call("supvisors.restart")).isEqualTo(true);

        // each supervisord restarts in place (same process), which starts a new agent
        Await.until(FORMATION, () -> {
            for (int i = 0; i < 3; i++) {
                TestingAgent agent = cluster.agent(i);
                assertThat(agent.supervisord().pid()).isEqualTo(supervisords.get(i));
                assertThat(agent.agentPid()).as(cluster.nick(i)).isNotIn(0, agents.get(i));
            }
        });
        awaitOperationWithMaster(cluster, "A", FORMATION);
        assertThat(cluster.agent(2).logLines(markC, "restart request forwarded to the Master " + cluster.identifier(0)))
                .hasSize(1);
        assertThat(cluster.agent(0).logLines(markA, "restart of Supvisors requested through " + identity(cluster, 2)))
                .hasSize(1);
        for (TestingAgent agent : cluster.started()) {
            assertThat(agent.logLines(0, "Supvisors is RESTARTING")).as(agent.identifier()).hasSize(1);
        }
    }

    @Test
    @Order(2)
    void shutdown_requested_on_a_non_master_stops_every_supervisord() throws Exception {
        assertThat(cluster.agent(1).call("supvisors.shutdown")).isEqualTo(true);

        Await.until(CHANGE, () -> {
            for (int i = 0; i < 3; i++) {
                assertThat(cluster.agent(i).supervisord().isAlive()).as(cluster.nick(i)).isFalse();
            }
        });
    }
}
