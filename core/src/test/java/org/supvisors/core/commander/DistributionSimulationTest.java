package org.supvisors.core.commander;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supvisors.core.Supvisors;
import org.supvisors.core.application.ApplicationRules;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.config.SynchronizationOption;
import org.supvisors.core.context.RulesProvider;
import org.supvisors.core.process.IdentifierSign;
import org.supvisors.core.process.ProcessRules;
import org.supvisors.core.strategy.DistributionRule;
import org.supvisors.core.strategy.RunningFailureStrategy;
import org.supvisors.core.strategy.StartingFailureStrategy;
import org.supvisors.core.strategy.StartingStrategy;
import org.supvisors.core.testing.SimulatedCluster;

/**
 * SINGLE_INSTANCE and SINGLE_NODE applications: the instance chosen for the application takes every process, the
 * programs' own {@code identifiers} being ignored (rules.md; TC-19). Found by PlacementIT: a program whose
 * identifiers did not hold the chosen instance was forced FATAL with {@code No resource available}.
 */
class DistributionSimulationTest {

    /** {@code common}, distributed as given over {@code applicationOn}; its worker's rule names {@code workerOn}. */
    private static RulesProvider rules(DistributionRule distribution, String applicationOn, String workerOn) {
        return CommonRules.of(new ApplicationRules(true, distribution, List.of(applicationOn), false, 0, 0,
                StartingStrategy.CONFIG, StartingFailureStrategy.ABORT, RunningFailureStrategy.CONTINUE, ""),
                application -> new ProcessRules(List.of(workerOn), IdentifierSign.NONE, 1, 1, true, false, 10,
                        application.startingFailureStrategy(), application.runningFailureStrategy()));
    }

    @Test
    void a_single_instance_application_runs_on_its_instance_whatever_its_programs_identifiers() {
        assertRunsOnTheApplicationInstance(DistributionRule.SINGLE_INSTANCE);
    }

    @Test
    void a_single_node_application_runs_on_its_node_whatever_its_programs_identifiers() {
        assertRunsOnTheApplicationInstance(DistributionRule.SINGLE_NODE);
    }

    private static void assertRunsOnTheApplicationInstance(DistributionRule distribution) {
        SimulatedCluster cluster = new SimulatedCluster(3, SupvisorsOptions.builder()
                .synchroOptions(EnumSet.of(SynchronizationOption.STRICT)), 51, rules(distribution, "n02", "n00"));
        cluster.startAll();
        assertThat(cluster.runUntil(SimulatedCluster::converged, 3.0)).as(cluster.describe()).isTrue();
        Supvisors core = cluster.node(cluster.id(0)).orElseThrow().core;
        var common = core.context().application("common").orElseThrow();

        assertThat(core.commander().testStartApplication(StartingStrategy.CONFIG, common))
                .extracting(m -> m.get("state"), m -> m.get("running_identifiers"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RUNNING", List.of(cluster.id(2))));
        assertThat(core.commander().startApplication(StartingStrategy.CONFIG, common)).isTrue();
        assertThat(cluster.runUntil(c -> !core.commander().hasStartingJobs(), 3.0)).isTrue();
        var worker = core.context().process("common", "worker").orElseThrow();
        assertThat(worker.forcedReason()).isEmpty();
        assertThat(worker.runningIdentifiers()).containsExactly(cluster.id(2));
    }

    @Test
    void a_process_started_alone_is_placed_as_its_single_instance_application_would_be() {
        SimulatedCluster cluster = new SimulatedCluster(3, SupvisorsOptions.builder()
                .synchroOptions(EnumSet.of(SynchronizationOption.STRICT)), 52,
                rules(DistributionRule.SINGLE_INSTANCE, "n02", "n00"));
        cluster.startAll();
        assertThat(cluster.runUntil(SimulatedCluster::converged, 3.0)).as(cluster.describe()).isTrue();
        Supvisors core = cluster.node(cluster.id(0)).orElseThrow().core;
        var worker = core.context().process("common", "worker").orElseThrow();

        assertThat(core.commander().testStartProcesses(StartingStrategy.CONFIG, List.of(worker)))
                .extracting(m -> m.get("running_identifiers")).containsExactly(List.of(cluster.id(2)));
        core.commander().startProcess(StartingStrategy.CONFIG, worker, "");
        assertThat(cluster.runUntil(c -> !core.commander().hasStartingJobs(), 3.0)).isTrue();
        assertThat(worker.forcedReason()).isEmpty();
        assertThat(worker.runningIdentifiers()).as("the application's instance, not the program's")
                .containsExactly(cluster.id(2));
    }
}
