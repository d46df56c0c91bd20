package org.supvisors.dist.commander;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.dist.commander.CommanderRig.KILLED_AT_STOP;
import static org.supvisors.dist.commander.CommanderRig.SLEEPER;
import static org.supvisors.dist.commander.CommanderRig.sleepers;

import java.time.Duration;
import java.util.Map;

import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/**
 * Failures on A, B, C (TC-20 to TC-28): the starting failure strategies of a required process that cannot start,
 * the running failure strategies of a process killed with SIGKILL, RESTART_PROCESS of a process lost with its
 * instance (kill -9 of B's agent and supervisord), then SHUTDOWN of the whole platform. The tests
 * run in order on one cluster: B is lost from the seventh on, and the last one ends everything.
 *
 * <p>Every program runs with {@code autorestart = false}: a crash is then Supvisors' business only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailureIT {

    private static final String RULES = startFailure("sf_abort", "ABORT") + startFailure("sf_stop", "STOP")
            + startFailure("sf_continue", "CONTINUE") + """
                <model name="f1"><identifiers>B</identifiers><start_sequence>1</start_sequence></model>
                <model name="f2"><identifiers>C</identifiers><start_sequence>2</start_sequence>
                    <required>true</required></model>
                <model name="f3"><identifiers>A</identifiers><start_sequence>3</start_sequence></model>
                <application name="keep">
                    <start_sequence>1</start_sequence>
                    <programs>
                        <program name="c1"><identifiers>C</identifiers><start_sequence>1</start_sequence>
                            <running_failure_strategy>CONTINUE</running_failure_strategy></program>
                        <program name="r1"><identifiers>A</identifiers><start_sequence>1</start_sequence>
                            <running_failure_strategy>RESTART_PROCESS</running_failure_strategy></program>
                        <program name="k3"><identifiers>B</identifiers><start_sequence>1</start_sequence></program>
                    </programs>
                </application>
                <application name="mm">
                    <start_sequence>1</start_sequence>
                    <programs>
                        <program name="manager"><identifiers>A</identifiers><start_sequence>1</start_sequence>
                            <required>true</required></program>
                        <program name="hmi"><identifiers>B</identifiers><start_sequence>2</start_sequence>
                            <running_failure_strategy>STOP_APPLICATION</running_failure_strategy></program>
                    </programs>
                </application>
                <application name="duo">
                    <start_sequence>1</start_sequence>
                    <programs>
                        <program name="lead"><identifiers>C</identifiers><start_sequence>1</start_sequence>
                            <running_failure_strategy>RESTART_APPLICATION</running_failure_strategy></program>
                        <program name="follower"><identifiers>A</identifiers><start_sequence>2</start_sequence>
                            </program>
                    </programs>
                </application>
                <application name="web">
                    <start_sequence>1</start_sequence>
                    <programs>
                        <program name="browser"><identifiers>B,C,A</identifiers><start_sequence>1</start_sequence>
                            <running_failure_strategy>RESTART_PROCESS</running_failure_strategy></program>
                    </programs>
                </application>
                <application name="crit">
                    <start_sequence>1</start_sequence>
                    <programs>
                        <program name="core"><identifiers>C</identifiers><start_sequence>1</start_sequence>
                            <running_failure_strategy>SHUTDOWN</running_failure_strategy></program>
                    </programs>
                </application>
            """;

    /** An application of f1 (B), f2 (C, required, fails to start), f3 (A), in sequence, with a strategy. */
    private static String startFailure(String application, String strategy) {
        return """
                <application name="%s">
                    <starting_failure_strategy>%s</starting_failure_strategy>
                    <programs>
                        <program name="f1"><reference>f1</reference></program>
                        <program name="f2"><reference>f2</reference></program>
                        <program name="f3"><reference>f3</reference></program>
                    </programs>
                </application>
                """.formatted(application, strategy);
    }

    private static final String NO_RESTART = "autorestart = false";

    @RegisterExtension
    static final CommanderRig rig = CommanderRig.of("failure", RULES, b -> {
        b.program("f1", SLEEPER, "startsecs = 0", NO_RESTART, KILLED_AT_STOP)
                .program("f2", "/bin/sh -c 'exit 1'", "startsecs = 1", "startretries = 0", NO_RESTART)
                .program("f3", SLEEPER, "startsecs = 0", NO_RESTART, KILLED_AT_STOP);
        for (String application : new String[] {"sf_abort", "sf_stop", "sf_continue"}) {
            b.section("[group:" + application + "]\nprograms = f1,f2,f3\n");
        }
        sleepers(b, "keep", "c1", "r1", "k3");
        sleepers(b, "mm", "manager", "hmi");
        sleepers(b, "duo", "lead", "follower");
        sleepers(b, "web", "browser");
        sleepers(b, "crit", "core");
    });

    /** supervisord's stop time of keep:c1 and keep:r1 after their crash: unchanged if never restarted. */
    private static Map<String, Object> c1Crashed;
    private static Map<String, Object> r1Crashed;

    @Test
    @Order(1)
    void abort_leaves_the_rest_of_the_sequence_unstarted_when_a_required_process_fails() throws Exception {
        assertThat(rig.master().call("supvisors.start_application", "CONFIG", "sf_abort", true)).isEqualTo(true);
        assertThat(rig.where("sf_abort:f1")).containsExactly("B");
        assertThat(rig.state("sf_abort:f2")).isEqualTo("FATAL");
        assertNeverStarted("A", "sf_abort:f3");
        assertThat(rig.master().struct("supvisors.get_application_info", "sf_abort"))
                .containsEntry("statename", "RUNNING").containsEntry("major_failure", true)
                .containsEntry("minor_failure", false);
    }

    @Test
    @Order(2)
    void stop_stops_the_application_once_its_start_failed() throws Exception {
        assertThat(rig.master().call("supvisors.start_application", "CONFIG", "sf_stop", false)).isEqualTo(true);
        Await.until(CommanderRig.PROGRESS, () -> {
            assertThat(rig.state("sf_stop:f2")).isEqualTo("FATAL");
            assertThat(rig.state("sf_stop:f1")).isEqualTo("STOPPED");
            assertThat(rig.master().struct("supvisors.get_application_info", "sf_stop"))
                    .containsEntry("statename", "STOPPED");
            assertThat(rig.master().struct("supvisors.get_supvisors_state").get("stopping_jobs"))
                    .isEqualTo(new Object[0]);
        });
        assertThat((Integer) rig.supervisorInfo("B", "sf_stop:f1").get("start")).as("f1 ran before").isPositive();
        assertNeverStarted("A", "sf_stop:f3");
    }

    @Test
    @Order(3)
    void continue_goes_on_with_the_sequence_after_a_required_process_failed() throws Exception {
        assertThat(rig.master().call("supvisors.start_application", "CONFIG", "sf_continue", true)).isEqualTo(true);
        assertThat(rig.state("sf_continue:f2")).isEqualTo("FATAL");
        assertThat(rig.where("sf_continue:f3")).containsExactly("A");
        assertThat(rig.master().struct("supvisors.get_application_info", "sf_continue"))
                .containsEntry("statename", "RUNNING").containsEntry("major_failure", true);
    }

    @Test
    @Order(4)
    void a_crash_with_continue_or_restart_process_is_left_to_supervisord() throws Exception {
        rig.awaitWhere("keep:c1", "C");
        rig.awaitWhere("keep:r1", "A");
        rig.awaitWhere("keep:k3", "B");
        rig.kill9("C", "keep:c1");
        rig.kill9("A", "keep:r1");
        Await.until(CommanderRig.PROGRESS, () -> {
            assertThat(rig.state("keep:c1")).isEqualTo("EXITED");
            assertThat(rig.state("keep:r1")).isEqualTo("EXITED");
        });
        // the Master decides on the event that shows the crash: nothing was planned
        assertThat(rig.master().struct("supvisors.get_supvisors_state").get("starting_jobs"))
                .isEqualTo(new Object[0]);
        assertThat(rig.master().structs("supvisors.get_process_info", "keep:c1").get(0))
                .containsEntry("expected_exit", false);
        assertThat(rig.master().struct("supvisors.get_application_info", "keep"))
                .containsEntry("statename", "RUNNING").containsEntry("major_failure", false)
                .containsEntry("minor_failure", true);
        c1Crashed = rig.supervisorInfo("C", "keep:c1");
        r1Crashed = rig.supervisorInfo("A", "keep:r1");
        assertThat(c1Crashed).containsEntry("statename", "EXITED");
        assertThat(r1Crashed).containsEntry("statename", "EXITED");
    }

    @Test
    @Order(5)
    void stop_application_stops_the_application_of_a_crashed_process() throws Exception {
        rig.awaitWhere("mm:hmi", "B");
        int manager = (Integer) rig.supervisorInfo("A", "mm:manager").get("pid");
        rig.kill9("B", "mm:hmi");
        Await.until(CommanderRig.PROGRESS, () -> {
            assertThat(rig.state("mm:manager")).isEqualTo("STOPPED");
            assertThat(rig.master().struct("supvisors.get_application_info", "mm"))
                    .containsEntry("statename", "STOPPED");
        });
        assertThat(rig.state("mm:hmi")).isEqualTo("EXITED");
        assertThat(ProcessHandle.of(manager).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(rig.supervisorInfo("B", "mm:hmi")).containsEntry("statename", "EXITED");
    }

    @Test
    @Order(6)
    void restart_application_stops_then_starts_again_the_application_of_a_crashed_process() throws Exception {
        rig.awaitWhere("duo:follower", "A");
        int follower = (Integer) rig.supervisorInfo("A", "duo:follower").get("pid");
        int lead = rig.kill9("C", "duo:lead");
        Await.until(CommanderRig.PROGRESS, () -> {
            Map<String, Object> leadNow = rig.supervisorInfo("C", "duo:lead");
            Map<String, Object> followerNow = rig.supervisorInfo("A", "duo:follower");
            assertThat(leadNow).containsEntry("statename", "RUNNING");
            assertThat(leadNow.get("pid")).isNotEqualTo(lead);
            assertThat(followerNow).containsEntry("statename", "RUNNING");
            assertThat(followerNow.get("pid")).as("follower stopped and started again").isNotEqualTo(follower);
            assertThat(rig.master().struct("supvisors.get_application_info", "duo"))
                    .containsEntry("statename", "RUNNING").containsEntry("major_failure", false)
                    .containsEntry("minor_failure", false);
        });
        assertThat(ProcessHandle.of(follower).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    @Order(7)
    void restart_process_starts_a_process_lost_with_its_instance_elsewhere() throws Exception {
        rig.awaitWhere("web:browser", "B");
        double killed = CommanderRig.monotonic();
        rig.cluster().kill9WithAgent(CommanderRig.NICKS.indexOf("B"));
        Await.until(Duration.ofSeconds(15), () -> assertThat(rig.where("web:browser")).containsExactly("C"));
        System.out.printf("[commander] browser RUNNING on C %.2f s after the kill -9 of B%n",
                CommanderRig.monotonic() - killed);
        assertThat(rig.supervisorInfo("C", "web:browser")).containsEntry("statename", "RUNNING");
        for (TestingAgent agent : rig.cluster().started()) {
            assertThat(agent.fsmState()).isEqualTo("OPERATION");
        }
        // the crashes of the fourth test were never repaired by Supvisors
        assertThat(rig.supervisorInfo("C", "keep:c1")).isEqualTo(withNow(c1Crashed, "C", "keep:c1"));
        assertThat(rig.supervisorInfo("A", "keep:r1")).isEqualTo(withNow(r1Crashed, "A", "keep:r1"));
    }

    @Test
    @Order(8)
    void shutdown_ends_every_supervisord_when_its_process_crashes() throws Exception {
        rig.awaitWhere("crit:core", "C");
        rig.kill9("C", "crit:core");
        Await.until(Duration.ofSeconds(30), () -> assertThat(rig.cluster().started()).isEmpty());
    }

    /** The process was never started on that instance's supervisord. */
    private static void assertNeverStarted(String nick, String namespec) throws XmlRpcException {
        assertThat(rig.supervisorInfo(nick, namespec)).containsEntry("statename", "STOPPED")
                .containsEntry("start", 0);
    }

    /** {@code info} with the current {@code now} and {@code description} (they move with time). */
    private static Map<String, Object> withNow(Map<String, Object> info, String nick, String namespec)
            throws XmlRpcException {
        Map<String, Object> current = rig.supervisorInfo(nick, namespec);
        Map<String, Object> copy = new java.util.HashMap<>(info);
        copy.put("now", current.get("now"));
        copy.put("description", current.get("description"));
        return copy;
    }
}
