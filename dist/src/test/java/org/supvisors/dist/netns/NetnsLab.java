package org.supvisors.dist.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Test hosts on one machine, made with Linux network namespaces ({@code ip netns}, veth pairs, a bridge), each with
 * its own addresses and host name, for tests of what crosses a network: partitions, multicast discovery.
 *
 * <pre>
 * root namespace (test JVM)  svnt{pid}m1 10.213.M.5/30        svnt{pid}m2 10.213.M.9/30     (management links)
 *                                  |                                |
 * svnt{pid}-h1:               mgmt0 10.213.M.6/30      svnt{pid}-h2: mgmt0 10.213.M.10/30     ...
 *   lo up, host name h1,      eth0  10.213.C.11/24                   eth0  10.213.C.12/24
 *   224.0.0.0/4 dev eth0           |                                |
 * svnt{pid}-hub (the switch)  p1 ------------- br0 -------------- p2   ...                  (cluster network)
 *                                  (a bridge, multicast snooping off)
 * </pre>
 *
 * <p>The instances talk over the cluster network (a switch: the bridge in a namespace of its own); the test talks
 * to each host over a point-to-point management link that no {@link Cut} touches, so it can still question a host
 * cut from the others. Host names {@code h1}, {@code h2}... resolve to the cluster addresses on every host through
 * {@code /etc/netns/<namespace>/hosts} (which {@code ip netns exec} mounts on {@code /etc/hosts}).
 *
 * <p>Clean-up: everything is named after the JVM's pid ({@code svnt<pid>}); {@link #close()} (and a shutdown hook,
 * should the JVM end first) kills what runs in the namespaces and deletes them with their links and files;
 * {@link #create} first deletes what the runs of dead JVMs left. Needs root and iproute2: where namespaces cannot be
 * made, {@link #assumeAvailable()} says why and the test is skipped, never passed.
 */
public final class NetnsLab implements AutoCloseable {

    private static final String PREFIX = "svnt";
    private static final Pattern LEFTOVER = Pattern.compile("^" + PREFIX + "(\\d+)(?:-|m\\d)");
    private static final Path ETC_NETNS = Paths.get("/etc/netns");
    /** The priority of the rules of {@link Cut#DROP}, before the local table's moved to {@link #LOCAL_PRIORITY}. */
    private static final int DROP_PRIORITY = 10;
    private static final int LOCAL_PRIORITY = 100;
    private static final AtomicInteger LABS = new AtomicInteger();
    private static String unavailable;
    private static boolean probed;
    private static NetnsLab open;

    private final String tag;
    private final String hub;
    private final String managementNet;
    private final List<NetnsHost> hosts = new ArrayList<>();
    private final Thread shutdownHook;
    private boolean closed;

    private NetnsLab(String name, int count, int subnet) {
        long pid = ProcessHandle.current().pid();
        this.tag = PREFIX + pid;
        this.hub = tag + "-hub";
        String clusterNet = "10.213." + subnet + ".";
        this.managementNet = "10.213." + (subnet + 1) + ".";
        Path base = Paths.get("target", "it-netns", name + "-" + pid + "-" + LABS.incrementAndGet())
                .toAbsolutePath();
        for (int i = 1; i <= count; i++) {
            hosts.add(new NetnsHost(i - 1, "h" + i, tag + "-h" + i, clusterNet + (10 + i),
                    managementNet + (4 * i + 2), base.resolve("h" + i)));
        }
        this.shutdownHook = new Thread(this::close, "netns-lab-cleanup");
    }

    /**
     * A lab of {@code count} hosts ({@code h1}...), or the test is skipped when namespaces cannot be made here.
     * One lab at a time per JVM.
     */
    public static synchronized NetnsLab create(String name, int count) {
        assumeAvailable();
        if (open != null && !open.closed) {
            throw new IllegalStateException("a lab is already open in this JVM: close it first");
        }
        if (count < 1 || count > 60) {
            throw new IllegalArgumentException("count: " + count + " (expected: in [1;60])");
        }
        deleteLeftovers();
        NetnsLab lab = new NetnsLab(name, count, freeSubnet());
        Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
        open = lab;
        try {
            lab.build();
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    /**
     * Skips the calling test, saying why, when network namespaces cannot be made here (not root, no iproute2, no
     * namespace, veth or bridge support, no supervisord).
     */
    static synchronized void assumeAvailable() {
        if (!probed) {
            unavailable = probe();
            probed = true;
            if (unavailable != null) {
                System.err.println("[netns] tests with network namespaces are SKIPPED: " + unavailable);
            }
        }
        Assumptions.assumeTrue(unavailable == null, () -> "network namespaces unavailable: " + unavailable);
    }

    private static String probe() {
        SystemCommand.Result uid = SystemCommand.attempt("id", "-u");
        if (!uid.ok() || !uid.output().equals("0")) {
            return "not root (uid " + uid.output() + "): ip netns needs root";
        }
        for (String[] tool : new String[][] {{"ip", "-V"}, {"unshare", "--version"}, {"supervisord", "--version"}}) {
            SystemCommand.Result result = SystemCommand.attempt(tool);
            if (!result.ok()) {
                return tool[0] + " unusable: " + result.output();
            }
        }
        String probe = PREFIX + ProcessHandle.current().pid() + "-probe";
        SystemCommand.attempt("ip", "netns", "del", probe);
        try {
            for (String[] step : new String[][] {
                    {"ip", "netns", "add", probe},
                    {"ip", "-n", probe, "link", "add", "name", "br0", "type", "bridge"},
                    {"ip", "-n", probe, "link", "add", "name", "va", "type", "veth", "peer", "name", "vb"},
                    {"ip", "-n", probe, "link", "set", "va", "master", "br0"},
                    {"ip", "-n", probe, "link", "set", "lo", "up"}}) {
                SystemCommand.Result result = SystemCommand.attempt(step);
                if (!result.ok()) {
                    return String.join(" ", step) + " failed: " + result.output();
                }
            }
            return null;
        } finally {
            SystemCommand.attempt("ip", "netns", "del", probe);
        }
    }

    private void build() {
        ip("netns", "add", hub);
        ip("-n", hub, "link", "set", "lo", "up");
        ip("-n", hub, "link", "add", "name", "br0", "type", "bridge", "mcast_snooping", "0");
        ip("-n", hub, "link", "set", "br0", "up");
        StringBuilder etcHosts = new StringBuilder("127.0.0.1 localhost\n");
        for (NetnsHost host : hosts) {
            etcHosts.append(host.clusterAddress()).append(' ').append(host.name()).append('\n');
        }
        for (NetnsHost host : hosts) {
            int i = host.index() + 1;
            String ns = host.namespace();
            ip("netns", "add", ns);
            ip("-n", ns, "link", "set", "lo", "up");
            // the local table after the rules of Cut.DROP (DROP_PRIORITY): first, it would deliver everything
            ip("-n", ns, "rule", "add", "pref", Integer.toString(LOCAL_PRIORITY), "table", "local");
            ip("-n", ns, "rule", "del", "pref", "0", "table", "local");
            // the cluster network: eth0 on the switch, port p<i>
            ip("-n", hub, "link", "add", "name", port(host), "type", "veth", "peer", "name", "eth0", "netns", ns);
            ip("-n", hub, "link", "set", port(host), "master", "br0", "up");
            ip("-n", ns, "addr", "add", host.clusterAddress() + "/24", "dev", "eth0");
            ip("-n", ns, "link", "set", "eth0", "up");
            ip("-n", ns, "route", "add", "224.0.0.0/4", "dev", "eth0");
            // the management link, point to point with the root namespace
            String root = tag + "m" + i;
            ip("link", "add", "name", root, "type", "veth", "peer", "name", "mgmt0", "netns", ns);
            ip("addr", "add", managementNet + (4 * i + 1) + "/30", "dev", root);
            ip("link", "set", root, "up");
            ip("-n", ns, "addr", "add", host.managementAddress() + "/30", "dev", "mgmt0");
            ip("-n", ns, "link", "set", "mgmt0", "up");
            try {
                Files.createDirectories(ETC_NETNS.resolve(ns));
                Files.writeString(ETC_NETNS.resolve(ns).resolve("hosts"), etcHosts);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + ETC_NETNS.resolve(ns), e);
            }
        }
    }

    public List<NetnsHost> hosts() {
        return Collections.unmodifiableList(hosts);
    }

    public NetnsHost host(int index) {
        return hosts.get(index);
    }

    /** Cuts {@code host} from the other hosts of the cluster network as {@code how} says; the test still reaches it. */
    void cut(NetnsHost host, Cut how) {
        switch (how) {
            case LINK_DOWN:
                ip("-n", hub, "link", "set", port(host), "down");
                break;
            case DROP:
                for (NetnsHost other : hosts) {
                    if (other != host) {
                        rule("add", host, other);
                        rule("add", other, host);
                    }
                }
                break;
            default:
                throw new IllegalArgumentException("cut: " + how);
        }
    }

    /** Undoes {@link #cut} of {@code host}. */
    void heal(NetnsHost host, Cut how) {
        switch (how) {
            case LINK_DOWN:
                ip("-n", hub, "link", "set", port(host), "up");
                break;
            case DROP:
                for (NetnsHost other : hosts) {
                    if (other != host) {
                        rule("del", host, other);
                        rule("del", other, host);
                    }
                }
                break;
            default:
                throw new IllegalArgumentException("heal: " + how);
        }
    }

    /** In {@code at}'s namespace, what comes from {@code from}'s cluster address is dropped ({@code add}) or not. */
    private void rule(String verb, NetnsHost at, NetnsHost from) {
        ip("-n", at.namespace(), "rule", verb, "pref", Integer.toString(DROP_PRIORITY), "from",
                from.clusterAddress(), "blackhole");
    }

    private static String port(NetnsHost host) {
        return "p" + (host.index() + 1);
    }

    /** Stops every supervisord, then deletes the namespaces, their links and files. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (NetnsHost host : hosts) {
            host.stop();
        }
        for (NetnsHost host : hosts) {
            deleteNamespace(host.namespace());
        }
        deleteNamespace(hub);
        for (int i = 1; i <= hosts.size(); i++) {
            SystemCommand.attempt("ip", "link", "del", tag + "m" + i);
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs or has run close()
            }
        }
    }

    /** Kills what runs in a namespace, deletes it and its {@code /etc/netns} files. */
    private static void deleteNamespace(String namespace) {
        SystemCommand.Result pids = SystemCommand.attempt("ip", "netns", "pids", namespace);
        if (pids.ok()) {
            pids.output().lines().filter(line -> line.matches("\\d+")).map(Long::parseLong)
                    .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
        SystemCommand.attempt("ip", "netns", "del", namespace);
        deleteTree(ETC_NETNS.resolve(namespace));
    }

    /** Deletes the namespaces, root links and {@code /etc/netns} entries left by labs of JVMs no longer alive. */
    static void deleteLeftovers() {
        SystemCommand.Result namespaces = SystemCommand.attempt("ip", "netns", "list");
        if (namespaces.ok()) {
            namespaces.output().lines().map(line -> line.split(" ")[0]).filter(NetnsLab::isLeftover)
                    .forEach(NetnsLab::deleteNamespace);
        }
        SystemCommand.Result links = SystemCommand.attempt("ip", "-o", "link", "show");
        if (links.ok()) {
            links.output().lines().map(line -> line.split(":\\s+")).filter(parts -> parts.length > 1)
                    .map(parts -> parts[1].split("@")[0]).filter(NetnsLab::isLeftover)
                    .forEach(link -> SystemCommand.attempt("ip", "link", "del", link));
        }
        if (Files.isDirectory(ETC_NETNS)) {
            try (Stream<Path> entries = Files.list(ETC_NETNS)) {
                entries.filter(entry -> isLeftover(entry.getFileName().toString())).forEach(NetnsLab::deleteTree);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + ETC_NETNS, e);
            }
        }
    }

    private static boolean isLeftover(String name) {
        Matcher matcher = LEFTOVER.matcher(name);
        return matcher.find() && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty();
    }

    /** An even third byte {@code C} such that neither 10.213.C.0/24 nor 10.213.C+1.0/24 is in use here. */
    private static int freeSubnet() {
        String used = SystemCommand.run("ip", "-4", "-o", "addr", "show") + "\n"
                + SystemCommand.run("ip", "-4", "route", "show", "table", "all");
        int start = (int) (ProcessHandle.current().pid() % 127) * 2;
        for (int k = 0; k < 127; k++) {
            int candidate = (start + 2 * k) % 254;
            if (!used.contains("10.213." + candidate + ".") && !used.contains("10.213." + (candidate + 1) + ".")) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free pair of subnets 10.213.C.0/24 and 10.213.C+1.0/24 here");
    }

    private static void ip(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "ip";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        SystemCommand.run(command);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
