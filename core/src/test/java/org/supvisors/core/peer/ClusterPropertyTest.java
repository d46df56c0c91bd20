package org.supvisors.core.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.config.SynchronizationOption;
import org.supvisors.core.testing.SimulatedCluster;

/**
 * Random histories of joins, crashes, partitions and heals, replayed deterministically from a seed: whatever the
 * order, once the network and the instances stay still, every connected side converges to one Master.
 */
class ClusterPropertyTest {

    private static SupvisorsOptions.Builder options() {
        return SupvisorsOptions.builder().synchroOptions(EnumSet.of(SynchronizationOption.STRICT,
                SynchronizationOption.TIMEOUT)).synchroTimeout(15);
    }

    @Test
    void when_a_hundred_instances_start_at_random_times_then_they_converge_to_one_master() {
        SimulatedCluster cluster = new SimulatedCluster(100, options(), 100);
        Random random = new Random(100);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            order.add(cluster.id(i));
        }
        java.util.Collections.shuffle(order, random);
        for (String identifier : order) {
            cluster.start(identifier);
            cluster.runFor(random.nextDouble() * 0.05);
        }
        assertThat(cluster.runUntil(SimulatedCluster::converged, 10.0)).as(cluster.describe()).isTrue();
        assertThat(cluster.node(cluster.id(57)).orElseThrow().core.fsm().masterIdentifier()).isEqualTo(cluster.id(0));
    }

    @Test
    void when_a_hundred_instances_are_split_then_each_side_elects_its_master_and_they_merge_after_the_heal() {
        SimulatedCluster cluster = new SimulatedCluster(100, options(), 101);
        cluster.startAll();
        assertThat(cluster.runUntil(SimulatedCluster::converged, 10.0)).as(cluster.describe()).isTrue();
        Set<String> left = new HashSet<>();
        Set<String> right = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            (i % 3 == 0 ? left : right).add(cluster.id(i));
        }
        cluster.partition(left, right);
        assertThat(cluster.runUntil(SimulatedCluster::converged, 5.0)).as(cluster.describe()).isTrue();
        assertThat(cluster.node(cluster.id(1)).orElseThrow().core.fsm().masterIdentifier()).isEqualTo(cluster.id(1));
        cluster.heal();
        assertThat(cluster.runUntil(SimulatedCluster::converged, 20.0)).as(cluster.describe()).isTrue();
        assertThat(cluster.node(cluster.id(1)).orElseThrow().core.fsm().masterIdentifier()).isEqualTo(cluster.id(0));
    }

    /** 30 seeds by default; {@code -Dsimulation.seeds=N} runs more. */
    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.range(11, 11 + Long.getLong("simulation.seeds", 30));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void whatever_the_order_of_events_each_connected_side_converges_to_one_master(long seed) {
        SimulatedCluster cluster = new SimulatedCluster(7, options(), seed);
        Random random = new Random(seed);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(cluster.id(i));
        }
        for (String identifier : all) {
            if (random.nextInt(4) != 0) {
                cluster.start(identifier);
            }
        }
        StringBuilder history = new StringBuilder();
        for (int step = 0; step < 25; step++) {
            cluster.runFor(random.nextDouble() * 4);
            int action = random.nextInt(5);
            String target = all.get(random.nextInt(all.size()));
            boolean running = cluster.node(target).isPresent();
            if (action == 0 && running && cluster.nodes().size() > 1) {
                cluster.crash(target);
                history.append(" crash ").append(target);
            } else if (action == 1 && !running) {
                cluster.start(target);
                history.append(" start ").append(target);
            } else if (action == 2) {
                Set<String> a = new HashSet<>();
                Set<String> b = new HashSet<>();
                for (String identifier : all) {
                    (random.nextBoolean() ? a : b).add(identifier);
                }
                cluster.partition(a, b);
                history.append(" split ").append(a.size()).append('/').append(b.size());
            } else if (action == 3) {
                cluster.heal();
                history.append(" heal");
            }
        }
        if (random.nextBoolean()) {
            cluster.heal();
            history.append(" heal");
        }
        assertThat(cluster.runUntil(SimulatedCluster::converged, 60.0))
                .as("history:" + history + "\n" + cluster.describe()).isTrue();
    }
}
