package org.supvisors.core.commander;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supvisors.core.Supvisors;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.config.SynchronizationOption;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.strategy.StartingStrategy;
import org.supvisors.core.testing.SimulatedCluster;

/** The commander on a simulated cluster whose fake supervisords start and stop processes. */
class CommanderSimulationTest {

    private static SimulatedCluster operational(long seed) {
        SimulatedCluster cluster = new SimulatedCluster(3, SupvisorsOptions.builder()
                .synchroOptions(EnumSet.of(SynchronizationOption.STRICT)), seed);
        cluster.startAll();
        assertThat(cluster.runUntil(SimulatedCluster::converged, 2.0)).as(cluster.describe()).isTrue();
        return cluster;
    }

    private static ProcessStatus worker(Supvisors core) {
        return core.context().process("common", "worker").orElseThrow();
    }

    @Test
    void a_process_started_with_config_runs_on_the_first_instance_and_every_instance_sees_it() {
        SimulatedCluster cluster = operational(21);
        Supvisors requester = cluster.node(cluster.id(2)).orElseThrow().core;
        requester.commander().startProcess(StartingStrategy.CONFIG, worker(requester), "");
        assertThat(requester.commander().hasStartingJobs()).isTrue();
        assertThat(cluster.runUntil(c -> !requester.commander().hasStartingJobs(), 3.0)).isTrue();
        assertThat(worker(requester).state()).isEqualTo(ProcessState.RUNNING);
        cluster.runFor(0.05);
        for (SimulatedCluster.Node node : cluster.nodes()) {
            assertThat(worker(node.core).state()).isEqualTo(ProcessState.RUNNING);
            assertThat(worker(node.core).runningIdentifiers()).containsExactly(cluster.id(0));
        }
    }

    @Test
    void a_process_started_with_local_runs_on_the_requester_and_is_stopped_everywhere_it_runs() {
        SimulatedCluster cluster = operational(22);
        Supvisors requester = cluster.node(cluster.id(1)).orElseThrow().core;
        requester.commander().startProcess(StartingStrategy.LOCAL, worker(requester), "");
        cluster.runUntil(c -> !requester.commander().hasStartingJobs(), 3.0);
        assertThat(worker(requester).runningIdentifiers()).containsExactly(cluster.id(1));

        Supvisors other = cluster.node(cluster.id(0)).orElseThrow().core;
        assertThat(other.commander().stopProcess(worker(other), List.of())).isTrue();
        assertThat(cluster.runUntil(c -> !other.commander().hasStoppingJobs(), 3.0)).isTrue();
        cluster.runFor(0.1);
        for (SimulatedCluster.Node node : cluster.nodes()) {
            assertThat(worker(node.core).state()).isEqualTo(ProcessState.STOPPED);
        }
    }

    @Test
    void a_start_whose_target_is_lost_is_a_failure_and_the_job_ends() {
        SimulatedCluster cluster = operational(23);
        Supvisors requester = cluster.node(cluster.id(2)).orElseThrow().core;
        requester.commander().startProcess(StartingStrategy.CONFIG, worker(requester), "");
        cluster.runFor(0.01);
        cluster.crash(cluster.id(0));
        assertThat(cluster.runUntil(c -> !requester.commander().hasStartingJobs(), 2.0)).as(cluster.describe())
                .isTrue();
    }

    @Test
    void a_start_or_a_stop_whose_events_never_come_is_given_up_after_the_ticks_of_the_target() {
        SimulatedCluster cluster = operational(24);
        SimulatedCluster.Node target = cluster.node(cluster.id(0)).orElseThrow();
        Supvisors requester = cluster.node(cluster.id(2)).orElseThrow().core;
        target.stalled.add("common:worker");
        requester.commander().startProcess(StartingStrategy.CONFIG, worker(requester), "");
        cluster.runFor(5.0);
        assertThat(requester.commander().hasStartingJobs()).as("waits a margin of 2 ticks").isTrue();
        assertThat(cluster.runUntil(c -> !requester.commander().hasStartingJobs(), 30.0)).as(cluster.describe())
                .isTrue();
        cluster.runFor(0.05);
        for (SimulatedCluster.Node node : cluster.nodes()) {
            assertThat(worker(node.core).displayedState()).as("forced on " + node.identity.identifier())
                    .isEqualTo(ProcessState.FATAL);
            assertThat(worker(node.core).forcedReason()).isEqualTo("process STARTING event not received in time");
        }

        target.stalled.clear();
        target.supervisordState("common:worker", ProcessState.STARTING);
        target.supervisordState("common:worker", ProcessState.RUNNING);
        assertThat(cluster.runUntil(c -> worker(requester).state() == ProcessState.RUNNING, 1.0)).isTrue();
        target.stalled.add("common:worker");
        assertThat(requester.commander().stopProcess(worker(requester), List.of())).isTrue();
        cluster.runFor(5.0);
        assertThat(requester.commander().hasStoppingJobs()).isTrue();
        assertThat(cluster.runUntil(c -> !requester.commander().hasStoppingJobs(), 30.0)).as(cluster.describe())
                .isTrue();
        assertThat(worker(requester).displayedState()).isEqualTo(ProcessState.STOPPED);
        assertThat(worker(requester).forcedReason()).isEqualTo("process STOPPING event not received in time");
    }
}
