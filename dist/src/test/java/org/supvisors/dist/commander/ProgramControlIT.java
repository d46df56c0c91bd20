package org.supvisors.dist.commander;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.dist.commander.CommanderRig.KILLED_AT_STOP;
import static org.supvisors.dist.commander.CommanderRig.assertFault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/**
 * Programs controlled on A, B, C (TC-32, TC-33): disable and enable, persisted in {@code disabilities_file} across a
 * restart of the agent, {@code supervisor.startProcess} of a disabled program refused by the agent, a disabled
 * program started behind the agent's back stopped; extra arguments reaching the real process started by
 * {@code bin/supvisors-launch} on another instance than the one called.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgramControlIT {

    private static final String RULES = """
                <application name="svc">
                    <programs>
                        <program name="worker"><identifiers>B,A</identifiers></program>
                        <program name="echoer"><identifiers>C</identifiers></program>
                    </programs>
                </application>
            """;

    private static final String LAUNCHER = TestingAgent.HOME.resolve("bin/supvisors-launch").toString();

    @RegisterExtension
    static final CommanderRig rig = CommanderRig.of("control", RULES, b -> {
        b.option("disabilities_file", "%(here)s/disabilities.json");
        CommanderRig.sleeper(b, "worker");
        b.program("echoer", LAUNCHER + " /bin/sh -c 'printf \"%%s\\n\" \"$@\" > %(test_dir)s/argv.txt;"
                + " exec sleep 1000' echoer --fixed", "startsecs = 0", "autorestart = false", KILLED_AT_STOP);
        b.section("[group:svc]\nprograms = worker,echoer\n");
    });

    @Test
    @Order(1)
    void a_disabled_program_stays_disabled_across_an_agent_restart_and_is_started_elsewhere() throws Exception {
        TestingAgent b = rig.agent("B");
        assertThat(rig.master().call("supvisors.start_process", "CONFIG", "svc:worker", "", true)).isEqualTo(true);
        assertThat(rig.where("svc:worker")).containsExactly("B");

        assertThat(b.call("supvisors.disable", "worker", true)).as("answers once worker is stopped").isEqualTo(true);
        assertThat(rig.supervisorInfo("B", "svc:worker")).containsEntry("statename", "STOPPED");
        Path file = b.directory().resolve("disabilities.json");
        assertThat(Files.readString(file)).contains("\"worker\": true").contains("\"echoer\": false");
        assertThat(b.struct("supvisors.get_local_process_info", "svc:worker")).containsEntry("disabled", true);
        assertFault(103, "DISABLED: svc:worker", () -> b.call("supervisor.startProcess", "svc:worker", true));
        assertFault(10, "BAD_NAME: program=nope unknown to Supvisors", () -> b.call("supvisors.disable", "nope", true));

        // started behind the agent's back: the agent stops it
        int spawned = spawns(b);
        b.supervisor("supervisor.startProcess", "svc:worker", false);
        Await.until(CommanderRig.PROGRESS, () -> {
            assertThat(spawns(b)).isEqualTo(spawned + 1);
            assertThat(rig.supervisorInfo("B", "svc:worker")).containsEntry("statename", "STOPPED");
            assertThat(b.agentLog()).contains("svc:worker is disabled but was started behind Supvisors' back");
            assertThat(rig.state("svc:worker")).as("as the Master sees it").isEqualTo("STOPPED");
        });

        assertThat(rig.master().call("supvisors.start_process", "CONFIG", "svc:worker", "", true)).isEqualTo(true);
        assertThat(rig.where("svc:worker")).as("B excluded: the next candidate").containsExactly("A");

        int agent = b.agentPid();
        rig.cluster().kill9Agent(CommanderRig.NICKS.indexOf("B"));
        Await.until(Duration.ofSeconds(30), () -> {
            assertThat(b.agentPid()).isNotEqualTo(agent);
            assertThat(b.fsmState()).isEqualTo("OPERATION");
        });
        rig.awaitFsm("OPERATION");
        assertThat(b.struct("supvisors.get_local_process_info", "svc:worker")).as("read back from the file")
                .containsEntry("disabled", true);
        assertFault(103, "DISABLED: svc:worker", () -> b.call("supervisor.startProcess", "svc:worker", true));
        Map<String, Object> seenByA = rig.master().structs("supvisors.get_inner_process_info", rig.id("B"),
                "svc:worker").get(0);
        assertThat(seenByA).as("shared with the others").containsEntry("disabled", true);

        assertThat(rig.master().call("supvisors.stop_process", "svc:worker", true)).isEqualTo(true);
        assertThat(b.call("supvisors.enable", "worker", true)).isEqualTo(true);
        assertThat(Files.readString(file)).contains("\"worker\": false");
        assertThat(b.struct("supvisors.get_local_process_info", "svc:worker")).containsEntry("disabled", false);
        assertThat(rig.master().call("supvisors.start_process", "CONFIG", "svc:worker", "", true)).isEqualTo(true);
        assertThat(rig.where("svc:worker")).containsExactly("B");
    }

    @Test
    @Order(2)
    void extra_arguments_reach_the_process_started_on_another_instance() throws Exception {
        Path argv = rig.agent("C").directory().resolve("argv.txt");
        assertThat(rig.agent("A").call("supvisors.start_process", "CONFIG", "svc:echoer", "--level 2 'x y'", true))
                .isEqualTo(true);
        assertThat(rig.where("svc:echoer")).containsExactly("C");
        Await.until(CommanderRig.PROGRESS, () -> assertThat(Files.exists(argv)).isTrue());
        Await.until(CommanderRig.PROGRESS, () -> assertThat(Files.readAllLines(argv))
                .containsExactly("--fixed", "--level", "2", "x y"));
        for (TestingAgent agent : rig.cluster().started()) {
            assertThat(agent.structs("supvisors.get_process_info", "svc:echoer").get(0))
                    .as(agent.identifier()).containsEntry("extra_args", "--level 2 'x y'");
        }

        Files.delete(argv);
        assertThat(rig.agent("B").call("supvisors.restart_process", "CONFIG", "svc:echoer", "", true)).isEqualTo(true);
        Await.until(CommanderRig.PROGRESS, () -> assertThat(Files.exists(argv)).isTrue());
        Await.until(CommanderRig.PROGRESS, () -> assertThat(Files.readAllLines(argv)).containsExactly("--fixed"));
        assertThat(rig.master().structs("supvisors.get_process_info", "svc:echoer").get(0))
                .containsEntry("extra_args", "");
    }

    /** How many times B's supervisord spawned worker, from its log. */
    private static int spawns(TestingAgent agent) {
        return agent.supervisord().read("supervisord.log").split("spawned: 'worker'", -1).length - 1;
    }
}
