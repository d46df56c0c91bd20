package org.supvisors.dist.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/**
 * One real supervisord with the agent of the distribution: the model follows what the processes really do, and is
 * rebuilt whole when the agent or supervisord restarts.
 */
class AgentModelIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static TestingAgent agent;

    @BeforeAll
    static void start() {
        agent = TestingAgent.builder("model")
                .program("sleeper", "/bin/sleep 1000", "autostart = true")
                .program("crasher", "/bin/sh -c \"sleep 1; exit 3\"", "autorestart = false", "startsecs = 0")
                .program("missing", "/nonexistent/command", "startretries = 0", "autostart = true")
                .program("quick", "/bin/sleep 1000", "startsecs = 0")
                .section("[program:pool]\ncommand = /bin/sleep 1000\nprocess_name = %(program_name)s_%(process_num)d\n"
                        + "numprocs = 2\nautostart = false\n")
                .build().start().awaitOperation(TIMEOUT);
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void the_model_holds_every_process_of_supervisord_but_the_agent_itself() throws Exception {
        List<String> names = agent.structs("supvisors.get_all_process_info").stream()
                .map(p -> p.get("application_name") + ":" + p.get("process_name")).sorted()
                .collect(Collectors.toList());
        assertThat(names).containsExactly("crasher:crasher", "missing:missing", "pool:pool_0", "pool:pool_1",
                "quick:quick", "sleeper:sleeper");
        Map<String, Object> local = agent.struct("supvisors.get_local_process_info", "pool:pool_1");
        assertThat(local).containsEntry("program_name", "pool").containsEntry("process_index", 1)
                .containsEntry("has_stdout", true);
        Await.until(TIMEOUT, () -> assertThat(agent.processState("sleeper")).isEqualTo("RUNNING"));
    }

    @Test
    void the_model_follows_a_start_and_a_stop_made_through_the_agent() throws Exception {
        assertThat(agent.call("supervisor.startProcess", "quick", true)).isEqualTo(true);
        Await.until(TIMEOUT, () -> assertThat(agent.processState("quick")).isEqualTo("RUNNING"));
        Map<String, Object> info = agent.structs("supvisors.get_process_info", "quick").get(0);
        assertThat(info.get("identifiers")).isEqualTo(new Object[] {agent.identifier()});
        Map<String, Object> local = agent.struct("supvisors.get_local_process_info", "quick");
        @SuppressWarnings("unchecked")
        Map<String, Object> real = (Map<String, Object>) agent.supervisor("supervisor.getProcessInfo", "quick");
        assertThat(local.get("pid")).isEqualTo(real.get("pid"));

        assertThat(agent.call("supervisor.stopProcess", "quick", true)).isEqualTo(true);
        Await.until(TIMEOUT, () -> assertThat(agent.processState("quick")).isEqualTo("STOPPED"));
        assertThat(agent.struct("supvisors.get_local_process_info", "quick")).containsEntry("pid", 0);
    }

    @Test
    void a_crash_and_a_spawn_error_are_seen_with_their_details() throws Exception {
        agent.supervisor("supervisor.startProcess", "crasher", false);
        Await.until(TIMEOUT, () -> {
            Map<String, Object> info = agent.structs("supvisors.get_process_info", "crasher").get(0);
            assertThat(info).containsEntry("statename", "EXITED").containsEntry("expected_exit", false);
        });
        Map<String, Object> inner = agent.structs("supvisors.get_inner_process_info", agent.identifier(),
                "crasher").get(0);
        assertThat(inner).containsEntry("has_crashed", true);
        assertThat(agent.structs("supvisors.get_instance_info", "model").get(0))
                .containsEntry("process_failure", true);

        Await.until(TIMEOUT, () -> assertThat(agent.struct("supvisors.get_local_process_info", "missing"))
                .containsEntry("statename", "FATAL")
                .hasEntrySatisfying("spawnerr", e -> assertThat((String) e).contains("/nonexistent/command")));
        assertThatThrownBy(() -> agent.call("supervisor.startProcess", "missing", true))
                .isInstanceOfSatisfying(org.apache.xmlrpc.XmlRpcException.class, fault ->
                        assertThat(fault.code).as("NO_FILE").isEqualTo(20));
    }

    @Test
    void a_group_added_and_removed_at_run_time_appears_and_disappears() throws Exception {
        Files.writeString(agent.supervisord().configuration(), "\n[program:late]\ncommand = /bin/sleep 1000\n"
                + "autostart = true\n", java.nio.file.StandardOpenOption.APPEND);
        agent.supervisor("supervisor.reloadConfig");
        agent.supervisor("supervisor.addProcessGroup", "late");
        Await.until(TIMEOUT, () -> assertThat(agent.processState("late")).isEqualTo("RUNNING"));
        assertThat(agent.struct("supvisors.get_application_info", "late")).containsEntry("statename", "RUNNING");

        agent.supervisor("supervisor.stopProcess", "late", true);
        agent.supervisor("supervisor.removeProcessGroup", "late");
        Await.until(TIMEOUT, () -> assertThat(agent.structs("supvisors.get_all_applications_info"))
                .noneMatch(a -> a.get("application_name").equals("late")));
    }

    @Test
    void a_killed_agent_is_restarted_by_supervisord_and_rebuilds_the_whole_model() throws Exception {
        Await.until(TIMEOUT, () -> assertThat(agent.processState("sleeper")).isEqualTo("RUNNING"));
        List<Map<String, Object>> before = agent.structs("supvisors.get_all_local_process_info");
        int pid = agent.agentPid();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        Await.until(TIMEOUT, () -> assertThat(agent.agentPid()).isNotIn(0, pid));
        agent.awaitOperation(TIMEOUT);
        List<Map<String, Object>> after = agent.structs("supvisors.get_all_local_process_info");
        assertThat(summary(after)).isEqualTo(summary(before));
        // before, a start time is the second the STARTING event reached the agent (as in 0.19); after, the one
        // supervisord recorded: they may differ by one second
        Map<String, Integer> startsBefore = starts(before);
        starts(after).forEach((name, start) -> assertThat(start).as("start of " + name)
                .isBetween(startsBefore.get(name) - 1, startsBefore.get(name) + 1));
    }

    private static List<String> summary(List<Map<String, Object>> infos) {
        return infos.stream().map(i -> i.get("group") + ":" + i.get("name") + "=" + i.get("statename") + "/"
                + i.get("pid")).sorted().collect(Collectors.toList());
    }

    private static Map<String, Integer> starts(List<Map<String, Object>> infos) {
        return infos.stream().collect(Collectors.toMap(i -> i.get("group") + ":" + i.get("name"),
                i -> ((Number) i.get("start")).intValue()));
    }
}
