package org.supvisors.core.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.effect.SendToPeers;
import org.supvisors.core.instance.InstanceState;
import org.supvisors.core.peer.StatisticsMessage;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.testing.CoreFixture;
import org.supvisors.core.testing.SimulatedCluster;

/**
 * Samples shared between instances at each tick: every instance compiles the statistics of every instance.
 */
class StatisticsSharingTest {

    private static SimulatedCluster operational(long seed) {
        SimulatedCluster cluster = new SimulatedCluster(2, SupvisorsOptions.builder(), seed);
        cluster.startAll();
        assertThat(cluster.runUntil(SimulatedCluster::converged, 2.0)).as(cluster.describe()).isTrue();
        return cluster;
    }

    private static Statistics statistics(SimulatedCluster cluster, int index) {
        return cluster.node(cluster.id(index)).orElseThrow().core.statistics();
    }

    @Test
    void when_supvisors_works_then_the_samples_of_an_instance_are_compiled_by_the_other() {
        SimulatedCluster cluster = operational(11);
        SimulatedCluster.Node n00 = cluster.node(cluster.id(0)).orElseThrow();
        assertThat(statistics(cluster, 0).monitored()).containsEntry("own_n00", 1000);

        for (int i = 0; i <= 1; i++) {
            n00.core.onLocalHostStatistics(Samples.at(500 + 10 * i).cpu(30L * i, 10L * i, 30L * i, 10L * i)
                    .net("eth0", 1280L * i, 0).build());
            n00.core.onLocalProcessStatistics(List.of(new ProcessSample("own_n00", 1000, 500 + 10 * i, 2.0 * i, 1.0,
                    0), new ProcessSample(ProcessSample.SUPERVISORD, 1, 500 + 10 * i, 0.5 * i, 0.5, 1)));
        }
        Statistics seen = statistics(cluster, 1);
        assertThat(seen.hostIdentifiers()).as("shared at the next tick, not before").isEmpty();
        cluster.runFor(5.5);

        HostStatistics host = seen.latestHost(cluster.id(0), 10.0).orElseThrow();
        assertThat(host.cpu()).containsExactly(75.0, 75.0);
        assertThat(host.netIo()).containsEntry("eth0", new IoRates(1.0, 0.0));
        assertThat(seen.latestProcess("own_n00", cluster.id(0), 10.0).orElseThrow().cpu()).isEqualTo(20.0);
        assertThat(seen.latestProcess(ProcessSample.SUPERVISORD, cluster.id(0), 10.0).orElseThrow().cpu())
                .isEqualTo(5.0);
        assertThat(seen.nbCores(cluster.id(0))).hasValue(1);
        assertThat(seen.hostIdentifiers()).containsExactly(cluster.id(0));
    }

    @Test
    void when_a_process_stops_then_its_series_ends_on_the_other_instance_too() {
        SimulatedCluster cluster = operational(12);
        SimulatedCluster.Node n00 = cluster.node(cluster.id(0)).orElseThrow();
        n00.core.onLocalProcessStatistics(List.of(new ProcessSample("own_n00", 1000, 500, 0, 1.0, 0)));
        cluster.runFor(5.5);
        assertThat(statistics(cluster, 1).processIdentifiers("own_n00")).containsExactly(cluster.id(0));

        n00.supervisordState("own_n00", ProcessState.STOPPED);
        cluster.runFor(5.5);

        assertThat(statistics(cluster, 0).processIdentifiers("own_n00")).isEmpty();
        assertThat(statistics(cluster, 1).processIdentifiers("own_n00")).isEmpty();
    }

    @Test
    void when_an_instance_is_lost_then_the_others_drop_its_process_series_and_keep_its_host_history() {
        SimulatedCluster cluster = operational(13);
        SimulatedCluster.Node n01 = cluster.node(cluster.id(1)).orElseThrow();
        n01.core.onLocalHostStatistics(Samples.at(0).build());
        n01.core.onLocalHostStatistics(Samples.at(10).build());
        n01.core.onLocalProcessStatistics(List.of(new ProcessSample("own_n01", 1000, 500, 0, 1.0, 0)));
        cluster.runFor(5.5);
        assertThat(statistics(cluster, 0).processIdentifiers("own_n01")).containsExactly(cluster.id(1));

        cluster.crash(cluster.id(1));
        assertThat(cluster.runUntil(c -> c.node(c.id(0)).orElseThrow().core.context().instances()
                .require(c.id(1)).state() == InstanceState.STOPPED, 5.0)).isTrue();

        assertThat(statistics(cluster, 0).processIdentifiers("own_n01")).isEmpty();
        assertThat(statistics(cluster, 0).latestHost(cluster.id(1), 10.0)).isPresent();
    }

    @Test
    void before_supvisors_works_the_samples_are_compiled_locally_but_not_shared() {
        CoreFixture core = CoreFixture.of(SupvisorsOptions.builder(), "<a>10.0.0.1:60000", "<a>10.0.0.1:60000",
                "<b>10.0.0.2:60000");
        core.supvisors.start();
        core.supvisors.onLocalProcesses(List.of(core.process("web", "web", ProcessState.RUNNING)));
        core.effects.clear();

        core.supvisors.onLocalHostStatistics(Samples.at(0).build());
        core.supvisors.onLocalHostStatistics(Samples.at(10).build());
        core.supvisors.onLocalProcessStatistics(List.of(new ProcessSample("web", 4242, 0, 0, 1, 0)));
        core.clock.advance(10);
        core.supvisors.onTimer();

        assertThat(core.drain(SendToPeers.class)).noneMatch(s -> s.message() instanceof StatisticsMessage);
        assertThat(core.supvisors.statistics().latestHost(core.local.identifier(), 10.0)).isPresent();
    }

    @Test
    void the_samples_of_several_rounds_travel_in_one_message_per_tick() {
        SimulatedCluster cluster = operational(14);
        SimulatedCluster.Node n00 = cluster.node(cluster.id(0)).orElseThrow();
        double start = cluster.clock.monotonic();
        for (int i = 0; i < 5; i++) {
            n00.core.onLocalHostStatistics(Samples.at(start + i).build());
            n00.core.onLocalProcessStatistics(List.of(new ProcessSample("own_n00", 1000, start + i, i, 1.0, 0)));
        }
        cluster.runFor(5.5);

        Statistics seen = statistics(cluster, 1);
        // five samples one second apart: the default period of 10 s is not complete, but every sample arrived
        assertThat(seen.hostIdentifiers()).containsExactly(cluster.id(0));
        assertThat(seen.processIdentifiers("own_n00")).containsExactly(cluster.id(0));
        assertThat(seen.latestHost(cluster.id(0), 10.0)).isEmpty();
        for (int i = 5; i <= 10; i++) {
            n00.core.onLocalHostStatistics(Samples.at(start + i).build());
        }
        cluster.runFor(5.5);
        assertThat(seen.latestHost(cluster.id(0), 10.0).orElseThrow().end()).isEqualTo(10.0);
    }

    @Test
    void pending_samples_leave_in_one_message_at_the_tick_and_are_dropped_when_supvisors_stops_working() {
        CoreFixture core = CoreFixture.alone();
        core.supvisors.start();
        List<org.supvisors.core.peer.PeerMessage> sent = new java.util.ArrayList<>();
        boolean[] working = {true};
        Statistics statistics = new Statistics(core.supvisors.options(), core.supvisors.context(), e -> { },
                new org.supvisors.core.InstanceLog(Statistics.class, "test"), sent::add, () -> working[0]);
        statistics.onTick();
        assertThat(sent).as("nothing pending, nothing sent").isEmpty();

        for (int i = 0; i < 5; i++) {
            statistics.onLocalHost(Samples.at(i).build());
            statistics.onLocalProcesses(List.of(new ProcessSample(ProcessSample.SUPERVISORD, 1, i, i, 1, 2)));
        }
        assertThat(sent).isEmpty();
        statistics.onTick();

        assertThat(sent).hasSize(1);
        StatisticsMessage message = (StatisticsMessage) sent.get(0);
        assertThat(message.hosts()).extracting(HostSample::now).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0);
        assertThat(message.processes()).hasSize(5);

        statistics.onLocalHost(Samples.at(5).build());
        working[0] = false;
        statistics.onTick();
        working[0] = true;
        statistics.onTick();
        assertThat(sent).hasSize(1);
    }
}
