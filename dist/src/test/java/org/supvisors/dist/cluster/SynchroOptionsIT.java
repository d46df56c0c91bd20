package org.supvisors.dist.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supvisors.dist.cluster.ClusterViews.FORMATION;
import static org.supvisors.dist.cluster.ClusterViews.awaitOperationWithMaster;
import static org.supvisors.dist.cluster.ClusterViews.seen;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.QueryPoller;
import org.supvisors.dist.testing.TestingAgent;
import org.supvisors.dist.testing.TestingCluster;

/**
 * Each {@code synchro_options} value, and a combination, on three instances A, B, C (TC-01, TC-02, TC-03, TC-05).
 * Each test has its own cluster; they run concurrently, since the TIMEOUT and CORE ones wait 15 s.
 */
@Execution(ExecutionMode.CONCURRENT)
class SynchroOptionsIT {

    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;
    /** The SYNCHRONIZATION phase of TIMEOUT (15 s, the minimum) or CORE (15 s at least), and some margin. */
    private static final Duration SYNCHRONIZATION = Duration.ofSeconds(60);
    private static final String FROM_DISTRIBUTION = "['DISTRIBUTION', 'OPERATION', 'CONCILIATION', 'RESTARTING',"
            + " 'SHUTTING_DOWN']";
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"STRICT", "LIST"})
    void strict_and_list_wait_for_every_declared_instance_then_reach_operation_with_the_smallest_nickname(String option)
            throws Exception {
        try (TestingCluster cluster = cluster("sync-" + option, b -> b.option("synchro_options", option))) {
            cluster.start(A);
            cluster.start(B);
            awaitRunningTogether(cluster, A, B);

            for (int i : List.of(A, B)) {
                TestingAgent agent = cluster.agent(i);
                assertThat(agent.struct("supvisors.get_supvisors_state")).containsEntry("fsm_statename",
                        "SYNCHRONIZATION").containsEntry("degraded_mode", true).containsEntry("master_identifier", "");
                assertThat(seen(agent, cluster, C)).isEqualTo("STOPPED");
                assertFault(agent, 101, "BAD_SUPVISORS_STATE: invalid Supvisors state=SYNCHRONIZATION - state expected"
                        + " in " + FROM_DISTRIBUTION, "supvisors.get_all_applications_info");
                assertFault(agent, 101, "BAD_SUPVISORS_STATE: invalid Supvisors state=SYNCHRONIZATION - state expected"
                        + " in " + FROM_DISTRIBUTION, "supvisors.restart");
                assertFault(agent, 104, "NOT_APPLICABLE: USER expected in synchro_options", "supvisors.end_sync");
            }

            cluster.start(C);
            awaitOperationWithMaster(cluster, "A", FORMATION);
            for (TestingAgent agent : cluster.started()) {
                assertThat(agent.struct("supvisors.get_supvisors_state")).containsEntry("degraded_mode", false);
            }
        }
    }

    @Test
    void timeout_ends_the_synchronization_after_synchro_timeout_without_the_missing_instance() throws Exception {
        try (TestingCluster cluster = cluster("sync-timeout", b -> b.option("synchro_options", "TIMEOUT")
                .option("synchro_timeout", "15").option("supvisors_failure_strategy", "RESYNC"))) {
            cluster.start(A);
            cluster.start(B);
            // TIMEOUT forces CONTINUE
            assertThat(Await.value(FORMATION, () -> cluster.agent(A).struct("supvisors.get_strategies")))
                    .containsEntry("supvisors_failure",
                    "CONTINUE").containsEntry("starting", "CONFIG").containsEntry("conciliation", "USER")
                    .containsEntry("auto-fencing", false);
            awaitRunningTogether(cluster, A, B);
            for (int i : List.of(A, B)) {
                assertThat(cluster.agent(i).struct("supvisors.get_supvisors_state")).containsEntry("fsm_statename",
                        "SYNCHRONIZATION").containsEntry("degraded_mode", false);
            }

            awaitOperationWithMaster(cluster, "A", SYNCHRONIZATION);
            for (int i : List.of(A, B)) {
                TestingAgent agent = cluster.agent(i);
                assertSynchronizationEndedAfter(agent, 15, "timeout=true");
                assertThat(agent.struct("supvisors.get_supvisors_state")).containsEntry("degraded_mode", false);
                assertThat(seen(agent, cluster, C)).isEqualTo("STOPPED");
            }
        }
    }

    @Test
    void core_ends_the_synchronization_once_the_core_instances_run_and_15_s_passed_and_elects_a_core_master()
            throws Exception {
        try (TestingCluster cluster = cluster("sync-core", b -> b.option("synchro_options", "CORE")
                .option("core_identifiers", "B"))) {
            cluster.start(A);
            cluster.start(B);
            awaitRunningTogether(cluster, A, B);
            for (int i : List.of(A, B)) {
                // the core instance is there, but CORE waits 15 s: degraded until then
                assertThat(cluster.agent(i).struct("supvisors.get_supvisors_state")).containsEntry("fsm_statename",
                        "SYNCHRONIZATION").containsEntry("degraded_mode", true);
            }

            // B is a core identifier: preferred to A, whose nickname is smaller
            awaitOperationWithMaster(cluster, "B", SYNCHRONIZATION);
            for (int i : List.of(A, B)) {
                TestingAgent agent = cluster.agent(i);
                assertSynchronizationEndedAfter(agent, 15, "core=true");
                // C, absent but not core, does not degrade
                assertThat(agent.struct("supvisors.get_supvisors_state")).containsEntry("degraded_mode", false);
                assertThat(seen(agent, cluster, C)).isEqualTo("STOPPED");
            }
        }
    }

    @Test
    void user_ends_the_synchronization_on_request_only_with_the_master_given() throws Exception {
        try (TestingCluster cluster = cluster("sync-user", b -> b.option("synchro_options", "USER")
                .option("stereotypes", "team"))) {
            cluster.start(A);
            cluster.start(B);
            awaitRunningTogether(cluster, A, B);
            assertFault(cluster.agent(A), 70, "NOT_RUNNING: Supvisors instance=" + cluster.identifier(C)
                    + " is not RUNNING (STOPPED)", "supvisors.end_sync", "C");

            cluster.start(C);
            awaitRunningTogether(cluster, A, B, C);
            for (TestingAgent agent : cluster.started()) {
                assertThat(agent.struct("supvisors.get_supvisors_state")).containsEntry("fsm_statename",
                        "SYNCHRONIZATION").containsEntry("degraded_mode", false).containsEntry("master_identifier", "");
            }
            TestingAgent a = cluster.agent(A);
            assertFault(a, 10, "BAD_NAME: unknown Supvisors identifier=nobody", "supvisors.end_sync", "nobody");
            assertFault(a, 2, "INCORRECT_PARAMETERS: multiple identifiers=['" + cluster.identifier(A) + "', '"
                    + cluster.identifier(B) + "', '" + cluster.identifier(C) + "'] found for Supvisors master=team",
                    "supvisors.end_sync", "team");

            assertThat(a.call("supvisors.end_sync", "B")).isEqualTo(true);

            awaitOperationWithMaster(cluster, "B", FORMATION);
            String notSynchronizing = "BAD_SUPVISORS_STATE: invalid Supvisors state=OPERATION - state expected in"
                    + " ['SYNCHRONIZATION']";
            assertFault(a, 101, notSynchronizing, "supvisors.end_sync", "B");
            assertFault(cluster.agent(C), 101, notSynchronizing, "supvisors.end_sync");
        }
    }

    @Test
    void strict_and_timeout_end_at_the_timeout_in_degraded_mode_then_the_late_instance_joins_without_disturbing()
            throws Exception {
        try (TestingCluster cluster = cluster("sync-strict-timeout", b -> b.option("synchro_options", "STRICT,TIMEOUT")
                .option("synchro_timeout", "15"))) {
            cluster.start(A);
            cluster.start(B);

            awaitOperationWithMaster(cluster, "A", SYNCHRONIZATION);
            for (int i : List.of(A, B)) {
                TestingAgent agent = cluster.agent(i);
                assertSynchronizationEndedAfter(agent, 15, "strict=false", "timeout=true");
                // STRICT is not met: degraded, and CONTINUE (forced by TIMEOUT) keeps working
                assertThat(agent.struct("supvisors.get_supvisors_state")).containsEntry("degraded_mode", true);
            }

            try (QueryPoller onA = QueryPoller.start(cluster.agent(A));
                 QueryPoller onB = QueryPoller.start(cluster.agent(B))) {
                cluster.start(C);
                awaitOperationWithMaster(cluster, "A", FORMATION);
                Await.until(FORMATION, () -> {
                    for (TestingAgent agent : cluster.started()) {
                        assertThat(agent.struct("supvisors.get_supvisors_state")).containsEntry("degraded_mode", false);
                    }
                });
                // C meets STRICT at once; A and B integrate it without leaving OPERATION
                assertThat(cluster.agent(C).logLines(0, "synchronization ends: strict=true")).hasSize(1);
                for (QueryPoller poller : List.of(onA, onB)) {
                    assertThat(poller.awaitRounds(2).failures()).isEmpty();
                    assertThat(poller.states()).containsExactly("OPERATION");
                }
            }
        }
    }

    private static TestingCluster cluster(String name, Consumer<TestingAgent.Builder> configuration) {
        return TestingCluster.of(name.toLowerCase(), List.of("A", "B", "C"), configuration);
    }

    /** Waits until each of these instances sees all of them RUNNING. */
    private static void awaitRunningTogether(TestingCluster cluster, int... indexes) {
        Await.until(FORMATION, () -> {
            for (int observer : indexes) {
                for (int observed : indexes) {
                    assertThat(seen(cluster.agent(observer), cluster, observed))
                            .as("%s seen by %s", cluster.nick(observed), cluster.nick(observer)).isEqualTo("RUNNING");
                }
            }
        });
    }

    private static void assertFault(TestingAgent agent, int code, String text, String method, Object... params) {
        assertThatThrownBy(() -> agent.call(method, params)).as("%s on %s", method, agent.identifier())
                .isInstanceOfSatisfying(XmlRpcException.class, fault -> {
                    assertThat(fault.code).isEqualTo(code);
                    assertThat(fault.getMessage()).isEqualTo(text);
                });
    }

    /**
     * The agent's log says that the synchronization ended with these conditions, no sooner than {@code seconds} after
     * the agent process started (the reference of the timeouts is taken when its core is created, a little later),
     * and within 10 s more.
     */
    private static void assertSynchronizationEndedAfter(TestingAgent agent, int seconds, String... conditions)
            throws Exception {
        Instant processStart = agent.agentProcess().orElseThrow().info().startInstant().orElseThrow();
        List<String> starts = agent.logLines(0, "starting with 3 declared instance(s)");
        List<String> ends = agent.logLines(0, "synchronization ends:");
        assertThat(starts).as(agent.identifier()).hasSize(1);
        assertThat(ends).as(agent.identifier()).hasSize(1);
        assertThat(ends.get(0)).contains(conditions);
        Instant end = logTime(ends.get(0));
        assertThat(end).as("end of %s's synchronization", agent.identifier())
                .isAfterOrEqualTo(processStart.plusSeconds(seconds))
                .isBefore(logTime(starts.get(0)).plusSeconds(seconds + 10));
    }

    /** The time of a line of the agent's log (local time, milliseconds). */
    private static Instant logTime(String line) {
        return LocalDateTime.parse(line.substring(0, 23), LOG_TIME).atZone(ZoneId.systemDefault()).toInstant();
    }
}
