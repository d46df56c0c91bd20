package org.supvisors.dist.commander;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.dist.commander.CommanderRig.KILLED_AT_STOP;
import static org.supvisors.dist.commander.CommanderRig.SLEEPER;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/**
 * What the Master does on its own on A, B, C: the conciliation strategy of the options ({@code SENICIDE}) applied as
 * soon as a conflict appears (TC-31, automatic variant), and a process whose running failure strategy is
 * {@code RESTART} restarting the whole platform when it crashes (TC-28), the applications started again once the
 * instances are synchronized again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutomaticActionsIT {

    private static final String RULES = """
                <application name="db">
                    <start_sequence>1</start_sequence>
                    <programs>
                        <program name="srv"><identifiers>A,B,C</identifiers><start_sequence>1</start_sequence>
                            </program>
                    </programs>
                </application>
                <application name="crit">
                    <start_sequence>2</start_sequence>
                    <programs>
                        <program name="core"><identifiers>C</identifiers><start_sequence>1</start_sequence>
                            <running_failure_strategy>RESTART</running_failure_strategy></program>
                    </programs>
                </application>
            """;

    @RegisterExtension
    static final CommanderRig rig = CommanderRig.of("automatic", RULES, b -> {
        b.option("conciliation_strategy", "SENICIDE");
        b.program("srv", SLEEPER, "startsecs = 1", "autorestart = false", KILLED_AT_STOP)
                .section("[group:db]\nprograms = srv\n");
        CommanderRig.sleepers(b, "crit", "core");
    });

    @Test
    @Order(1)
    void a_conflict_is_conciliated_by_the_master_with_the_configured_strategy() throws Exception {
        rig.awaitWhere("db:srv", "A");
        assertThat(rig.agent("B").supervisor("supervisor.startProcess", "db:srv", true)).isEqualTo(true);
        assertThat(rig.agent("C").supervisor("supervisor.startProcess", "db:srv", false)).isEqualTo(true);
        // SENICIDE at each conflict: B's copy (younger than A's) first, then C's (younger than B's)
        Await.until(CommanderRig.PROGRESS, () -> {
            assertThat(rig.where("db:srv")).containsExactly("C");
            assertThat(rig.supervisorInfo("A", "db:srv")).containsEntry("statename", "STOPPED");
            assertThat(rig.supervisorInfo("B", "db:srv")).containsEntry("statename", "STOPPED");
        });
        rig.awaitFsm("OPERATION");
        assertThat(rig.master().agentLog()).contains("conflicts on [db:srv]: conciliation SENICIDE");
    }

    @Test
    @Order(2)
    void a_crash_with_restart_restarts_every_supervisord_and_the_applications_start_again() throws Exception {
        rig.awaitWhere("crit:core", "C");
        Map<String, Integer> agents = new HashMap<>();
        for (String nick : CommanderRig.NICKS) {
            agents.put(nick, rig.agent(nick).agentPid());
        }
        int core = rig.kill9("C", "crit:core");
        Await.until(Duration.ofSeconds(60), () -> {
            for (String nick : CommanderRig.NICKS) {
                TestingAgent agent = rig.agent(nick);
                assertThat(agent.agentPid()).as(nick + "'s agent restarted").isNotEqualTo(agents.get(nick));
                assertThat(agent.fsmState()).as(nick).isEqualTo("OPERATION");
            }
            assertThat(rig.where("crit:core")).containsExactly("C");
        });
        assertThat(rig.supervisorInfo("C", "crit:core").get("pid")).isNotEqualTo(core);
        for (String nick : CommanderRig.NICKS) {
            String log = rig.agent(nick).supervisord().read("supervisord.log");
            assertThat(log.split("supervisord started with pid", -1)).as(nick + " restarted once").hasSize(3);
        }
    }
}
