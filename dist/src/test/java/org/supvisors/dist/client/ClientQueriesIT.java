package org.supvisors.dist.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.dist.client.ClientFixtures.TIMEOUT;
import static org.supvisors.dist.client.ClientFixtures.close;
import static org.supvisors.dist.client.ClientFixtures.startWithRules;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supvisors.client.SupvisorsApi;
import org.supvisors.client.SupvisorsClient;
import org.supvisors.client.model.ApplicationInfo;
import org.supvisors.client.model.ApplicationRules;
import org.supvisors.client.model.ApplicationState;
import org.supvisors.client.model.ConciliationStrategy;
import org.supvisors.client.model.DistributionRule;
import org.supvisors.client.model.InnerProcessInfo;
import org.supvisors.client.model.InstanceInfo;
import org.supvisors.client.model.InstanceState;
import org.supvisors.client.model.InstanceStateModes;
import org.supvisors.client.model.LocalProcessInfo;
import org.supvisors.client.model.LogLevel;
import org.supvisors.client.model.NetworkInfo;
import org.supvisors.client.model.ProcessInfo;
import org.supvisors.client.model.ProcessRules;
import org.supvisors.client.model.ProcessState;
import org.supvisors.client.model.StartPrediction;
import org.supvisors.client.model.StartingStrategy;
import org.supvisors.client.model.Strategies;
import org.supvisors.client.model.SupvisorsFailureStrategy;
import org.supvisors.client.model.SupvisorsState;
import org.supvisors.client.model.SupvisorsStateModes;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/**
 * Every query method of {@code supvisors.*} through the client library against a real agent: each typed result
 * holds what the agent sent, with exactly the keys of 0.19 (nothing left in {@code raw()} that the record does not
 * read).
 */
class ClientQueriesIT {

    private static final String RULES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <root>
                <application name="web">
                    <start_sequence>1</start_sequence>
                    <distribution>SINGLE_INSTANCE</distribution>
                    <programs>
                        <program pattern=".*">
                            <start_sequence>1</start_sequence>
                            <expected_loading>10</expected_loading>
                            <required>true</required>
                        </program>
                    </programs>
                </application>
            </root>
            """;

    private static TestingAgent agent;
    private static SupvisorsClient client;
    private static SupvisorsApi supvisors;

    @BeforeAll
    static void start() throws Exception {
        agent = startWithRules(TestingAgent.builder("queries")
                .credentials("admin", "s3cret")
                .option("rules_files", "%(here)s/rules.xml")
                .option("stereotypes", "front-end")
                .program("front", "/bin/sleep 1000", "startsecs = 0")
                .program("back", "/bin/sleep 1000", "startsecs = 0")
                .section("[group:web]\nprograms = front,back\n")
                .program("loose", "/bin/sleep 1000", "autostart = true", "startsecs = 0")
                .build(), RULES);
        client = SupvisorsClient.builder(agent.agentUrl()).credentials("admin", "s3cret").build();
        supvisors = client.supvisors();
        Await.until(TIMEOUT, () -> {
            assertThat(supvisors.getApplicationInfo("web").state()).isEqualTo(ApplicationState.RUNNING);
            assertThat(supvisors.getProcessInfo("loose").get(0).state()).isEqualTo(ProcessState.RUNNING);
        });
    }

    @AfterAll
    static void stop() throws Exception {
        close(agent, client);
    }

    @Test
    void version_state_and_modes_master_strategies_and_statistics() throws Exception {
        assertThat(supvisors.getApiVersion()).isEqualTo("0.19");

        SupvisorsStateModes state = supvisors.getSupvisorsState();
        assertThat(state.identifier()).isEqualTo(agent.identifier());
        assertThat(state.nickIdentifier()).isEqualTo("queries");
        assertThat(state.state()).isEqualTo(SupvisorsState.OPERATION);
        assertThat(state.masterIdentifier()).isEqualTo(agent.identifier());
        assertThat(state.startingJobs()).isEmpty();
        assertThat(state.instanceStates()).containsExactly(Map.entry(agent.identifier(), InstanceState.RUNNING));
        assertThat(state.nowMonotonic()).isPositive();
        assertThat(state.raw().keySet()).containsExactlyInAnyOrder("identifier", "nick_identifier", "now_monotonic",
                "fsm_statecode", "fsm_statename", "degraded_mode", "discovery_mode", "master_identifier",
                "starting_jobs", "stopping_jobs", "instance_states");

        List<InstanceStateModes> all = supvisors.getAllInstancesStateModes();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).state()).isEqualTo(SupvisorsState.OPERATION);
        assertThat(all.get(0).startingJobs()).isFalse();
        assertThat(supvisors.getInstanceStateModes("queries")).extracting(InstanceStateModes::identifier)
                .containsExactly(agent.identifier());

        assertThat(supvisors.getMasterIdentifier()).hasValueSatisfying(master -> {
            assertThat(master.identifier()).isEqualTo(agent.identifier());
            assertThat(master.nickIdentifier()).isEqualTo("queries");
        });

        Strategies strategies = supvisors.getStrategies();
        assertThat(strategies.autoFencing()).isFalse();
        assertThat(strategies.starting()).isEqualTo(StartingStrategy.CONFIG);
        assertThat(strategies.conciliation()).isEqualTo(ConciliationStrategy.USER);
        assertThat(strategies.supvisorsFailure()).isEqualTo(SupvisorsFailureStrategy.CONTINUE);
        assertThat(supvisors.getStatisticsStatus().collectingPeriod()).isEqualTo(5.0);
    }

    @Test
    void network_and_instance_info() throws Exception {
        NetworkInfo network = supvisors.getNetworkInfo("queries");
        assertThat(network.identifier()).isEqualTo(agent.identifier());
        assertThat(network.hostId()).isEqualTo("127.0.0.1");
        assertThat(network.httpPort()).isEqualTo(agent.supervisord().httpPort());
        assertThat(network.stereotypes()).containsExactly("front-end");
        assertThat(network.network()).hasValueSatisfying(n -> assertThat(n.machineId()).matches("(\\p{XDigit}{2}:){5}"
                + "\\p{XDigit}{2}"));

        List<InstanceInfo> instances = supvisors.getAllInstancesInfo();
        assertThat(instances).hasSize(1);
        InstanceInfo info = instances.get(0);
        assertThat(info.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(info.nodeName()).isEqualTo("127.0.0.1");
        assertThat(info.port()).isEqualTo(agent.supervisord().httpPort());
        assertThat(info.loading()).as("front and back run, 10%% each").isEqualTo(20);
        assertThat(info.processFailure()).isFalse();
        assertThat(info.localTime()).isGreaterThan(1_600_000_000L);
        assertThat(info.raw().keySet()).containsExactlyInAnyOrder("identifier", "nick_identifier", "node_name", "port",
                "statecode", "statename", "loading", "process_failure", "remote_sequence_counter", "remote_time",
                "remote_mtime", "local_sequence_counter", "local_time", "local_mtime");
        assertThat(supvisors.getInstanceInfo(agent.identifier())).extracting(InstanceInfo::nickIdentifier)
                .containsExactly("queries");
    }

    @Test
    void applications_with_their_rules() throws Exception {
        assertThat(supvisors.getAllApplicationsInfo()).extracting(ApplicationInfo::applicationName)
                .contains("web", "loose");
        ApplicationInfo web = supvisors.getApplicationInfo("web");
        assertThat(web.managed()).isTrue();
        assertThat(web.state()).isEqualTo(ApplicationState.RUNNING);
        assertThat(web.majorFailure()).isFalse();
        assertThat(web.raw().keySet()).containsExactlyInAnyOrder("application_name", "managed", "now_monotonic",
                "statecode", "statename", "major_failure", "minor_failure");

        ApplicationRules rules = supvisors.getApplicationRules("web");
        assertThat(rules.managed()).isTrue();
        assertThat(rules.rules()).hasValueSatisfying(r -> {
            assertThat(r.startSequence()).isEqualTo(1);
            assertThat(r.distribution()).isEqualTo(DistributionRule.SINGLE_INSTANCE);
            assertThat(r.identifiers()).containsExactly("*");
            assertThat(r.statusFormula()).isEmpty();
        });
        assertThat(supvisors.getApplicationRules("loose").rules()).isEmpty();
    }

    @Test
    void processes_with_their_rules_conflicts_and_predictions() throws Exception {
        List<ProcessInfo> processes = supvisors.getAllProcessInfo();
        assertThat(processes).extracting(ProcessInfo::namespec).contains("web:front", "web:back", "loose");
        ProcessInfo front = supvisors.getProcessInfo("web:front").get(0);
        assertThat(front.state()).isEqualTo(ProcessState.RUNNING);
        assertThat(front.identifiers()).containsExactly(agent.identifier());
        assertThat(front.raw().keySet()).containsExactlyInAnyOrder("application_name", "process_name",
                "now_monotonic", "statecode", "statename", "expected_exit", "last_event_mtime", "identifiers",
                "extra_args");
        assertThat(supvisors.getProcessInfo("web:*")).extracting(ProcessInfo::processName)
                .containsExactlyInAnyOrder("front", "back");

        List<ProcessRules> rules = supvisors.getProcessRules("web:*");
        assertThat(rules).hasSize(2).allSatisfy(r -> {
            assertThat(r.startSequence()).isEqualTo(1);
            assertThat(r.expectedLoading()).isEqualTo(10);
            assertThat(r.required()).isTrue();
        });
        assertThat(supvisors.getConflicts()).isEmpty();

        supvisors.stopProcess("web:back");
        List<StartPrediction> web = supvisors.testStartProcess(StartingStrategy.LESS_LOADED, "web:back");
        assertThat(web).singleElement().satisfies(p -> {
            assertThat(p.namespec()).isEqualTo("web:back");
            assertThat(p.state()).isEqualTo(ProcessState.RUNNING);
            assertThat(p.runningIdentifiers()).containsExactly(agent.identifier());
        });
        supvisors.startProcess(StartingStrategy.CONFIG, "web:back");
    }

    @Test
    void local_and_inner_process_info_and_the_log_level() throws Exception {
        List<LocalProcessInfo> local = supvisors.getAllLocalProcessInfo();
        assertThat(local).extracting(LocalProcessInfo::namespec).contains("web:front", "web:back", "loose");
        LocalProcessInfo loose = supvisors.getLocalProcessInfo("loose");
        assertThat(loose.state()).isEqualTo(ProcessState.RUNNING);
        assertThat(loose.pid()).isPositive();
        assertThat(loose.programName()).isEqualTo("loose");
        assertThat(loose.start()).isPositive();
        assertThat(loose.raw().keySet()).containsExactlyInAnyOrder("group", "name", "state", "statename", "start",
                "stop", "now", "pid", "description", "spawnerr", "expected", "start_monotonic", "stop_monotonic",
                "now_monotonic", "extra_args", "startsecs", "stopwaitsecs", "process_index", "program_name",
                "disabled", "has_stdout", "has_stderr");

        List<InnerProcessInfo> inner = supvisors.getAllInnerProcessInfo("queries");
        assertThat(inner).extracting(i -> i.local().namespec()).contains("web:front", "loose");
        InnerProcessInfo front = supvisors.getInnerProcessInfo(agent.identifier(), "web:front").get(0);
        assertThat(front.local().state()).isEqualTo(ProcessState.RUNNING);
        assertThat(front.hasCrashed()).isFalse();
        front.identifier().ifPresent(identifier -> assertThat(identifier).isEqualTo(agent.identifier()));
        Set<String> innerKeys = Set.of("local_mtime", "event_time", "uptime", "has_crashed", "identifier",
                "nick_identifier");
        assertThat(front.raw().keySet()).allSatisfy(key -> assertThat(loose.raw().containsKey(key)
                || innerKeys.contains(key)).as(key).isTrue());

        assertThat(supvisors.changeLogLevel(LogLevel.DEBUG)).isTrue();
        assertThat(supvisors.changeLogLevel(LogLevel.INFO)).isTrue();
    }
}
