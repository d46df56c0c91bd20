package org.supvisors.dist.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supvisors.dist.cluster.ClusterViews.CHANGE;
import static org.supvisors.dist.cluster.ClusterViews.FORMATION;
import static org.supvisors.dist.cluster.ClusterViews.awaitOperationWithMaster;
import static org.supvisors.dist.cluster.ClusterViews.struct;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.Test;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;
import org.supvisors.dist.testing.TestingCluster;

/**
 * Two instances on one node (loopback: they report the same machine id) share the load of the node: a process
 * that would fit in the load of either instance alone is refused when the node, both instances together, cannot
 * take it.
 */
class NodeLoadIT {

    private static final String RULES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <root>
                <application name="load">
                    <programs>
                        <program name="big"><expected_loading>60</expected_loading></program>
                        <program name="extra"><expected_loading>50</expected_loading></program>
                    </programs>
                </application>
            </root>
            """;

    @Test
    void two_instances_of_one_node_share_its_load() throws Exception {
        Path rules = Paths.get("target", "it-rules", "node-load.xml").toAbsolutePath();
        Files.createDirectories(rules.getParent());
        Files.writeString(rules, RULES);
        try (TestingCluster cluster = TestingCluster.of("node", List.of("A", "B"), b -> b
                .option("synchro_options", "STRICT").option("rules_files", rules.toString())
                .program("big", "/bin/sleep 1000", "startsecs = 0")
                .program("extra", "/bin/sleep 1000", "startsecs = 0")
                .section("[group:load]\nprograms = big,extra\n")).startAll()) {
            awaitOperationWithMaster(cluster, "A", FORMATION);
            TestingAgent a = cluster.agent(0);
            TestingAgent b = cluster.agent(1);
            Object machineId = struct(a.struct("supvisors.get_network_info", cluster.identifier(0)).get("network"))
                    .get("machine_id");
            assertThat(struct(a.struct("supvisors.get_network_info", cluster.identifier(1)).get("network")))
                    .containsEntry("machine_id", machineId);

            assertThat(a.call("supvisors.start_process", "LESS_LOADED", "load:big", "", true)).isEqualTo(true);
            String host = (String) ((Object[]) a.structs("supvisors.get_process_info", "load:big").get(0)
                    .get("identifiers"))[0];
            String other = host.equals(cluster.identifier(0)) ? cluster.identifier(1) : cluster.identifier(0);
            Await.until(CHANGE, () -> {
                for (TestingAgent agent : List.of(a, b)) {
                    assertThat(loading(agent, host)).isEqualTo(60);
                    assertThat(loading(agent, other)).isEqualTo(0);
                }
            });

            // 50 fits in the other instance (0) but not in the node (60): nowhere to start it, on every instance
            for (TestingAgent agent : List.of(a, b)) {
                assertThat(agent.structs("supvisors.test_start_process", "LESS_LOADED", "load:extra"))
                        .singleElement().satisfies(prediction -> assertThat(prediction).containsEntry("state",
                                "FATAL").containsEntry("forced_reason", "No resource available"));
            }
            assertThatThrownBy(() -> b.call("supvisors.start_process", "LESS_LOADED", "load:extra", "", true))
                    .isInstanceOfSatisfying(XmlRpcException.class, fault -> {
                        assertThat(fault.code).isEqualTo(40);
                        assertThat(fault.getMessage()).isEqualTo("ABNORMAL_TERMINATION: failed to start load:extra");
                    });

            // once the node is free again, the same process starts
            assertThat(a.call("supvisors.stop_process", "load:big", true)).isEqualTo(true);
            Await.until(CHANGE, () -> assertThat(loading(b, host)).isEqualTo(0));
            assertThat(b.call("supvisors.start_process", "LESS_LOADED", "load:extra", "", true)).isEqualTo(true);
            Await.until(CHANGE, () -> assertThat(a.processState("load:extra")).isEqualTo("RUNNING"));
        }
    }

    private static int loading(TestingAgent agent, String identifier) throws XmlRpcException {
        Map<String, Object> info = agent.structs("supvisors.get_instance_info", identifier).get(0);
        return (Integer) info.get("loading");
    }
}
