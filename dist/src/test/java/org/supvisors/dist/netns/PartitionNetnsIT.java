package org.supvisors.dist.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.supvisors.core.testing.Await;

/**
 * Three hosts declared in {@code supvisors_list} (STRICT), then one of them cut from the two others: each side sees
 * the other go silent and declares it lost, the majority keeps or elects a Master, the isolated host elects itself;
 * once healed, one Master again for all. Twice: a link down isolating a non-Master, then DROP rules isolating the
 * Master.
 */
class PartitionNetnsIT {

    /** Silence timeout (2.5 s) + heartbeat period (0.5 s), and some slack for the polls of three agents. */
    private static final Duration SPLIT_WITHIN = Duration.ofMillis(4000);

    @Test
    void a_cut_host_and_the_others_declare_each_other_lost_within_three_seconds_and_healing_gives_one_master_again()
            throws Exception {
        try (NetnsLab lab = NetnsLab.create("partition", 3)) {
            String list = lab.hosts().stream().map(h -> "<" + h.name() + ">" + h.clusterAddress())
                    .collect(Collectors.joining(","));
            for (NetnsHost host : lab.hosts()) {
                host.start("supvisors_list = " + list + "\nsynchro_options = STRICT");
            }
            long started = System.nanoTime();
            String master = NetnsHost.awaitOneCluster(lab.hosts(), PartitionNetnsIT::identifier,
                    Duration.ofSeconds(60));
            NetnsHost.report("3 hosts in OPERATION, Master " + master, started);

            NetnsHost nonMaster = lab.hosts().stream().filter(h -> !identifier(h).equals(master))
                    .reduce((first, second) -> second).orElseThrow();
            String healedMaster = splitAndHeal(lab, nonMaster, Cut.LINK_DOWN, master);

            NetnsHost theMaster = lab.hosts().stream().filter(h -> identifier(h).equals(healedMaster)).findFirst()
                    .orElseThrow();
            splitAndHeal(lab, theMaster, Cut.DROP, null);
        }
    }

    /**
     * Cuts {@code isolated} from the others, checks both sides, heals, checks the cluster is one again; returns its
     * Master.
     *
     * @param majorityMaster the Master the majority must keep, or null when the isolated host was the Master and
     *     the majority must elect one of its own
     */
    private static String splitAndHeal(NetnsLab lab, NetnsHost isolated, Cut cut, String majorityMaster)
            throws Exception {
        List<NetnsHost> majority = new ArrayList<>(lab.hosts());
        majority.remove(isolated);
        String isolatedId = identifier(isolated);
        List<Integer> logMarks = majority.stream().map(h -> h.agentLog().length()).collect(Collectors.toList());

        long cutAt = System.nanoTime();
        lab.cut(isolated, cut);
        Await.until(SPLIT_WITHIN, () -> {
            for (NetnsHost host : majority) {
                assertThat(host.states().get(isolatedId)).as(host.name() + "'s view of " + isolated.name())
                        .isIn("FAILED", "STOPPED");
            }
            Map<String, String> isolatedView = isolated.states();
            for (NetnsHost host : majority) {
                assertThat(isolatedView.get(identifier(host))).as(isolated.name() + "'s view of " + host.name())
                        .isIn("FAILED", "STOPPED");
            }
        });
        NetnsHost.report(cut + " of " + isolated.name() + ": both sides see the other lost", cutAt);
        for (int i = 0; i < majority.size(); i++) {
            String newLines = majority.get(i).agentLog().substring(logMarks.get(i));
            assertThat(newLines).as("how " + majority.get(i).name() + " lost " + isolated.name())
                    .contains("instance <" + isolated.name() + ">" + isolatedId + " silent for")
                    .doesNotContain("instance <" + isolated.name() + ">" + isolatedId + " lost (");
        }

        Await.until(Duration.ofSeconds(20), () -> {
            String majorityView = majority.get(0).master();
            assertThat(majorityView).isNotEqualTo(isolatedId).isNotEmpty();
            if (majorityMaster != null) {
                assertThat(majorityView).isEqualTo(majorityMaster);
            }
            for (NetnsHost host : majority) {
                assertThat(host.fsmState()).as(host.name()).isEqualTo("OPERATION");
                assertThat(host.master()).as(host.name()).isEqualTo(majorityView);
            }
            assertThat(isolated.fsmState()).as(isolated.name()).isEqualTo("OPERATION");
            assertThat(isolated.master()).as(isolated.name() + "'s Master").isEqualTo(isolatedId);
        });
        NetnsHost.report("majority Master " + majority.get(0).master() + ", " + isolated.name() + " its own Master",
                cutAt);

        long healedAt = System.nanoTime();
        lab.heal(isolated, cut);
        String master = NetnsHost.awaitOneCluster(lab.hosts(), PartitionNetnsIT::identifier,
                Duration.ofSeconds(45));
        NetnsHost.report("healed: one Master " + master + " for all", healedAt);
        return master;
    }

    private static String identifier(NetnsHost host) {
        return host.clusterAddress() + ":" + NetnsHost.HTTP_PORT;
    }
}
