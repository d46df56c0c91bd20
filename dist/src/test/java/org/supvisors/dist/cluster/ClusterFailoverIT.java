package org.supvisors.dist.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.dist.cluster.ClusterViews.CHANGE;
import static org.supvisors.dist.cluster.ClusterViews.FORMATION;
import static org.supvisors.dist.cluster.ClusterViews.awaitOperationWithMaster;
import static org.supvisors.dist.cluster.ClusterViews.awaitSameAnswers;
import static org.supvisors.dist.cluster.ClusterViews.identity;
import static org.supvisors.dist.cluster.ClusterViews.seen;
import static org.supvisors.dist.cluster.ClusterViews.struct;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.QueryPoller;
import org.supvisors.dist.testing.TestingAgent;
import org.supvisors.dist.testing.TestingCluster;

/**
 * Three instances A, B, C ({@code synchro_options = STRICT}, {@code auto_fence = false}), each running its own
 * program {@code work_<nick>}: one cluster for the class, whose tests kill and restart instances in turn and leave
 * the three of them in OPERATION.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;

    private static TestingCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestingCluster.of("failover", List.of("A", "B", "C"), b -> b.option("synchro_options", "STRICT"));
        for (int i = 0; i < 3; i++) {
            String program = "work_" + cluster.nick(i);
            cluster.override(i, b -> b.program(program, "/bin/sleep 1000", "autostart = true", "startsecs = 0"));
        }
        cluster.startAll();
        awaitOperationWithMaster(cluster, "A", FORMATION);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void every_instance_gives_the_same_answers_and_the_instances_of_one_node_report_its_machine_id() throws Exception {
        Map<String, Object> answers = awaitSameAnswers(cluster, CHANGE);

        assertThat(answers.get("supvisors.get_master_identifier"))
                .isEqualTo(Map.of("identifier", cluster.identifier(A), "nick_identifier", "A"));
        assertThat((List<?>) answers.get("supvisors.get_all_instances_info")).hasSize(3)
                .allSatisfy(i -> assertThat(struct(i)).containsEntry("statename", "RUNNING")
                        .containsEntry("loading", 0));
        assertThat((List<?>) answers.get("supvisors.get_all_process_info")).extracting(p -> struct(p)
                .get("process_name") + " " + struct(p).get("statename") + " " + struct(p).get("identifiers"))
                .containsExactlyInAnyOrder("work_A RUNNING [" + cluster.identifier(A) + "]",
                        "work_B RUNNING [" + cluster.identifier(B) + "]",
                        "work_C RUNNING [" + cluster.identifier(C) + "]");
        // on loopback the three instances are on one node: they report its machine id, the key of node loads
        Object machineId = struct(struct(answers.get("supvisors.get_network_info A")).get("network"))
                .get("machine_id");
        assertThat((String) machineId).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
        for (int i = 0; i < 3; i++) {
            assertThat(struct(struct(answers.get("supvisors.get_network_info " + cluster.nick(i))).get("network")))
                    .containsEntry("machine_id", machineId);
        }
    }

    @Test
    @Order(2)
    void when_a_non_master_crashes_then_the_others_see_it_failed_then_stopped_and_stay_in_operation_until_it_rejoins()
            throws Exception {
        TestingAgent a = cluster.agent(A);
        TestingAgent b = cluster.agent(B);
        int markA = a.logMark();
        int markB = b.logMark();
        try (QueryPoller onA = QueryPoller.start(a); QueryPoller onB = QueryPoller.start(b)) {
            cluster.kill9WithAgent(C);

            Await.until(CHANGE, () -> {
                assertThat(seen(a, cluster, C)).isEqualTo("STOPPED");
                assertThat(seen(b, cluster, C)).isEqualTo("STOPPED");
            });
            for (TestingAgent observer : List.of(a, b)) {
                int mark = observer == a ? markA : markB;
                assertLostThen(observer, mark, identity(cluster, C), "STOPPED");
                // the loss of the connection tells, not the silence
                assertThat(observer.logLines(mark, identity(cluster, C), "silent")).isEmpty();
                Map<String, Object> state = observer.struct("supvisors.get_supvisors_state");
                assertThat(state).containsEntry("fsm_statename", "OPERATION").containsEntry("degraded_mode", true)
                        .containsEntry("master_identifier", cluster.identifier(A));
                Map<String, Object> work = observer.structs("supvisors.get_process_info", "work_C").get(0);
                assertThat(work).containsEntry("statename", "FATAL");
                assertThat((Object[]) work.get("identifiers")).isEmpty();
            }
            assertThat(a.structs("supvisors.get_all_inner_process_info", cluster.identifier(C)))
                    .singleElement().satisfies(info -> assertThat(info)
                            .containsEntry("spawnerr", "Supervisor " + cluster.identifier(C) + " lost"));

            cluster.start(C);
            awaitOperationWithMaster(cluster, "A", FORMATION);
            Await.until(CHANGE, () -> assertThat(cluster.agent(C).processState("work_C")).isEqualTo("RUNNING"));
            awaitSameAnswers(cluster, CHANGE);

            for (QueryPoller poller : List.of(onA, onB)) {
                assertThat(poller.awaitRounds(2).failures()).isEmpty();
                assertThat(poller.states()).containsExactly("OPERATION");
            }
        }
    }

    @Test
    @Order(3)
    void when_the_agent_alone_crashes_then_the_others_see_the_link_lost_and_it_rejoins_when_supervisord_restarts_it()
            throws Exception {
        TestingAgent a = cluster.agent(A);
        TestingAgent c = cluster.agent(C);
        int markA = a.logMark();
        int oldPid = c.agentPid();
        try (QueryPoller onA = QueryPoller.start(a)) {
            cluster.kill9Agent(C);

            Await.until(CHANGE, () -> assertLostThen(a, markA, identity(cluster, C), "STOPPED"));
            Await.until(CHANGE, () -> assertThat(c.agentPid()).isNotIn(0, oldPid));
            awaitOperationWithMaster(cluster, "A", FORMATION);
            Await.until(CHANGE, () -> assertThat(seen(a, cluster, C)).isEqualTo("RUNNING"));
            awaitSameAnswers(cluster, CHANGE);

            assertThat(onA.awaitRounds(2).failures()).isEmpty();
            assertThat(onA.states()).containsExactly("OPERATION");
        }
    }

    /**
     * supervisord stops its agent with SIGTERM (supervisorctl stop, or supervisord stopping or restarting): the agent
     * closes its links and tells its peers why before it exits.
     */
    @Test
    @Order(4)
    void when_supervisord_stops_the_agent_then_the_others_are_told_why_and_it_rejoins_once_started_again()
            throws Exception {
        TestingAgent a = cluster.agent(A);
        TestingAgent c = cluster.agent(C);
        int markA = a.logMark();

        c.supervisor("supervisor.stopProcess", "supvisors", true);

        Await.until(CHANGE, () -> assertThat(seen(a, cluster, C)).isEqualTo("STOPPED"));
        assertThat(a.logLines(markA, "instance " + identity(cluster, C),
                "lost (closed by the peer: the peer transport closes): FAILED")).hasSize(1);

        c.supervisor("supervisor.startProcess", "supvisors", true);
        awaitOperationWithMaster(cluster, "A", FORMATION);
        Await.until(CHANGE, () -> assertThat(seen(a, cluster, C)).isEqualTo("RUNNING"));
    }

    @Test
    @Order(5)
    void when_the_master_crashes_then_a_new_master_is_elected_while_queries_keep_answering_and_the_old_one_rejoins()
            throws Exception {
        TestingAgent b = cluster.agent(B);
        TestingAgent c = cluster.agent(C);
        int markB = b.logMark();
        try (QueryPoller onB = QueryPoller.start(b); QueryPoller onC = QueryPoller.start(c)) {
            cluster.kill9WithAgent(A);

            awaitOperationWithMaster(cluster, "B", CHANGE);
            assertLostThen(b, markB, identity(cluster, A), "STOPPED");
            assertThat(seen(c, cluster, A)).isEqualTo("STOPPED");
            // read-only queries answered from the last known model while the Master changed
            for (QueryPoller poller : List.of(onB, onC)) {
                assertThat(poller.awaitRounds(2).failures()).isEmpty();
            }
        }
        try (QueryPoller onB = QueryPoller.start(b); QueryPoller onC = QueryPoller.start(c)) {
            cluster.start(A);

            awaitOperationWithMaster(cluster, "B", FORMATION);
            Await.until(CHANGE, () -> assertThat(seen(b, cluster, A)).isEqualTo("RUNNING"));
            awaitSameAnswers(cluster, CHANGE);
            // the old Master is integrated without a new election: the others never leave OPERATION
            for (QueryPoller poller : List.of(onB, onC)) {
                assertThat(poller.awaitRounds(2).failures()).isEmpty();
                assertThat(poller.states()).containsExactly("OPERATION");
            }
        }
    }

    /** The observer logged the instance lost (FAILED), then set it {@code finalState}. */
    private static void assertLostThen(TestingAgent observer, int mark, String identity, String finalState) {
        List<String> lines = observer.logLines(mark, "instance " + identity);
        int lost = indexOf(lines, "lost (", "FAILED");
        assertThat(lost).as("'%s lost ... FAILED' in %s", identity, lines).isNotNegative();
        int invalidated = indexOf(lines, "is " + finalState);
        assertThat(invalidated).as("'%s is %s' after the loss in %s", identity, finalState, lines).isGreaterThan(lost);
    }

    private static int indexOf(List<String> lines, String... fragments) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (List.of(fragments).stream().allMatch(line::contains)) {
                return i;
            }
        }
        return -1;
    }
}
