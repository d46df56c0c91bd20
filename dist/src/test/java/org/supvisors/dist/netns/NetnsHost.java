package org.supvisors.dist.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/**
 * One host of a {@link NetnsLab}: a network namespace with its own host name (a UTS namespace per supervisord) and
 * addresses, where a supervisord runs with the agent of the distribution. Its supervisord listens on every interface
 * of the host, on {@link #HTTP_PORT} (the same on every host, as in production) unless it is a {@link #sibling}; the
 * test reaches it, and its agent,
 * through the host's management address.
 */
public final class NetnsHost {

    /** supervisord's HTTP port on every host; the agent is on {@code HTTP_PORT + 2}. */
    static final int HTTP_PORT = 9001;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final int index;
    private final String name;
    private final String namespace;
    private final String clusterAddress;
    private final String managementAddress;
    private final Path directory;
    private final int httpPort;
    private Process supervisord;
    private XmlRpcClient agentClient;

    NetnsHost(int index, String name, String namespace, String clusterAddress, String managementAddress,
              Path directory) {
        this(index, name, namespace, clusterAddress, managementAddress, directory, HTTP_PORT);
    }

    private NetnsHost(int index, String name, String namespace, String clusterAddress, String managementAddress,
                      Path directory, int httpPort) {
        this.httpPort = httpPort;
        this.index = index;
        this.name = name;
        this.namespace = namespace;
        this.clusterAddress = clusterAddress;
        this.managementAddress = managementAddress;
        this.directory = directory;
    }

    /**
     * Another supervisord with its agent on this host (the same namespace, host name and addresses, hence the same
     * node), on {@code httpPort}, its files in a directory of its own. The lab does not know it: stop it before the
     * lab closes (the lab would kill it with the namespace).
     */
    public NetnsHost sibling(int httpPort) {
        if (httpPort == this.httpPort || httpPort + 2 == this.httpPort || httpPort == this.httpPort + 2) {
            throw new IllegalArgumentException("httpPort: " + httpPort + " (expected: apart from " + this.httpPort
                    + " and its agent port)");
        }
        return new NetnsHost(index, name, namespace, clusterAddress, managementAddress,
                directory.resolveSibling(directory.getFileName() + "-" + httpPort), httpPort);
    }

    /** supervisord's HTTP port; the agent is on this port + 2. */
    public int httpPort() {
        return httpPort;
    }

    /** Its position in the lab, from 0. */
    int index() {
        return index;
    }

    /** Its host name ({@code h1}, {@code h2}...), resolved to its cluster address on every host. */
    public String name() {
        return name;
    }

    String namespace() {
        return namespace;
    }

    /** Its address on the cluster network, where the instances talk to each other. */
    public String clusterAddress() {
        return clusterAddress;
    }

    /** Its address on its own link with the test JVM. */
    public String managementAddress() {
        return managementAddress;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Starts supervisord with the agent, its {@code [supvisors]} section made of {@code supvisorsOptions} (lines
     * {@code name = value}), and waits until supervisord is RUNNING.
     */
    public NetnsHost start(String supvisorsOptions, String... extraSections) {
        if (supervisord != null && supervisord.isAlive()) {
            throw new IllegalStateException(name + ": supervisord already running");
        }
        Path configuration = directory.resolve("supervisord.conf");
        StringBuilder text = new StringBuilder()
                .append("[supervisord]\nnodaemon = true\nlogfile = ").append(directory.resolve("supervisord.log"))
                .append("\npidfile = ").append(directory.resolve("supervisord.pid"))
                .append("\nchildlogdir = ").append(directory)
                .append("\nidentifier = ").append(name).append("\nloglevel = info\n\n")
                .append("[inet_http_server]\nport = *:").append(httpPort).append("\n\n")
                .append("[rpcinterface:supervisor]\n")
                .append("supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n\n")
                .append("[supervisorctl]\nserverurl = http://127.0.0.1:").append(httpPort).append("\n\n")
                .append("[supvisors]\n").append(supvisorsOptions.strip()).append("\n\n")
                .append(TestingAgent.Builder.agentSection().replace("%(test_dir)s", directory.toString()))
                .append('\n');
        for (String section : extraSections) {
            text.append(section.strip()).append("\n\n");
        }
        try {
            Files.createDirectories(directory);
            Files.writeString(configuration, text.toString());
            // ip netns exec: the host's network and its /etc/hosts; unshare --uts: its own host name
            supervisord = new ProcessBuilder("ip", "netns", "exec", namespace, "unshare", "--uts", "--", "sh", "-c",
                    "hostname \"$0\" && exec supervisord -n -c \"$1\"", name, configuration.toString())
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("supervisord.out").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot start supervisord in " + namespace, e);
        }
        Await.until(START_TIMEOUT, () -> {
            if (!supervisord.isAlive()) {
                throw new IllegalStateException(name + ": supervisord exited with " + supervisord.exitValue()
                        + "; see " + directory.resolve("supervisord.out"));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> state = (Map<String, Object>) client(httpPort).execute("supervisor.getState",
                    new Object[0]);
            if (!"RUNNING".equals(state.get("statename"))) {
                throw new AssertionError(name + ": supervisord is " + state.get("statename"));
            }
        });
        return this;
    }

    /** Stops supervisord (SIGTERM) and waits for it; what it leaves in the namespace goes with the lab. */
    public void stop() {
        if (supervisord == null) {
            return;
        }
        supervisord.destroy();
        try {
            if (!supervisord.waitFor(20, TimeUnit.SECONDS)) {
                supervisord.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        supervisord = null;
    }

    boolean isRunning() {
        return supervisord != null && supervisord.isAlive();
    }

    /** Calls the agent of this host. */
    public Object call(String method, Object... params) throws XmlRpcException {
        if (agentClient == null) {
            agentClient = client(httpPort + 2);
        }
        return agentClient.execute(method, params);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> struct(String method, Object... params) throws XmlRpcException {
        return (Map<String, Object>) call(method, params);
    }

    /** The FSM state the agent answers now. */
    public String fsmState() throws XmlRpcException {
        return (String) struct("supvisors.get_supvisors_state").get("fsm_statename");
    }

    /** The identifier of the Master as the agent sees it, empty if none. */
    public String master() throws XmlRpcException {
        return (String) struct("supvisors.get_master_identifier").get("identifier");
    }

    /** identifier → state of every instance the agent knows, sorted by identifier. */
    Map<String, String> states() throws XmlRpcException {
        return Arrays.stream((Object[]) call("supvisors.get_all_instances_info"))
                .map(o -> (Map<?, ?>) o)
                .collect(Collectors.toMap(i -> (String) i.get("identifier"), i -> (String) i.get("statename"),
                        (x, y) -> x, TreeMap::new));
    }

    /** The agent's log (its standard error, kept by supervisord). */
    public String agentLog() {
        try {
            Path log = directory.resolve("supvisorsd.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private XmlRpcClient client(int port) {
        return TestingAgent.client("http://" + managementAddress + ":" + port, null, null);
    }

    @Override
    public String toString() {
        return name + " (" + clusterAddress + ", " + namespace + ")";
    }

    /**
     * Waits until every host is in OPERATION with the same Master and sees exactly the instances of {@code hosts},
     * all RUNNING; returns the Master's identifier.
     *
     * @param identifier the identifier of a host's instance
     */
    static String awaitOneCluster(List<NetnsHost> hosts, Function<NetnsHost, String> identifier, Duration timeout) {
        Map<String, String> allRunning = hosts.stream().collect(Collectors.toMap(identifier, h -> "RUNNING"));
        String[] master = new String[1];
        try {
            Await.until(timeout, () -> {
                master[0] = hosts.get(0).master();
                assertThat(master[0]).as("the Master").isNotEmpty();
                for (NetnsHost host : hosts) {
                    assertThat(host.fsmState()).as(host.name()).isEqualTo("OPERATION");
                    assertThat(host.master()).as(host.name() + "'s Master").isEqualTo(master[0]);
                    assertThat(host.states()).as(host.name() + "'s view").isEqualTo(allRunning);
                }
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + describe(hosts), e);
        }
        return master[0];
    }

    /** Prints how long something took since {@code since} ({@link System#nanoTime()}) to the test's output. */
    static void report(String what, long since) {
        System.out.printf("[netns] %s after %.2f s%n", what, (System.nanoTime() - since) / 1e9);
    }

    /** Every state of {@code hosts}' agents, for failure messages. */
    static String describe(List<NetnsHost> hosts) {
        StringBuilder text = new StringBuilder();
        for (NetnsHost host : hosts) {
            text.append('\n').append(host.name).append(": ");
            try {
                text.append(host.fsmState()).append(", master ").append(host.master()).append(", ")
                        .append(host.states());
            } catch (XmlRpcException | RuntimeException e) {
                text.append("no answer: ").append(e.getMessage());
            }
        }
        return text.toString();
    }
}
