package org.supvisors.dist.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.dist.cluster.ClusterViews.CHANGE;
import static org.supvisors.dist.cluster.ClusterViews.FORMATION;
import static org.supvisors.dist.cluster.ClusterViews.awaitOperationWithMaster;
import static org.supvisors.dist.cluster.ClusterViews.identity;
import static org.supvisors.dist.cluster.ClusterViews.seen;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.Steadily;
import org.supvisors.dist.testing.TestingAgent;
import org.supvisors.dist.testing.TestingCluster;

/** TC-08: with {@code auto_fence}, an instance that was lost is isolated for good, even once it is back. */
class AutoFenceIT {

    @Test
    void when_a_supervisord_is_killed_with_auto_fence_then_the_others_isolate_it_and_keep_it_so_after_its_restart()
            throws Exception {
        try (TestingCluster cluster = TestingCluster.of("fence", List.of("A", "B", "C"), b -> b
                .option("synchro_options", "STRICT").option("auto_fence", "true")).startAll()) {
            awaitOperationWithMaster(cluster, "A", FORMATION);
            // the non-Master with the smaller identifier: back, it dials at least the other one, which refuses it
            int fenced = cluster.identifier(1).compareTo(cluster.identifier(2)) < 0 ? 1 : 2;
            int other = 3 - fenced;
            List<Integer> survivors = List.of(0, other);
            int[] marks = {cluster.agent(0).logMark(), 0, 0};
            marks[other] = cluster.agent(other).logMark();

            cluster.kill9(fenced);

            Await.until(CHANGE, () -> {
                for (int i : survivors) {
                    Map<String, Object> info = cluster.agent(i).structs("supvisors.get_instance_info",
                            cluster.identifier(fenced)).get(0);
                    assertThat(info).as(cluster.nick(i)).containsEntry("statecode", 5)
                            .containsEntry("statename", "ISOLATED");
                }
            });
            for (int i : survivors) {
                TestingAgent survivor = cluster.agent(i);
                List<String> lines = survivor.logLines(marks[i], "instance " + identity(cluster, fenced));
                assertThat(lines).as(cluster.nick(i)).hasSizeGreaterThanOrEqualTo(2);
                assertThat(lines.get(0)).contains("lost (", "FAILED");
                assertThat(lines.get(1)).contains("is ISOLATED");
                assertThat(survivor.struct("supvisors.get_supvisors_state")).containsEntry("fsm_statename", "OPERATION")
                        .containsEntry("degraded_mode", true);
            }

            TestingAgent back = cluster.start(fenced);

            Await.until(CHANGE, () -> {
                assertThat(back.fsmState()).isEqualTo("SYNCHRONIZATION");
                assertThat(cluster.agent(other).logLines(marks[other], "peer link from " + cluster.identifier(fenced),
                        "refused: not in the directory of " + cluster.identifier(other))).isNotEmpty();
            });
            Steadily.holds(Duration.ofSeconds(3), () -> {
                for (int i : survivors) {
                    assertThat(seen(cluster.agent(i), cluster, fenced)).as(cluster.nick(i)).isEqualTo("ISOLATED");
                    assertThat(cluster.agent(i).fsmState()).isEqualTo("OPERATION");
                    assertThat(seen(back, cluster, i)).as("%s seen by the fenced instance", cluster.nick(i))
                            .isEqualTo("STOPPED");
                }
                assertThat(back.struct("supvisors.get_supvisors_state")).containsEntry("fsm_statename",
                        "SYNCHRONIZATION").containsEntry("degraded_mode", true);
            });
        }
    }
}
