package org.supvisors.dist.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.xmlrpc.XmlRpcException;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.Answers;
import org.supvisors.dist.testing.TestingAgent;
import org.supvisors.dist.testing.TestingCluster;

/** What the instances of a cluster answer, and how they see each other. */
final class ClusterViews {

    static final Duration FORMATION = Duration.ofSeconds(60);
    static final Duration CHANGE = Duration.ofSeconds(30);

    private ClusterViews() {
    }

    private static List<TestingAgent> agents(TestingCluster cluster, List<Integer> indexes) {
        return indexes == null ? cluster.started() : indexes.stream().map(cluster::agent).collect(Collectors.toList());
    }

    /** An answer known to be a struct. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> struct(Object answer) {
        return (Map<String, Object>) answer;
    }

    /** {@code <nick>identifier}, as the agents' log lines name an instance. */
    static String identity(TestingCluster cluster, int index) {
        return "<" + cluster.nick(index) + ">" + cluster.identifier(index);
    }

    /** The state of the instance at {@code index} as {@code observer} sees it. */
    static String seen(TestingAgent observer, TestingCluster cluster, int index) throws XmlRpcException {
        return (String) observer.structs("supvisors.get_instance_info", cluster.identifier(index)).get(0)
                .get("statename");
    }

    /** The Master's nickname as {@code observer} answers it, {@code null} when it has none. */
    static Object masterNick(TestingAgent observer) throws XmlRpcException {
        return observer.struct("supvisors.get_master_identifier").get("nick_identifier");
    }

    /** Waits until every started instance answers OPERATION with this Master. */
    static void awaitOperationWithMaster(TestingCluster cluster, String masterNick, Duration timeout) {
        awaitOperationWithMaster(cluster, null, masterNick, timeout);
    }

    /** Waits until these instances (all the started ones if null) answer OPERATION with this Master. */
    static void awaitOperationWithMaster(TestingCluster cluster, List<Integer> indexes, String masterNick,
                                         Duration timeout) {
        Await.until(timeout, () -> {
            for (TestingAgent agent : agents(cluster, indexes)) {
                assertThat(agent.fsmState()).as(agent.identifier()).isEqualTo("OPERATION");
                assertThat(masterNick(agent)).as(agent.identifier()).isEqualTo(masterNick);
            }
        });
    }

    /**
     * What an instance answers about the whole cluster, without time fields: the answers that must be the same on
     * every instance once the cluster has converged.
     */
    static Map<String, Object> sharedAnswers(TestingAgent agent, TestingCluster cluster) throws XmlRpcException {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (String method : List.of("supvisors.get_master_identifier", "supvisors.get_strategies",
                "supvisors.get_all_instances_info", "supvisors.get_all_instances_state_modes",
                "supvisors.get_all_applications_info", "supvisors.get_all_process_info", "supvisors.get_conflicts")) {
            answers.put(method, Answers.withoutTimes(agent.call(method)));
        }
        for (int i = 0; i < cluster.size(); i++) {
            answers.put("supvisors.get_network_info " + cluster.nick(i),
                    Answers.withoutTimes(agent.call("supvisors.get_network_info", cluster.identifier(i))));
        }
        Map<String, Object> state = agent.struct("supvisors.get_supvisors_state");
        answers.put("supvisors.get_supvisors_state", Map.of("fsm_statename", state.get("fsm_statename"),
                "degraded_mode", state.get("degraded_mode"), "master_identifier", state.get("master_identifier")));
        return answers;
    }

    /**
     * Waits until each of these instances holds, of each other one, the state & modes it publishes now: the last
     * changes have been shared (changes of the view of instances travel within 50 ms).
     */
    static void awaitCopiesUpToDate(TestingCluster cluster, List<Integer> indexes, Duration timeout) {
        Await.until(timeout, () -> {
            for (int published : indexes) {
                Map<String, Object> own = cluster.agent(published).struct("supvisors.get_supvisors_state");
                for (int holder : indexes) {
                    Map<String, Object> copy = cluster.agent(holder).structs("supvisors.get_instance_state_modes",
                            cluster.identifier(published)).get(0);
                    for (String key : List.of("fsm_statename", "degraded_mode", "master_identifier",
                            "instance_states")) {
                        assertThat(copy.get(key)).as("%s of %s held by %s", key, cluster.nick(published),
                                cluster.nick(holder)).isEqualTo(own.get(key));
                    }
                }
            }
        });
    }

    /** Waits until every started instance gives the same {@link #sharedAnswers}, and returns them. */
    static Map<String, Object> awaitSameAnswers(TestingCluster cluster, Duration timeout) {
        return awaitSameAnswers(cluster, null, timeout);
    }

    /** Waits until these instances (all the started ones if null) give the same {@link #sharedAnswers}. */
    static Map<String, Object> awaitSameAnswers(TestingCluster cluster, List<Integer> indexes, Duration timeout) {
        Object[] reference = new Object[1];
        Await.until(timeout, () -> {
            List<TestingAgent> agents = agents(cluster, indexes);
            Map<String, Object> first = sharedAnswers(agents.get(0), cluster);
            for (TestingAgent other : agents.subList(1, agents.size())) {
                assertThat(sharedAnswers(other, cluster)).as("answers of %s and %s", agents.get(0).identifier(),
                        other.identifier()).isEqualTo(first);
            }
            reference[0] = first;
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = (Map<String, Object>) reference[0];
        return answers;
    }
}
