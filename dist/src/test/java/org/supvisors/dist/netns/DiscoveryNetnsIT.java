package org.supvisors.dist.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/**
 * Hosts with {@code multicast_group} and no {@code supvisors_list}: each instance is named after its host
 * ({@code h1:9001}...), announces itself on the cluster network (the group joined on the interface of the route to
 * 224.0.0.0/4, {@code multicast_interface} unset) and forms one cluster with those it hears, a host started later
 * included.
 */
class DiscoveryNetnsIT {

    @Test
    void hosts_with_only_a_multicast_group_discover_each_other_and_a_host_started_later_is_added_on_the_fly()
            throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String group = "239.255." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + ":"
                + random.nextInt(20000, 59000);
        try (NetnsLab lab = NetnsLab.create("discovery", 3)) {
            NetnsHost h1 = lab.host(0);
            NetnsHost h2 = lab.host(1);
            NetnsHost h3 = lab.host(2);
            long started = System.nanoTime();
            h1.start(options(group, "@SERVER"));
            h2.start(options(group, "@CONSOLE"));
            NetnsHost.awaitOneCluster(List.of(h1, h2), DiscoveryNetnsIT::identifier, Duration.ofSeconds(45));
            NetnsHost.report("h1 and h2 in OPERATION together", started);
            assertThat(h1.struct("supvisors.get_network_info", "h2:9001")).containsEntry("host_id", "h2")
                    .containsEntry("nick_identifier", "h2").containsEntry("stereotypes", new Object[] {"@CONSOLE"});
            assertThat(h1.agentLog()).contains("discovery: member of " + group + " on eth0 ("
                    + h1.clusterAddress() + ")");

            long late = System.nanoTime();
            h3.start(options(group, "@CONSOLE"));
            NetnsHost.awaitOneCluster(lab.hosts(), DiscoveryNetnsIT::identifier, Duration.ofSeconds(45));
            NetnsHost.report("h3, started later, in OPERATION with h1 and h2", late);
            for (NetnsHost host : List.of(h1, h2)) {
                assertThat(host.struct("supvisors.get_network_info", "h3:9001")).containsEntry("host_id", "h3")
                        .containsEntry("stereotypes", new Object[] {"@CONSOLE"});
                assertThat(host.agentLog()).contains("discovery: new instance <h3>h3:9001");
            }
            assertThat(h3.struct("supvisors.get_network_info", "h1:9001"))
                    .containsEntry("stereotypes", new Object[] {"@SERVER"});
        }
    }

    private static String options(String group, String stereotype) {
        return "multicast_group = " + group + "\nstereotypes = " + stereotype + "\nsynchro_options = LIST";
    }

    private static String identifier(NetnsHost host) {
        return host.name() + ":" + NetnsHost.HTTP_PORT;
    }
}
