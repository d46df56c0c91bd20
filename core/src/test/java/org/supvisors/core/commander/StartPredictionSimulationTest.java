package org.supvisors.core.commander;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.supvisors.core.Supvisors;
import org.supvisors.core.application.ApplicationRules;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.config.SynchronizationOption;
import org.supvisors.core.context.RulesProvider;
import org.supvisors.core.process.IdentifierSign;
import org.supvisors.core.process.ProcessRules;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.strategy.DistributionRule;
import org.supvisors.core.strategy.RunningFailureStrategy;
import org.supvisors.core.strategy.StartingFailureStrategy;
import org.supvisors.core.strategy.StartingStrategy;
import org.supvisors.core.testing.SimulatedCluster;

/** test_start_application and test_start_process: the prediction matches the start, and changes nothing. */
class StartPredictionSimulationTest {

    /** {@code common} managed but not started automatically; its worker has the given load and wait_exit. */
    private static RulesProvider rules(int load, boolean waitExit) {
        return CommonRules.of(new ApplicationRules(true, DistributionRule.ALL_INSTANCES, List.of("*"), false, 0, 0,
                StartingStrategy.CONFIG, StartingFailureStrategy.ABORT, RunningFailureStrategy.CONTINUE, ""),
                application -> new ProcessRules(List.of("*"), IdentifierSign.NONE, 1, 1, true, waitExit, load,
                        application.startingFailureStrategy(), application.runningFailureStrategy()));
    }

    private static SimulatedCluster operational(long seed, int load, boolean waitExit) {
        SimulatedCluster cluster = new SimulatedCluster(3, SupvisorsOptions.builder()
                .synchroOptions(EnumSet.of(SynchronizationOption.STRICT)), seed, rules(load, waitExit));
        cluster.startAll();
        assertThat(cluster.runUntil(SimulatedCluster::converged, 3.0)).as(cluster.describe()).isTrue();
        return cluster;
    }

    @Test
    void the_prediction_is_where_the_start_then_goes_and_nothing_moves_meanwhile() {
        SimulatedCluster cluster = operational(41, 30, false);
        Supvisors core = cluster.node(cluster.id(1)).orElseThrow().core;
        var common = core.context().application("common").orElseThrow();

        List<Map<String, Object>> predicted = core.commander().testStartApplication(StartingStrategy.LOCAL, common);
        assertThat(predicted).containsExactly(Map.of("application_name", "common", "process_name", "worker",
                "state", "RUNNING", "forced_reason", "", "running_identifiers", List.of(cluster.id(1))));
        cluster.runFor(0.5);
        assertThat(core.commander().hasStartingJobs()).isFalse();
        for (SimulatedCluster.Node node : cluster.nodes()) {
            var worker = node.core.context().process("common", "worker").orElseThrow();
            assertThat(worker.state()).isEqualTo(ProcessState.STOPPED);
            assertThat(worker.infos()).allMatch(info -> info.state() == ProcessState.STOPPED);
        }

        core.commander().startApplication(StartingStrategy.LOCAL, common);
        assertThat(cluster.runUntil(c -> !core.commander().hasStartingJobs(), 3.0)).isTrue();
        assertThat(core.context().process("common", "worker").orElseThrow().runningIdentifiers())
                .containsExactly(cluster.id(1));
    }

    @Test
    void a_process_that_no_instance_can_take_is_predicted_fatal_and_a_one_shot_exited() {
        SimulatedCluster cluster = operational(42, 100, true);
        Supvisors core = cluster.node(cluster.id(0)).orElseThrow().core;
        var worker = core.context().process("common", "worker").orElseThrow();
        assertThat(core.commander().testStartProcesses(StartingStrategy.MOST_LOADED, List.of(worker)))
                .extracting(m -> m.get("state"), m -> m.get("running_identifiers"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EXITED", List.of(cluster.id(2))));

        SimulatedCluster full = operational(43, 101, false);
        Supvisors other = full.node(full.id(0)).orElseThrow().core;
        var common = other.context().application("common").orElseThrow();
        assertThat(other.commander().testStartApplication(StartingStrategy.LESS_LOADED, common))
                .containsExactly(Map.of("application_name", "common", "process_name", "worker", "state", "FATAL",
                        "forced_reason", "No resource available", "running_identifiers", List.of()));
        assertThat(other.context().process("common", "worker").orElseThrow().forcedReason()).isEmpty();
    }
}
