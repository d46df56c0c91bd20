package org.supvisors.dist.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supvisors.dist.client.ClientFixtures.TIMEOUT;
import static org.supvisors.dist.client.ClientFixtures.WEB_RULES;
import static org.supvisors.dist.client.ClientFixtures.close;
import static org.supvisors.dist.client.ClientFixtures.fault;
import static org.supvisors.dist.client.ClientFixtures.startWithRules;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supvisors.client.FaultCode;
import org.supvisors.client.SupvisorsApi;
import org.supvisors.client.SupvisorsClient;
import org.supvisors.client.XmlRpcFault;
import org.supvisors.client.model.ApplicationState;
import org.supvisors.client.model.ConciliationStrategy;
import org.supvisors.client.model.ProcessState;
import org.supvisors.client.model.StartPrediction;
import org.supvisors.client.model.StartingStrategy;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/**
 * The control methods through the client library against a real agent: applications and processes started and
 * stopped with and without waiting, the faults of 0.19 with their codes and names, and calls that wait longer than
 * the read timeout without hitting it.
 */
class ClientControlIT {

    private static TestingAgent agent;
    private static SupvisorsClient client;
    private static SupvisorsApi supvisors;

    @BeforeAll
    static void start() {
        agent = startWithRules(ClientFixtures.webAgent("control", "1")
                .program("loose", "/bin/sleep 1000", "startsecs = 0")
                .program("spare", "/bin/sleep 1000", "startsecs = 0")
                .program("slow", "/bin/sleep 1000", "startsecs = 3")
                .build(), WEB_RULES);
        // the read timeout is below the startsecs of 'slow': the calls that wait must not be bound by it
        client = SupvisorsClient.builder(agent.agentUrl()).readTimeout(Duration.ofMillis(1500)).build();
        supvisors = client.supvisors();
    }

    @AfterAll
    static void stop() throws Exception {
        close(agent, client);
    }

    private static ProcessState state(String namespec) throws Exception {
        return supvisors.getProcessInfo(namespec).get(0).state();
    }

    @Test
    void an_application_started_and_stopped_with_wait_is_running_then_stopped_when_the_call_returns()
            throws Exception {
        List<StartPrediction> prediction = supvisors.testStartApplication(StartingStrategy.LESS_LOADED, "web");
        assertThat(prediction).extracting(StartPrediction::namespec).containsExactly("web:back", "web:front");
        assertThat(prediction).allSatisfy(p -> assertThat(p.runningIdentifiers()).containsExactly(agent.identifier()));

        long start = System.nanoTime();
        assertThat(supvisors.startApplication(StartingStrategy.LESS_LOADED, "web")).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited for startsecs")
                .isGreaterThan(Duration.ofMillis(900));
        assertThat(supvisors.getApplicationInfo("web").state()).isEqualTo(ApplicationState.RUNNING);
        assertThat(state("web:front")).isEqualTo(ProcessState.RUNNING);

        XmlRpcFault again = fault(() -> supvisors.startApplication(StartingStrategy.CONFIG, "web"));
        assertThat(again.code()).isEqualTo(60);
        assertThat(again.faultName()).isEqualTo("ALREADY_STARTED");
        assertThat(again.faultString()).isEqualTo("ALREADY_STARTED: web");

        assertThat(supvisors.restartApplication(StartingStrategy.CONFIG, "web")).isTrue();
        assertThat(supvisors.getApplicationInfo("web").state()).isEqualTo(ApplicationState.RUNNING);

        assertThat(supvisors.stopApplication("web")).isTrue();
        assertThat(supvisors.getApplicationInfo("web").state()).isEqualTo(ApplicationState.STOPPED);
        XmlRpcFault stopped = fault(() -> supvisors.stopApplication("web"));
        assertThat(stopped.is(FaultCode.NOT_RUNNING)).isTrue();
        assertThat(stopped.text()).isEqualTo("failed to stop web");
    }

    @Test
    void an_application_started_without_wait_returns_at_once_and_runs_later() throws Exception {
        assertThat(supvisors.startApplication(StartingStrategy.CONFIG, "web", false)).isTrue();
        Await.until(TIMEOUT, () -> assertThat(supvisors.getApplicationInfo("web").state())
                .isEqualTo(ApplicationState.RUNNING));
        assertThat(supvisors.stopApplication("web", false)).isTrue();
        Await.until(TIMEOUT, () -> assertThat(supvisors.getApplicationInfo("web").state())
                .isEqualTo(ApplicationState.STOPPED));
    }

    @Test
    void processes_started_stopped_and_restarted_with_wait() throws Exception {
        assertThat(supvisors.startProcess(StartingStrategy.LOCAL, "web:front")).isTrue();
        assertThat(state("web:front")).isEqualTo(ProcessState.RUNNING);
        int pid = supvisors.getLocalProcessInfo("web:front").pid();
        assertThat(supvisors.restartProcess(StartingStrategy.CONFIG, "web:front")).isTrue();
        assertThat(supvisors.getLocalProcessInfo("web:front").pid()).isNotEqualTo(pid);
        assertThat(supvisors.stopProcess("web:front")).isTrue();
        assertThat(state("web:front")).isEqualTo(ProcessState.STOPPED);
        XmlRpcFault stopped = fault(() -> supvisors.stopProcess("web:front"));
        assertThat(stopped.is(FaultCode.NOT_RUNNING)).isTrue();
        assertThat(stopped.text()).isEqualTo("web:front already stopped");

        assertThat(supvisors.startAnyProcess(StartingStrategy.CONFIG, "^loo")).isEqualTo("loose");
        assertThat(state("loose")).isEqualTo(ProcessState.RUNNING);
        XmlRpcFault running = fault(() -> supvisors.startProcess(StartingStrategy.CONFIG, "loose"));
        assertThat(running.is(FaultCode.ALREADY_STARTED)).isTrue();
        assertThat(supvisors.stopProcess("loose", false)).isTrue();
        Await.until(TIMEOUT, () -> assertThat(state("loose")).isEqualTo(ProcessState.STOPPED));

        assertThat(supvisors.startArgs("loose", "")).isTrue();
        assertThat(supvisors.getLocalProcessInfo("loose").state()).isEqualTo(ProcessState.RUNNING);
        assertThat(supvisors.stopProcess("loose")).isTrue();
    }

    @Test
    void a_call_that_waits_longer_than_the_read_timeout_is_not_bound_by_it() throws Exception {
        long start = System.nanoTime();
        assertThat(supvisors.startProcess(StartingStrategy.CONFIG, "slow")).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("startsecs = 3 > read timeout = 1.5 s")
                .isGreaterThan(Duration.ofMillis(2900));
        assertThat(state("slow")).isEqualTo(ProcessState.RUNNING);
        assertThat(supvisors.stopProcess("slow")).isTrue();
        start = System.nanoTime();
        assertThat(client.supervisor().startProcess("slow")).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(2900));
        assertThat(client.supervisor().stopProcess("slow")).isTrue();
    }

    @Test
    void a_disabled_program_is_refused_by_supervisor_start_process_with_fault_103() throws Exception {
        assertThat(supvisors.disable("spare")).isTrue();
        assertThat(supvisors.getLocalProcessInfo("spare").disabled()).isTrue();
        XmlRpcFault disabled = fault(() -> client.supervisor().startProcess("spare"));
        assertThat(disabled.code()).isEqualTo(103);
        assertThat(disabled.faultCode()).contains(FaultCode.DISABLED);
        assertThat(disabled.faultName()).isEqualTo("DISABLED");
        assertThat(supvisors.enable("spare")).isTrue();
        assertThat(supvisors.getLocalProcessInfo("spare").disabled()).isFalse();
        assertThat(client.supervisor().startProcess("spare")).isTrue();
        assertThat(client.supervisor().stopProcess("spare")).isTrue();
    }

    @Test
    void the_faults_of_0_19_arrive_with_their_codes_names_and_texts() throws Exception {
        XmlRpcFault unknown = fault(() -> supvisors.getApplicationInfo("nope"));
        assertThat(unknown.code()).isEqualTo(10);
        assertThat(unknown.faultName()).isEqualTo("BAD_NAME");
        assertThat(unknown.text()).isEqualTo("application=nope unknown to Supvisors");
        assertThat(unknown.method()).isEqualTo("supvisors.get_application_info");

        XmlRpcFault unmanaged = fault(() -> supvisors.startApplication(StartingStrategy.CONFIG, "loose"));
        assertThat(unmanaged.is(FaultCode.NOT_MANAGED)).isTrue();
        assertThat(unmanaged.code()).isEqualTo(102);

        XmlRpcFault state = fault(() -> supvisors.conciliate(ConciliationStrategy.STOP));
        assertThat(state.code()).isEqualTo(101);
        assertThat(state.faultName()).isEqualTo("BAD_SUPVISORS_STATE");
        assertThat(state.text()).startsWith("invalid Supvisors state=OPERATION");
        assertThat(fault(() -> supvisors.endSync()).is(FaultCode.BAD_SUPVISORS_STATE)).isTrue();

        XmlRpcFault parameters = fault(() -> client.call("supvisors.get_process_info"));
        assertThat(parameters.code()).isEqualTo(2);
        assertThat(parameters.faultName()).isEqualTo("INCORRECT_PARAMETERS");
        assertThat(parameters.text()).isEmpty();

        XmlRpcFault method = fault(() -> client.call("supvisors.no_such_method"));
        assertThat(method.is(FaultCode.UNKNOWN_METHOD)).isTrue();
        assertThat(method.faultString()).isEqualTo("UNKNOWN_METHOD");

        XmlRpcFault supervisor = fault(() -> client.supervisor().getProcessInfo("nope"));
        assertThat(supervisor.is(FaultCode.BAD_NAME)).isTrue();
        assertThat(supervisor.faultString()).isEqualTo("BAD_NAME: nope");
    }

    @Test
    void the_statistics_switches_and_update_numprocs_are_encoded_and_decoded() throws Exception {
        assertThat(supvisors.enableHostStatistics(false)).isTrue();
        assertThat(supvisors.enableProcessStatistics(false)).isTrue();
        assertThat(supvisors.updateCollectingPeriod(5.0)).isTrue();
        assertThat(supvisors.enableHostStatistics(true)).isTrue();
        assertThat(supvisors.enableProcessStatistics(true)).isTrue();
        // the same numprocs: nothing to change, answered at once
        assertThat(supvisors.updateNumprocs("loose", 1)).isTrue();
        XmlRpcFault unknown = fault(() -> supvisors.updateNumprocs("nope", 2));
        assertThat(unknown.is(FaultCode.BAD_NAME)).as(unknown.getMessage()).isTrue();
        assertThatThrownBy(() -> supvisors.restartSequence()).isInstanceOfSatisfying(XmlRpcFault.class,
                f -> assertThat(f.is(FaultCode.ABNORMAL_TERMINATION)).as(f.getMessage()).isTrue());
    }
}
