package org.supvisors.dist.commander;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.dist.commander.CommanderRig.KILLED_AT_STOP;
import static org.supvisors.dist.commander.CommanderRig.SLEEPER;
import static org.supvisors.dist.commander.CommanderRig.SLOW_STOPPER;
import static org.supvisors.dist.commander.CommanderRig.assertFault;
import static org.supvisors.dist.commander.CommanderRig.monotonic;

import java.util.Map;

import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supvisors.core.testing.Await;

/**
 * Start and stop sequences on A, B, C (TC-10, TC-11, TC-12): the automatic start at DISTRIBUTION by application
 * then process sequence, a {@code wait_exit} one-shot ending before the next sequence, the stop sequence greatest
 * first, and {@code wait=True} answered as soon as the last event is in. The order is read in supervisord's own
 * start and stop times (whole seconds: every step waits for a {@code startsecs = 1} process, so that consecutive
 * steps differ by at least a second) and in the monotonic times of the events.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SequenceIT {

    private static final String RULES = """
                <application name="first">
                    <start_sequence>1</start_sequence>
                    <programs>
                        <program name="a1"><identifiers>B</identifiers><start_sequence>1</start_sequence>
                            <stop_sequence>3</stop_sequence></program>
                        <program name="a2"><identifiers>C</identifiers><start_sequence>2</start_sequence>
                            <wait_exit>true</wait_exit></program>
                        <program name="a3"><identifiers>A</identifiers><start_sequence>2</start_sequence>
                            <stop_sequence>1</stop_sequence></program>
                        <program name="a4"><identifiers>B</identifiers><start_sequence>3</start_sequence>
                            <stop_sequence>2</stop_sequence></program>
                        <program name="a5"><start_sequence>0</start_sequence></program>
                    </programs>
                </application>
                <application name="second">
                    <start_sequence>2</start_sequence>
                    <programs>
                        <program name="b1"><identifiers>C</identifiers><start_sequence>1</start_sequence></program>
                    </programs>
                </application>
                <application name="manual">
                    <start_sequence>0</start_sequence>
                    <programs>
                        <program name="m1"><identifiers>B</identifiers><start_sequence>1</start_sequence></program>
                    </programs>
                </application>
            """;

    @RegisterExtension
    static final CommanderRig rig = CommanderRig.of("sequence", RULES, b -> b
            .program("a1", SLOW_STOPPER, "startsecs = 1")
            .program("a2", "/bin/sh -c 'sleep 3'", "startsecs = 0", "exitcodes = 0", "autorestart = false")
            .program("a3", SLOW_STOPPER, "startsecs = 1")
            .program("a4", SLOW_STOPPER, "startsecs = 1")
            .program("a5", SLEEPER, "startsecs = 0")
            .section("[group:first]\nprograms = a1,a2,a3,a4,a5\n")
            .program("b1", SLEEPER, "startsecs = 1", KILLED_AT_STOP)
            .section("[group:second]\nprograms = b1\n")
            .program("m1", SLEEPER, "startsecs = 0", KILLED_AT_STOP)
            .section("[group:manual]\nprograms = m1\n"));

    @Test
    @Order(1)
    void the_automatic_start_runs_applications_then_processes_by_sequence_and_waits_for_the_one_shot()
            throws Exception {
        rig.awaitWhere("second:b1", "C");
        assertSequenceOrder();
        long b1 = start("C", "second:b1");
        assertThat(b1).as("second (application sequence 2) after first's last step").isGreaterThan(start("B",
                "first:a4"));
        assertThat(rig.state("first:a5")).as("start_sequence 0: not started").isEqualTo("STOPPED");
        assertThat(rig.state("manual:m1")).as("application start_sequence 0: not started").isEqualTo("STOPPED");
        assertThat(rig.master().struct("supvisors.get_application_info", "first"))
                .containsEntry("statename", "RUNNING").containsEntry("major_failure", false)
                .containsEntry("minor_failure", false);
    }

    @Test
    @Order(2)
    void stop_application_stops_the_greatest_stop_sequence_first() throws Exception {
        rig.awaitWhere("first:a4", "B");
        assertThat(rig.master().call("supvisors.stop_application", "first", true)).isEqualTo(true);
        for (String process : new String[] {"first:a1", "first:a3", "first:a4"}) {
            assertThat(rig.state(process)).as(process).isEqualTo("STOPPED");
        }
        double a1 = stopMonotonic("B", "first:a1");
        double a4 = stopMonotonic("B", "first:a4");
        double a3 = stopMonotonic("A", "first:a3");
        // each takes half a second to stop: in sequence, every stop ends at least that long after the previous one
        assertThat(a4 - a1).as("a4 (stop_sequence 2) stopped after a1 (3)").isGreaterThan(0.4);
        assertThat(a3 - a4).as("a3 (stop_sequence 1) stopped after a4 (2)").isGreaterThan(0.4);
        assertThat(rig.master().struct("supvisors.get_application_info", "first"))
                .containsEntry("statename", "STOPPED");
        assertFault(70, "NOT_RUNNING: failed to stop first",
                () -> rig.master().call("supvisors.stop_application", "first", true));
        assertFault(70, "NOT_RUNNING: first:a1 already stopped",
                () -> rig.master().call("supvisors.stop_process", "first:a1", true));
    }

    @Test
    @Order(3)
    void start_application_with_wait_answers_once_the_last_sequence_runs_in_order() throws Exception {
        Await.until(CommanderRig.PROGRESS, () -> assertThat(rig.master().struct("supvisors.get_application_info",
                "first")).containsEntry("statename", "STOPPED"));
        assertThat(rig.agent("C").call("supvisors.start_application", "CONFIG", "first", true)).isEqualTo(true);
        double answered = monotonic();
        assertThat(rig.state("first:a4")).as("the last step is done when the call answers").isEqualTo("RUNNING");
        assertSequenceOrder();
        double lastEvent = (Double) rig.agent("C").structs("supvisors.get_process_info", "first:a4").get(0)
                .get("last_event_mtime");
        assertThat(answered - lastEvent).as("answer delay after a4's RUNNING event").isLessThan(0.3);
        assertFault(60, "ALREADY_STARTED: first",
                () -> rig.master().call("supvisors.start_application", "CONFIG", "first", true));
    }

    @Test
    @Order(4)
    void wait_true_answers_promptly_once_the_process_is_running_or_stopped() throws Exception {
        double called = monotonic();
        assertThat(rig.agent("C").call("supvisors.start_process", "CONFIG", "manual:m1", "", true)).isEqualTo(true);
        double answered = monotonic();
        assertThat(rig.where("manual:m1")).containsExactly("B");
        assertThat(answered - lastEventOf("C", "manual:m1")).as("answer delay after RUNNING").isLessThan(0.3);
        assertThat(answered - called).as("start with startsecs 0").isLessThan(1.0);

        called = monotonic();
        assertThat(rig.agent("C").call("supvisors.stop_process", "manual:m1", true)).isEqualTo(true);
        answered = monotonic();
        assertThat(rig.state("manual:m1")).isEqualTo("STOPPED");
        assertThat(answered - lastEventOf("C", "manual:m1")).as("answer delay after STOPPED").isLessThan(0.3);
        assertThat(answered - called).as("stop of a sleeper").isLessThan(1.0);

        assertThat(rig.agent("B").call("supvisors.start_application", 0, "manual", false)).isEqualTo(true);
        rig.awaitWhere("manual:m1", "B");
    }

    /**
     * a1 (sequence 1) on B; a2 (one-shot of 3 s, wait_exit) on C and a3 on A (sequence 2, together); a4 (sequence
     * 3) on B once a2 has exited.
     */
    private static void assertSequenceOrder() throws XmlRpcException {
        long a1 = start("B", "first:a1");
        long a2 = start("C", "first:a2");
        long a3 = start("A", "first:a3");
        long a4 = start("B", "first:a4");
        assertThat(a2).as("a2 (sequence 2) after a1 (sequence 1) is RUNNING").isGreaterThan(a1);
        assertThat(a3).as("a3 (sequence 2) after a1 (sequence 1) is RUNNING").isGreaterThan(a1);
        assertThat(Math.abs(startMonotonic("C", "first:a2") - startMonotonic("A", "first:a3")))
                .as("a2 and a3 (same sequence) started together").isLessThan(0.5);
        Map<String, Object> a2Info = rig.supervisorInfo("C", "first:a2");
        assertThat(a2Info).containsEntry("statename", "EXITED").containsEntry("exitstatus", 0);
        assertThat(a4).as("a4 (sequence 3) after a2 exited").isGreaterThanOrEqualTo((Integer) a2Info.get("stop"))
                .isGreaterThanOrEqualTo(a2 + 3).isGreaterThan(a3);
    }

    /** supervisord's start time of the process (whole seconds). */
    private static long start(String nick, String namespec) throws XmlRpcException {
        return (Integer) rig.supervisorInfo(nick, namespec).get("start");
    }

    private static double startMonotonic(String nick, String namespec) throws XmlRpcException {
        return (Double) rig.inner(nick, namespec).get("start_monotonic");
    }

    private static double stopMonotonic(String nick, String namespec) throws XmlRpcException {
        return (Double) rig.inner(nick, namespec).get("stop_monotonic");
    }

    private static double lastEventOf(String nick, String namespec) throws XmlRpcException {
        return (Double) rig.agent(nick).structs("supvisors.get_process_info", namespec).get(0).get("last_event_mtime");
    }
}
