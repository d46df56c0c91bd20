package org.supvisors.dist.commander;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.dist.commander.CommanderRig.KILLED_AT_STOP;
import static org.supvisors.dist.commander.CommanderRig.SLEEPER;
import static org.supvisors.dist.commander.CommanderRig.assertFault;
import static org.supvisors.dist.commander.CommanderRig.sleepers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/**
 * Conflicts made on purpose on A, B, C (TC-29 to TC-31): a managed process started directly with
 * {@code supervisor.startProcess} on other instances' supervisord, so that it runs on several at once. With
 * {@code conciliation_strategy = USER} Supvisors stays in CONCILIATION until the user acts; then
 * {@code supvisors.conciliate} applies each strategy. Copies are started one after the other, each once the
 * previous one is RUNNING ({@code startsecs = 1}): their ages differ by a second at least.
 *
 * <p>Auto-start: {@code db:srv_1} on A, {@code db:srv_2} on B, {@code db:srv_3} on C, {@code mm:manager} on A and
 * {@code mm:hmi} on B.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConciliationIT {

    private static final String RULES = """
                <application name="db">
                    <start_sequence>1</start_sequence>
                    <programs>
                        <program name="srv_1"><identifiers>A,B,C</identifiers><start_sequence>1</start_sequence>
                            </program>
                        <program name="srv_2"><identifiers>B,C,A</identifiers><start_sequence>1</start_sequence>
                            </program>
                        <program name="srv_3"><identifiers>C,A,B</identifiers><start_sequence>1</start_sequence>
                            </program>
                    </programs>
                </application>
                <application name="mm">
                    <start_sequence>1</start_sequence>
                    <programs>
                        <program name="manager"><identifiers>A,B,C</identifiers><start_sequence>1</start_sequence>
                            <running_failure_strategy>RESTART_APPLICATION</running_failure_strategy></program>
                        <program name="hmi"><identifiers>B</identifiers><start_sequence>2</start_sequence></program>
                    </programs>
                </application>
            """;

    @RegisterExtension
    static final CommanderRig rig = CommanderRig.of("conciliation", RULES, b -> {
        for (String program : List.of("srv_1", "srv_2", "srv_3", "manager")) {
            b.program(program, SLEEPER, "startsecs = 1", "autorestart = false", KILLED_AT_STOP);
        }
        b.section("[group:db]\nprograms = srv_1,srv_2,srv_3\n");
        CommanderRig.sleeper(b, "hmi").section("[group:mm]\nprograms = manager,hmi\n");
        sleepers(b, "misc", "z");
    });

    @BeforeAll
    static void awaitAutomaticStart() {
        rig.awaitWhere("db:srv_1", "A");
        rig.awaitWhere("db:srv_2", "B");
        rig.awaitWhere("db:srv_3", "C");
        rig.awaitWhere("mm:hmi", "B");
    }

    @Test
    @Order(1)
    void a_managed_process_running_twice_is_a_conflict_that_user_leaves_to_the_user() throws Exception {
        assertFault(101, "BAD_SUPVISORS_STATE: invalid Supvisors state=OPERATION",
                () -> rig.master().call("supvisors.conciliate", "SENICIDE"));

        copy("A", "misc:z");
        copy("B", "misc:z");
        Await.until(CommanderRig.PROGRESS, () -> assertThat(rig.where("misc:z")).containsExactly("A", "B"));
        // the Master decides on the event that shows the second copy
        assertThat(rig.master().fsmState()).as("unmanaged: no conflict").isEqualTo("OPERATION");
        assertThat(rig.master().structs("supvisors.get_conflicts")).isEmpty();

        copy("B", "db:srv_1");
        rig.awaitFsm("CONCILIATION");
        for (TestingAgent agent : rig.cluster().started()) {
            List<Map<String, Object>> conflicts = agent.structs("supvisors.get_conflicts");
            assertThat(conflicts).as(agent.identifier()).hasSize(1);
            assertThat(conflicts.get(0)).containsEntry("application_name", "db")
                    .containsEntry("process_name", "srv_1").containsEntry("statename", "RUNNING");
            assertThat(Arrays.asList((Object[]) conflicts.get(0).get("identifiers")))
                    .containsExactlyInAnyOrder(rig.id("A"), rig.id("B"));
        }
        assertThat(rig.agent("C").call("supvisors.conciliate", "USER")).isEqualTo(false);
        assertFault(101, "BAD_SUPVISORS_STATE: invalid Supvisors state=CONCILIATION",
                () -> rig.master().call("supvisors.start_process", "CONFIG", "misc:z", "", true));
        assertThat(rig.where("db:srv_1")).containsExactly("A", "B");

        rig.agent("B").supervisor("supervisor.stopProcess", "db:srv_1", true);
        rig.awaitFsm("OPERATION");
        assertThat(rig.master().structs("supvisors.get_conflicts")).isEmpty();
        assertThat(rig.where("db:srv_1")).containsExactly("A");
        rig.agent("A").supervisor("supervisor.stopProcess", "misc:z", true);
        rig.agent("B").supervisor("supervisor.stopProcess", "misc:z", true);
    }

    @Test
    @Order(2)
    void senicide_keeps_the_youngest_copy() throws Exception {
        copy("B", "db:srv_1");
        copy("C", "db:srv_1");
        rig.awaitFsm("CONCILIATION");
        assertThat(rig.agent("B").call("supvisors.conciliate", "SENICIDE")).isEqualTo(true);
        rig.awaitFsm("OPERATION");
        assertThat(rig.where("db:srv_1")).containsExactly("C");
    }

    @Test
    @Order(3)
    void infanticide_keeps_the_oldest_copy() throws Exception {
        copy("C", "db:srv_2");
        copy("A", "db:srv_2");
        rig.awaitFsm("CONCILIATION");
        assertThat(rig.master().call("supvisors.conciliate", 1)).isEqualTo(true);
        rig.awaitFsm("OPERATION");
        assertThat(rig.where("db:srv_2")).containsExactly("B");
    }

    @Test
    @Order(4)
    void stop_stops_every_copy() throws Exception {
        copy("A", "db:srv_3");
        rig.awaitFsm("CONCILIATION");
        assertThat(rig.master().call("supvisors.conciliate", "STOP")).isEqualTo(true);
        rig.awaitFsm("OPERATION");
        assertThat(rig.state("db:srv_3")).isEqualTo("STOPPED");
        assertThat(rig.where("db:srv_3")).isEmpty();
        assertThat(rig.master().call("supvisors.start_process", "CONFIG", "db:srv_3", "", true)).isEqualTo(true);
        assertThat(rig.where("db:srv_3")).containsExactly("C");
    }

    @Test
    @Order(5)
    void restart_stops_every_copy_then_starts_one_with_the_default_strategy() throws Exception {
        // after the senicide, srv_1 runs on C; its first candidate is A
        int before = (Integer) rig.supervisorInfo("C", "db:srv_1").get("pid");
        copy("B", "db:srv_1");
        rig.awaitFsm("CONCILIATION");
        assertThat(rig.master().call("supvisors.conciliate", "RESTART")).isEqualTo(true);
        rig.awaitFsm("OPERATION");
        rig.awaitWhere("db:srv_1", "A");
        assertThat(rig.supervisorInfo("C", "db:srv_1")).containsEntry("statename", "STOPPED");
        assertThat(rig.supervisorInfo("B", "db:srv_1")).containsEntry("statename", "STOPPED");
        assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    @Order(6)
    void running_failure_stops_every_copy_and_applies_the_running_failure_strategy() throws Exception {
        int hmi = (Integer) rig.supervisorInfo("B", "mm:hmi").get("pid");
        copy("C", "mm:manager");
        rig.awaitFsm("CONCILIATION");
        assertThat(rig.master().call("supvisors.conciliate", "RUNNING_FAILURE")).isEqualTo(true);
        // RESTART_APPLICATION: mm stopped (hmi too), then started again, manager on its first candidate
        Await.until(CommanderRig.PROGRESS, () -> {
            assertThat(rig.master().fsmState()).isEqualTo("OPERATION");
            assertThat(rig.where("mm:manager")).containsExactly("A");
            assertThat(rig.where("mm:hmi")).containsExactly("B");
            assertThat(rig.supervisorInfo("B", "mm:hmi").get("pid")).as("hmi started again").isNotEqualTo(hmi);
        });
        assertThat(rig.supervisorInfo("C", "mm:manager")).containsEntry("statename", "STOPPED");
        assertThat(rig.master().struct("supvisors.get_application_info", "mm"))
                .containsEntry("statename", "RUNNING").containsEntry("major_failure", false);
    }

    /** Starts the process on {@code nick}'s supervisord, behind Supvisors' back, and returns once it is RUNNING. */
    private static void copy(String nick, String namespec) throws XmlRpcException {
        assertThat(rig.agent(nick).supervisor("supervisor.startProcess", namespec, true)).isEqualTo(true);
    }
}
