package org.supvisors.dist.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.Test;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;
import org.supvisors.dist.testing.TestingCluster;

/**
 * {@code update_numprocs} on real supervisord instances (TC-34): the override file, supervisord's groups removed and
 * added again, the model, the faults, and the view of another instance.
 */
class AgentNumprocsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String INCLUDE = "[include]\nfiles = supvisors-numprocs.conf\n";
    private static final String RULES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <root>
                <application pattern="dummy">
                    <running_failure_strategy>STOP_APPLICATION</running_failure_strategy>
                </application>
            </root>
            """;

    /** TC-34's groups: dummy1 (autostarted, stopped) and dummy2 (autostarted, control). */
    private static TestingAgent.Builder tc34(TestingAgent.Builder builder) {
        String launcher = TestingAgent.HOME.resolve("bin/supvisors-launch").toString();
        return builder
                .section(INCLUDE)
                .section("[program:autostarted]\ncommand = /bin/sleep 1000\n"
                        + "process_name = %(program_name)s_%(process_num)d\nnumprocs = 2\nnumprocs_start = 10\n"
                        + "autostart = true\nstartsecs = 0\n")
                .section("[program:stopped]\ncommand = /bin/sleep 1000\n"
                        + "process_name = %(program_name)s_%(process_num)d\nnumprocs = 2\nnumprocs_start = 20\n"
                        + "autostart = false\nstartsecs = 0\n")
                .section("[program:control]\ncommand = " + launcher + " /bin/sh -c 'printf \"%%s\\n\" \"$@\""
                        + " > %(test_dir)s/control.txt; exec sleep 1000' control\nautostart = false\nstartsecs = 0\n")
                .section("[group:dummy1]\nprograms = autostarted,stopped\n")
                .section("[group:dummy2]\nprograms = autostarted,control\n");
    }

    @Test
    void numprocs_changes_up_and_down_through_the_override_file_and_the_model_follows() throws Exception {
        try (TestingAgent agent = tc34(TestingAgent.builder("numprocs")
                .option("rules_files", "%(here)s/rules.xml")).build()) {
            Files.writeString(agent.directory().resolve("rules.xml"), RULES);
            agent.start().awaitOperation(TIMEOUT);
            Await.until(TIMEOUT, () -> assertThat(running(agent, "dummy2")).contains("autostarted_10",
                    "autostarted_11"));
            assertThat(agent.call("supvisors.start_args", "dummy2:control", "--level 2", true)).isEqualTo(true);
            Path controlArgs = agent.directory().resolve("control.txt");
            Await.until(TIMEOUT, () -> assertThat(controlArgs).exists());
            int controlPid = pid(agent, "dummy2:control");

            // the checks, in 0.19's order
            assertFault(() -> agent.call("supvisors.update_numprocs", "control", 5), 104,
                    "NOT_APPLICABLE: numprocs not applicable to program=control");
            assertFault(() -> agent.call("supvisors.update_numprocs", "autostarted", 0), 2,
                    "INCORRECT_PARAMETERS: program=autostarted incorrect numprocs=0 - integer > 0 expected");
            assertFault(() -> agent.call("supvisors.update_numprocs", "autostarted", "x"), 2,
                    "INCORRECT_PARAMETERS: program=autostarted incorrect numprocs=x - integer > 0 expected");
            assertFault(() -> agent.call("supvisors.update_numprocs", "nope", 2), 10,
                    "BAD_NAME: program=nope unknown to Supvisors");
            assertFault(() -> agent.call("supvisors.update_numprocs", "supvisors", 2), 104,
                    "NOT_APPLICABLE: numprocs not applicable to program=supvisors (the Supvisors agent itself)");
            assertThat(agent.call("supvisors.update_numprocs", "autostarted", "2")).isEqualTo(true);
            assertThat(agent.directory().resolve("supvisors-numprocs.conf")).doesNotExist();

            // increase: in both groups, in the model when the call returns, autostarted by supervisord
            Files.delete(controlArgs);
            assertThat(agent.call("supvisors.update_numprocs", "autostarted", 5)).isEqualTo(true);
            List<String> five = List.of("autostarted_10", "autostarted_11", "autostarted_12", "autostarted_13",
                    "autostarted_14");
            assertThat(modelNames(agent, "dummy1")).containsAll(five);
            assertThat(modelNames(agent, "dummy2")).containsAll(five);
            assertThat(Files.readString(agent.directory().resolve("supvisors-numprocs.conf")))
                    .contains("[program:autostarted]\nnumprocs = 5\n");
            Await.until(TIMEOUT, () -> {
                assertThat(running(agent, "dummy1")).containsAll(five);
                assertThat(running(agent, "dummy2")).containsAll(five);
            });
            // the other process of dummy2 was stopped for the change, then started again with its arguments
            Await.until(TIMEOUT, () -> assertThat(controlArgs).exists().content().isEqualTo("--level\n2\n"));
            Await.until(TIMEOUT, () -> assertThat(agent.processState("dummy2:control")).isEqualTo("RUNNING"));
            assertThat(pid(agent, "dummy2:control")).isNotEqualTo(controlPid);
            assertThat(agent.structs("supvisors.get_process_info", "dummy2:control").get(0))
                    .containsEntry("extra_args", "--level 2");
            // stopping processes for the change is no failure: STOP_APPLICATION did not fire
            assertThat(agent.struct("supvisors.get_application_info", "dummy2")).containsEntry("statename",
                    "RUNNING");

            // decrease with wait: the excess stopped, then gone from supervisord and from the model
            assertThat(agent.call("supvisors.update_numprocs", "autostarted", 2)).isEqualTo(true);
            assertThat(modelNames(agent, "dummy1")).containsExactlyInAnyOrder("autostarted_10", "autostarted_11",
                    "stopped_20", "stopped_21");
            assertThat(modelNames(agent, "dummy2")).containsExactlyInAnyOrder("autostarted_10", "autostarted_11",
                    "control");
            assertThat(supervisordNames(agent, "dummy1")).containsExactlyInAnyOrder("autostarted_10",
                    "autostarted_11", "stopped_20", "stopped_21");
            Await.until(TIMEOUT, () -> assertThat(running(agent, "dummy2")).containsExactlyInAnyOrder(
                    "autostarted_10", "autostarted_11", "control"));

            // a program of stopped processes: added stopped, then removed at once
            assertThat(agent.call("supvisors.update_numprocs", "stopped", 4)).isEqualTo(true);
            assertThat(modelNames(agent, "dummy1")).contains("stopped_22", "stopped_23");
            assertThat(agent.processState("dummy1:stopped_23")).isEqualTo("STOPPED");
            assertThat(agent.call("supvisors.update_numprocs", "stopped", 2)).isEqualTo(true);
            assertThat(modelNames(agent, "dummy1")).doesNotContain("stopped_22", "stopped_23");
            assertThat(Files.readString(agent.directory().resolve("supvisors-numprocs.conf")))
                    .contains("[program:autostarted]\nnumprocs = 2\n").contains("[program:stopped]\nnumprocs = 2\n");

            // decrease without wait: true at once, done soon after
            assertThat(agent.call("supvisors.update_numprocs", "autostarted", 4)).isEqualTo(true);
            assertThat(agent.call("supvisors.update_numprocs", "autostarted", 3, false)).isEqualTo(true);
            Await.until(TIMEOUT, () -> {
                assertThat(modelNames(agent, "dummy1")).doesNotContain("autostarted_13");
                assertThat(supervisordNames(agent, "dummy2")).doesNotContain("autostarted_13");
                assertThat(modelNames(agent, "dummy2")).contains("autostarted_12");
            });

            // lazy: true at once, the excess keeps running until it stops by itself
            Await.until(TIMEOUT, () -> assertThat(running(agent, "dummy1")).contains("autostarted_12"));
            assertThat(agent.call("supvisors.update_numprocs", "autostarted", 2, true, true)).isEqualTo(true);
            assertThat(running(agent, "dummy1")).contains("autostarted_12");
            assertThat(agent.supervisor("supervisor.stopProcess", "dummy1:autostarted_12", true)).isEqualTo(true);
            assertThat(modelNames(agent, "dummy2")).contains("autostarted_12");
            assertThat(agent.supervisor("supervisor.stopProcess", "dummy2:autostarted_12", true)).isEqualTo(true);
            Await.until(TIMEOUT, () -> {
                assertThat(modelNames(agent, "dummy1")).doesNotContain("autostarted_12");
                assertThat(modelNames(agent, "dummy2")).doesNotContain("autostarted_12");
                assertThat(supervisordNames(agent, "dummy2")).doesNotContain("autostarted_12");
            });

            // supervisord must read the override file last
            Path configuration = agent.supervisord().configuration();
            String original = Files.readString(configuration);
            Files.writeString(configuration, original.replace(INCLUDE, ""));
            // (once the lazy change is over: until then, another change of the program is refused with FAILED)
            Await.until(TIMEOUT, () -> assertFault(() -> agent.call("supvisors.update_numprocs", "autostarted", 3),
                    100, "SUPVISORS_CONF_ERROR: update_numprocs needs the override file: "
                            + agent.directory().resolve("supvisors-numprocs.conf") + " is not included by"
                            + " supervisord: add an [include] section with files = supvisors-numprocs.conf to "
                            + configuration));
            Files.writeString(configuration, original.replace("files = supvisors-numprocs.conf",
                    "files = supvisors-numprocs.conf extra/*.conf"));
            assertThatThrownBy(() -> agent.call("supvisors.update_numprocs", "autostarted", 3))
                    .isInstanceOfSatisfying(XmlRpcException.class, f -> {
                        assertThat(f.code).isEqualTo(100);
                        assertThat(f.getMessage()).contains("is not the last file supervisord reads: end files of"
                                + " [include]").contains("with supvisors-numprocs.conf (now: files ="
                                + " supvisors-numprocs.conf extra/*.conf)");
                    });
            Files.writeString(configuration, original);
            assertThat(agent.agentLog()).doesNotContain(";ERROR;");
        }
    }

    @Test
    void another_instance_sees_the_processes_added_and_removed() throws Exception {
        try (TestingCluster cluster = TestingCluster.of("numprocs", List.of("np1", "np2"), builder -> builder
                .section(INCLUDE)
                .section("[program:worker]\ncommand = /bin/sleep 1000\n"
                        + "process_name = %(program_name)s_%(process_num)d\nnumprocs = 2\nautostart = false\n"))) {
            cluster.startAll().awaitOperation(TIMEOUT);
            TestingAgent first = cluster.agent(0);
            TestingAgent second = cluster.agent(1);

            assertThat(first.call("supvisors.update_numprocs", "worker", 3)).isEqualTo(true);
            Await.until(TIMEOUT, () -> assertThat(second.structs("supvisors.get_inner_process_info",
                    first.identifier(), "worker:worker_2")).hasSize(1));
            assertThat(second.structs("supvisors.get_inner_process_info", second.identifier(), "worker:*"))
                    .hasSize(2);

            assertThat(first.call("supvisors.update_numprocs", "worker", 1)).isEqualTo(true);
            Await.until(TIMEOUT, () -> assertThatThrownBy(() -> second.structs("supvisors.get_process_info",
                    "worker:worker_2")).isInstanceOfSatisfying(XmlRpcException.class,
                    f -> assertThat(f.code).isEqualTo(10)));
            assertThat(second.structs("supvisors.get_inner_process_info", first.identifier(), "worker:*"))
                    .hasSize(1);
            assertThat(second.structs("supvisors.get_process_info", "worker:worker_1").get(0))
                    .containsEntry("process_name", "worker_1");
        }
    }

    // ---- helpers

    private interface Call {
        Object run() throws Exception;
    }

    private static void assertFault(Call call, int code, String text) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(XmlRpcException.class, f -> {
            assertThat(f.code).isEqualTo(code);
            assertThat(f.getMessage()).isEqualTo(text);
        });
    }

    /** The processes of a group in the agent's model. */
    private static List<String> modelNames(TestingAgent agent, String group) throws XmlRpcException {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> info : agent.structs("supvisors.get_process_info", group + ":*")) {
            names.add((String) info.get("process_name"));
        }
        return names;
    }

    /** The processes of a group that the agent's model shows RUNNING. */
    private static List<String> running(TestingAgent agent, String group) throws XmlRpcException {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> info : agent.structs("supvisors.get_process_info", group + ":*")) {
            if ("RUNNING".equals(info.get("statename"))) {
                names.add((String) info.get("process_name"));
            }
        }
        return names;
    }

    /** The processes of a group in supervisord. */
    private static List<String> supervisordNames(TestingAgent agent, String group) throws XmlRpcException {
        List<String> names = new ArrayList<>();
        for (Object item : (Object[]) agent.supervisor("supervisor.getAllProcessInfo")) {
            Map<?, ?> info = (Map<?, ?>) item;
            if (group.equals(info.get("group"))) {
                names.add((String) info.get("name"));
            }
        }
        return names;
    }

    private static int pid(TestingAgent agent, String namespec) throws XmlRpcException {
        return (Integer) agent.struct("supvisors.get_local_process_info", namespec).get("pid");
    }
}
