package org.supvisors.dist.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/**
 * Two agents of one host in discovery mode, without {@code supvisors_list}: they find each other on a multicast group
 * joined on the loopback interface and form one cluster. (Discovery between hosts: {@code netns.DiscoveryNetnsIT}.)
 */
class DiscoveryLoopbackIT {

    @Test
    void two_instances_without_supvisors_list_discover_each_other_and_reach_operation_together() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String group = "239.255." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + ":"
                + random.nextInt(20000, 59000);
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        try (TestingAgent a = discovering("disco-a", group, "@SERVER").start();
             TestingAgent b = discovering("disco-b", group, "@CONSOLE").start()) {
            String idA = host + ":" + a.supervisord().httpPort();
            String idB = host + ":" + b.supervisord().httpPort();
            Await.until(Duration.ofSeconds(30), () -> {
                for (TestingAgent agent : List.of(a, b)) {
                    assertThat(agent.fsmState()).isEqualTo("OPERATION");
                    assertThat(states(agent)).containsExactlyInAnyOrderEntriesOf(
                            Map.of(idA, "RUNNING", idB, "RUNNING"));
                    assertThat(agent.struct("supvisors.get_master_identifier").get("identifier"))
                            .isEqualTo(a.struct("supvisors.get_master_identifier").get("identifier"));
                }
            });
            for (TestingAgent agent : List.of(a, b)) {
                assertThat(agent.struct("supvisors.get_network_info", idA))
                        .containsEntry("nick_identifier", "disco-a").containsEntry("host_id", host)
                        .containsEntry("stereotypes", new Object[] {"@SERVER"});
                assertThat(agent.struct("supvisors.get_network_info", idB))
                        .containsEntry("nick_identifier", "disco-b")
                        .containsEntry("stereotypes", new Object[] {"@CONSOLE"});
                assertThat(agent.struct("supvisors.get_supvisors_state")).containsEntry("discovery_mode", true);
            }
            assertThat(a.agentLog()).contains("discovery: member of " + group + " on lo (127.0.0.1)",
                    "discovery: new instance <disco-b>" + idB);
        }
    }

    private static TestingAgent discovering(String nick, String group, String stereotype) {
        return TestingAgent.builder(nick)
                .supvisorsList(null)
                .listenOnAllInterfaces()
                .option("multicast_group", group)
                .option("multicast_interface", "127.0.0.1")
                .option("stereotypes", stereotype)
                .option("synchro_options", "LIST")
                .build();
    }

    private static Map<String, String> states(TestingAgent agent) throws Exception {
        return agent.structs("supvisors.get_all_instances_info").stream().collect(Collectors.toMap(
                i -> (String) i.get("identifier"), i -> (String) i.get("statename")));
    }
}
