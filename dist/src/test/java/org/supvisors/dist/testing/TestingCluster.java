package org.supvisors.dist.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.supvisors.core.testing.Await;
import org.supvisors.transport.testing.FreePorts;

/**
 * Several real supervisord instances with their agents on loopback, declared in one {@code supvisors_list}
 * ({@code <nick>127.0.0.1:port}), each startable, stoppable, killable and restartable on its own ports.
 */
public final class TestingCluster implements AutoCloseable {

    /** The blocks of ports handed out in this JVM (FreePorts gives blocks of 3 at multiples of 10). */
    private static final Set<Integer> RESERVED = new HashSet<>();

    private final List<String> nicks;
    private final List<Integer> ports;
    private final List<TestingAgent> agents = new ArrayList<>();
    /** The agent process of each instance's last start: a restart waits for its end, so that its port is free. */
    private final List<Optional<ProcessHandle>> agentProcesses = new ArrayList<>();
    private final Consumer<TestingAgent.Builder> configuration;
    private final Map<Integer, Consumer<TestingAgent.Builder>> overrides = new HashMap<>();
    private final String name;

    private TestingCluster(String name, List<String> nicks, Consumer<TestingAgent.Builder> configuration) {
        this.name = name;
        this.nicks = nicks;
        this.configuration = configuration;
        this.ports = new ArrayList<>();
        for (int i = 0; i < nicks.size(); i++) {
            ports.add(reserveBlock());
        }
        for (int i = 0; i < nicks.size(); i++) {
            agents.add(null);
            agentProcesses.add(Optional.empty());
        }
    }

    /**
     * Three free consecutive ports never given to another cluster of this JVM (clusters of concurrent tests would
     * otherwise pick the same free block before either binds it).
     */
    private static int reserveBlock() {
        synchronized (RESERVED) {
            while (true) {
                int port = FreePorts.block(3);
                if (RESERVED.add(port / 10)) {
                    return port;
                }
            }
        }
    }

    /**
     * A cluster of instances named by {@code nicks}; {@code configuration} adds options and programs to each
     * instance's builder (called again at every start, so a restarted instance has the same configuration).
     */
    public static TestingCluster of(String name, List<String> nicks, Consumer<TestingAgent.Builder> configuration) {
        return new TestingCluster(name, nicks, configuration);
    }

    /**
     * Adds configuration to one instance, applied after the common one at every start (other credentials, another
     * {@code supvisors_list}, its own programs).
     */
    public TestingCluster override(int index, Consumer<TestingAgent.Builder> extra) {
        overrides.merge(index, extra, Consumer::andThen);
        return this;
    }

    /** {@code <a>127.0.0.1:p1,<b>127.0.0.1:p2,...} */
    public String supvisorsList() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < nicks.size(); i++) {
            items.add("<" + nicks.get(i) + ">127.0.0.1:" + ports.get(i));
        }
        return String.join(",", items);
    }

    public int size() {
        return nicks.size();
    }

    /** The identifier of the instance at {@code index}. */
    public String identifier(int index) {
        return "127.0.0.1:" + ports.get(index);
    }

    public String nick(int index) {
        return nicks.get(index);
    }

    /** The running agent at {@code index}. */
    public TestingAgent agent(int index) {
        TestingAgent agent = agents.get(index);
        if (agent == null) {
            throw new IllegalStateException(nicks.get(index) + " is not started");
        }
        return agent;
    }

    /** The supervisord HTTP port of the instance at {@code index} (its agent port is 2 above). */
    public int port(int index) {
        return ports.get(index);
    }

    /**
     * Starts (or restarts after a kill, on the same ports) the supervisord of the instance at {@code index}, in a
     * new directory; waits first for the end of the agent of its previous start.
     */
    public TestingAgent start(int index) {
        if (agents.get(index) != null && agents.get(index).supervisord().isAlive()) {
            throw new IllegalStateException(nicks.get(index) + " is already started");
        }
        agentProcesses.get(index).ifPresent(TestingCluster::awaitEnd);
        TestingAgent.Builder builder = TestingAgent.builder(name + "-" + nicks.get(index))
                .httpPort(ports.get(index))
                .supvisorsList(supvisorsList());
        configuration.accept(builder);
        overrides.getOrDefault(index, b -> { }).accept(builder);
        TestingAgent agent = builder.build().start();
        agents.set(index, agent);
        agentProcesses.set(index, Optional.empty());
        return agent;
    }

    public TestingCluster startAll() {
        for (int i = 0; i < nicks.size(); i++) {
            start(i);
        }
        return this;
    }

    /** kill -9 of the supervisord at {@code index} (its agent exits when its standard input closes). */
    public void kill9(int index) {
        agentProcesses.set(index, agent(index).agentProcess());
        agent(index).supervisord().kill9();
    }

    /**
     * kill -9 of the agent and the supervisord at {@code index}, a crash of the whole instance: the agent first,
     * then supervisord at once, before it could restart the agent; neither says goodbye to anybody.
     */
    public void kill9WithAgent(int index) {
        Optional<ProcessHandle> agentProcess = agent(index).agentProcess();
        agentProcess.ifPresent(ProcessHandle::destroyForcibly);
        agentProcesses.set(index, agentProcess);
        agent(index).supervisord().kill9();
    }

    /** kill -9 of the agent alone at {@code index}: its supervisord starts a new one ({@code autorestart}). */
    public void kill9Agent(int index) {
        ProcessHandle agentProcess = agent(index).agentProcess().orElseThrow(() ->
                new IllegalStateException(nicks.get(index) + " has no agent running"));
        agentProcess.destroyForcibly();
        awaitEnd(agentProcess);
    }

    private static void awaitEnd(ProcessHandle process) {
        try {
            process.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the agent " + process.pid() + " did not end: " + e, e);
        }
    }

    /** Waits until every started instance is in OPERATION. */
    public TestingCluster awaitOperation(Duration timeout) {
        Await.until(timeout, () -> {
            for (TestingAgent agent : started()) {
                String state = agent.fsmState();
                if (!"OPERATION".equals(state)) {
                    throw new AssertionError(agent.identifier() + " is " + state);
                }
            }
        });
        return this;
    }

    /** The agents started and whose supervisord is alive. */
    public List<TestingAgent> started() {
        return agents.stream().filter(a -> a != null && a.supervisord().isAlive()).collect(Collectors.toList());
    }

    @Override
    public void close() {
        for (TestingAgent agent : agents) {
            if (agent != null) {
                agent.close();
            }
        }
    }
}
