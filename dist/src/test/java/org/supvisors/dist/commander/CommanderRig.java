package org.supvisors.dist.commander;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;
import org.supvisors.dist.testing.TestingCluster;

/**
 * Three instances A, B, C on loopback sharing one rules file, as a JUnit extension that starts them before the tests
 * of a class and closes them after; and what the commander tests ask them: where a process runs, the loads, the
 * times of the process events, the faults of a call.
 *
 * <p>All instances of one host are one node (same machine id): the node load is the sum of the three instance
 * loads, and capacity 100 is shared by the three.
 */
final class CommanderRig implements BeforeAllCallback, AfterAllCallback {

    static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(60);
    /** Process-driven progress (a start, a stop, a sequence step) on a loaded 2-core machine. */
    static final Duration PROGRESS = Duration.ofSeconds(20);
    static final List<String> NICKS = List.of("A", "B", "C");
    private static final AtomicInteger FILES = new AtomicInteger();

    /**
     * The application {@code base}, started at DISTRIBUTION, that gives A, B and C the loads 10, 15 and 9 (TC-13):
     * sleepers {@code base_a}, {@code base_b}, {@code base_c}.
     */
    static final String BASE_APPLICATION = """
                <application name="base">
                    <start_sequence>1</start_sequence>
                    <programs>
                        <program name="base_a"><identifiers>A</identifiers><start_sequence>1</start_sequence>
                            <expected_loading>10</expected_loading></program>
                        <program name="base_b"><identifiers>B</identifiers><start_sequence>1</start_sequence>
                            <expected_loading>15</expected_loading></program>
                        <program name="base_c"><identifiers>C</identifiers><start_sequence>1</start_sequence>
                            <expected_loading>9</expected_loading></program>
                    </programs>
                </application>
            """;

    /** A process that runs until stopped. */
    static final String SLEEPER = "/bin/sleep 1000";
    /**
     * The stop signal of a {@link #SLEEPER} that a test may stop right after its start: supervisord's SIGTERM can
     * reach the child between fork and exec, where supervisord's own handler swallows it, and the stop then lasts
     * {@code stopwaitsecs} until a SIGKILL; a SIGKILL cannot be swallowed.
     */
    static final String KILLED_AT_STOP = "stopsignal = KILL";
    /**
     * A process that takes about half a second to stop: its shell runs the trap once the current {@code sleep 0.2}
     * ends, then sleeps 0.5 s.
     */
    static final String SLOW_STOPPER = "/bin/sh -c 'trap \"sleep 0.5; exit 0\" TERM; while :; do sleep 0.2; done'";

    private final String name;
    private final String rules;
    private final Consumer<TestingAgent.Builder> configuration;
    private TestingCluster cluster;

    /**
     * Adds the group {@code group} of the {@link #SLEEPER} programs {@code programs} ({@code startsecs = 0}, no
     * autorestart, {@link #KILLED_AT_STOP}).
     */
    static TestingAgent.Builder sleepers(TestingAgent.Builder builder, String group, String... programs) {
        for (String program : programs) {
            sleeper(builder, program);
        }
        return builder.section("[group:" + group + "]\nprograms = " + String.join(",", programs) + "\n");
    }

    /** Adds the {@link #SLEEPER} program {@code program}, out of any group, as {@link #sleepers} makes them. */
    static TestingAgent.Builder sleeper(TestingAgent.Builder builder, String program) {
        return builder.program(program, SLEEPER, "startsecs = 0", "autorestart = false", KILLED_AT_STOP);
    }

    /** A program of {@link #SLEEPER} processes {@code name_00}, {@code name_01}... as {@link #sleepers} makes them. */
    static String homogeneous(String name, int count) {
        return "[program:" + name + "]\ncommand = " + SLEEPER + "\nprocess_name = " + name
                + "_%(process_num)02d\nnumprocs = " + count + "\nautostart = false\nstartsecs = 0\n"
                + "autorestart = false\n" + KILLED_AT_STOP + "\n";
    }

    private CommanderRig(String name, String rules, Consumer<TestingAgent.Builder> configuration) {
        this.name = name;
        this.rules = rules;
        this.configuration = configuration;
    }

    /**
     * A cluster of A, B and C for the test class that registers it ({@code @RegisterExtension static}), started
     * before its tests and closed after them: the rules {@code rules} (the elements of {@code <root>}), the
     * configuration {@code configuration} (programs, options) on every instance, {@code synchro_options = STRICT};
     * the tests run once every instance is in OPERATION.
     */
    static CommanderRig of(String name, String rules, Consumer<TestingAgent.Builder> configuration) {
        return new CommanderRig(name, rules, configuration);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Path file = rulesFile(name, rules);
        cluster = TestingCluster.of(name, NICKS, b -> {
            b.option("synchro_options", "STRICT").option("rules_files", file.toString());
            configuration.accept(b);
        });
        cluster.startAll().awaitOperation(OPERATION_TIMEOUT);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Writes a rules file of the elements {@code rules} under target/it-commander and returns its absolute path. */
    static Path rulesFile(String name, String rules) {
        Path file = Paths.get("target", "it-commander",
                name + "-" + ProcessHandle.current().pid() + "-" + FILES.incrementAndGet() + ".xml").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n" + rules + "</root>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    TestingCluster cluster() {
        return cluster;
    }

    /** The agent of A, B or C. */
    TestingAgent agent(String nick) {
        return cluster.agent(NICKS.indexOf(nick));
    }

    /** The identifier of A, B or C. */
    String id(String nick) {
        return cluster.identifier(NICKS.indexOf(nick));
    }

    /** The nickname of an identifier. */
    String nick(String identifier) {
        for (int i = 0; i < NICKS.size(); i++) {
            if (cluster.identifier(i).equals(identifier)) {
                return NICKS.get(i);
            }
        }
        throw new IllegalArgumentException("identifier: " + identifier + " (expected: one of the rig's)");
    }

    /** The agent of the Master (A: the smallest nickname). */
    TestingAgent master() {
        return agent("A");
    }

    /** The nicknames of the instances where the process runs, as the Master answers. */
    List<String> where(String namespec) throws XmlRpcException {
        Object[] identifiers = (Object[]) master().structs("supvisors.get_process_info", namespec).get(0)
                .get("identifiers");
        return Arrays.stream(identifiers).map(i -> nick((String) i)).sorted().collect(Collectors.toList());
    }

    /** The process's synthetic state name, as the Master answers. */
    String state(String namespec) throws XmlRpcException {
        return master().processState(namespec);
    }

    /** Waits until the process runs exactly on the instances given (nicknames), as the Master sees it. */
    void awaitWhere(String namespec, String... nicks) {
        Await.until(PROGRESS, () -> {
            assertThat(where(namespec)).as(namespec + " running on").containsExactlyInAnyOrder(nicks);
            if (nicks.length > 0) {
                assertThat(state(namespec)).as(namespec).isEqualTo("RUNNING");
            }
        });
    }

    /** Waits until the Master shows the process in {@code state}. */
    void awaitState(String namespec, String state) {
        Await.until(PROGRESS, () -> assertThat(state(namespec)).as(namespec).isEqualTo(state));
    }

    /** Waits until every instance shows the FSM state {@code state}. */
    void awaitFsm(String state) {
        Await.until(PROGRESS, () -> {
            for (TestingAgent agent : cluster.started()) {
                assertThat(agent.fsmState()).as(agent.identifier()).isEqualTo(state);
            }
        });
    }

    /** nickname → loading, as the Master answers. */
    Map<String, Integer> loads() throws XmlRpcException {
        Map<String, Integer> loads = new TreeMap<>();
        for (Map<String, Object> info : master().structs("supvisors.get_all_instances_info")) {
            loads.put(nick((String) info.get("identifier")), (Integer) info.get("loading"));
        }
        return loads;
    }

    /** Waits until the loads are {@code a}, {@code b}, {@code c} on A, B, C. */
    void awaitLoads(int a, int b, int c) {
        Await.until(PROGRESS, () -> assertThat(loads()).isEqualTo(Map.of("A", a, "B", b, "C", c)));
    }

    /** What supervisord of {@code nick} says of the process ({@code supervisor.getProcessInfo}). */
    @SuppressWarnings("unchecked")
    Map<String, Object> supervisorInfo(String nick, String namespec) throws XmlRpcException {
        return (Map<String, Object>) agent(nick).supervisor("supervisor.getProcessInfo", namespec);
    }

    /**
     * The Master's record of the process on {@code nick} ({@code get_inner_process_info}): {@code start_monotonic}
     * and {@code stop_monotonic} are the times of the STARTING and STOPPED/EXITED events, on this host's
     * monotonic clock.
     */
    Map<String, Object> inner(String nick, String namespec) throws XmlRpcException {
        return master().structs("supvisors.get_inner_process_info", id(nick), namespec).get(0);
    }

    /** SIGKILL of the process {@code namespec} run by the supervisord of {@code nick}; returns its pid. */
    int kill9(String nick, String namespec) throws XmlRpcException {
        Map<String, Object> info = supervisorInfo(nick, namespec);
        assertThat(info.get("statename")).as(namespec + " on " + nick).isEqualTo("RUNNING");
        int pid = (Integer) info.get("pid");
        ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid)).destroyForcibly();
        return pid;
    }

    /** This host's monotonic clock, in seconds (the clock of the agents' {@code *_monotonic} values). */
    static double monotonic() {
        return System.nanoTime() / 1e9;
    }

    /** Asserts that the call fails with the fault {@code code} whose text contains {@code text}. */
    static void assertFault(int code, String text, Await.ThrowingRunnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(XmlRpcException.class, f -> {
            assertThat(f.code).as("fault code of " + f.getMessage()).isEqualTo(code);
            assertThat(f.getMessage()).contains(text);
        });
    }
}
