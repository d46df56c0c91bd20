package org.supvisors.dist.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.supvisors.transport.config.HttpServerSettings;
import org.supvisors.transport.supervisord.SupervisordClient;
import org.supvisors.transport.supervisord.SupervisordException;
import org.supvisors.transport.supervisord.XmlRpcHardening;

/**
 * The demo: a local Supvisors of three supervisord instances with their agents on loopback, on an embedded
 * configuration written to a temporary directory, with sample programs. It prints the agent URLs and commands to
 * try; Ctrl-C stops everything it started and removes the directory.
 */
public final class Demo {

    private static final int PREFERRED_PORT = 61000;

    private final PrintStream out;
    private final Path home;
    private final List<Process> supervisords = new ArrayList<>();
    private final List<ProcessHandle> children = new ArrayList<>();
    private Path directory;

    private Demo(PrintStream out, Path home) {
        this.out = out;
        this.home = home;
    }

    public static void main(String[] args) throws Exception {
        String homeProperty = System.getProperty("supvisors.home");
        if (homeProperty == null) {
            System.err.println("supvisors-demo: start it with bin/supvisors-demo of the distribution");
            System.exit(2);
        }
        XmlRpcHardening.install();
        Demo demo = new Demo(System.out, Paths.get(homeProperty));
        Runtime.getRuntime().addShutdownHook(new Thread(demo::stop, "supvisors-demo-stop"));
        System.exit(demo.run());
    }

    private int run() throws Exception {
        if (!onPath("supervisord")) {
            System.err.println("supvisors-demo: supervisord not found. Install Debian's package: apt-get install -y"
                    + " supervisor (the demo script of the README does it when run as root).");
            return 2;
        }
        int count = DemoConfiguration.NICKS.size();
        int basePort = freeBlock(PREFERRED_PORT, count * DemoConfiguration.PORTS_PER_INSTANCE);
        directory = Files.createTempDirectory("supvisors-demo-");
        Path programs = directory.resolve("programs.ini");
        Files.writeString(programs, DemoConfiguration.programs());
        Path rules = directory.resolve("rules.xml");
        Files.writeString(rules, DemoConfiguration.rules());
        out.println("Supvisors demo in " + directory + ": " + count + " supervisord instances with their agents");
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path instance = Files.createDirectories(directory.resolve(DemoConfiguration.NICKS.get(i)));
            Path conf = instance.resolve("supervisord.conf");
            Files.writeString(conf, DemoConfiguration.instance(home, instance, programs, rules, basePort, i));
            Process supervisord = new ProcessBuilder("supervisord", "-n", "-c", conf.toString())
                    .directory(instance.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(instance.resolve("supervisord.out").toFile())
                    .start();
            supervisords.add(supervisord);
            agents.add("http://127.0.0.1:" + (basePort + i * DemoConfiguration.PORTS_PER_INSTANCE + 2));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        List<String> states = new ArrayList<>();
        while (System.nanoTime() < deadline && supervisords.stream().allMatch(Process::isAlive)) {
            states.clear();
            for (String agent : agents) {
                states.add(fsmState(agent));
            }
            if (states.stream().allMatch("OPERATION"::equals)) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        if (!states.stream().allMatch("OPERATION"::equals)) {
            System.err.println("supvisors-demo: Supvisors did not reach OPERATION (states: " + states + "); see the"
                    + " supvisorsd.log and supervisord.log files under " + directory);
            return 1;
        }
        out.println();
        out.println("Supvisors is in OPERATION on the three instances.");
        showApplications(agents.get(0));
        supervisords.forEach(s -> s.descendants().forEach(children::add));
        for (int i = 0; i < count; i++) {
            out.println("  " + DemoConfiguration.NICKS.get(i) + ": agent " + agents.get(i) + "/RPC2   (supervisord"
                    + " http://127.0.0.1:" + (basePort + i * DemoConfiguration.PORTS_PER_INSTANCE) + ")");
        }
        String ctl = home.resolve("bin/supvisorsctl") + " -s " + agents.get(0);
        out.println();
        out.println("Try:");
        out.println("  " + ctl + " sstate");
        out.println("  " + ctl + " sstatus");
        out.println("  supervisorctl -s " + agents.get(1) + " status      (supv2's processes, through its agent)");
        out.println("  " + ctl + " sstatus web");
        out.println("  python3 -c \"import xmlrpc.client as x; p = x.ServerProxy('" + agents.get(0) + "/RPC2');"
                + " print(p.supvisors.restart_application('LESS_LOADED', 'web'))\"");
        out.println("  python3 -c \"import xmlrpc.client as x; p = x.ServerProxy('" + agents.get(2) + "/RPC2');"
                + " print(p.supvisors.get_all_instances_info())\"");
        out.println("  kill the supervisord of supv3 (pid " + supervisords.get(2).pid() + ") and watch "
                + "instance states with: python3 -c \"import xmlrpc.client as x; print([(i['nick_identifier'],"
                + " i['statename']) for i in x.ServerProxy('" + agents.get(0) + "/RPC2')"
                + ".supvisors.get_all_instances_info()])\"");
        out.println();
        out.println("Logs: " + directory + "/<supvN>/supvisorsd.log. Press Ctrl-C to stop everything.");
        for (Process supervisord : supervisords) {
            supervisord.waitFor();
        }
        return 0;
    }

    /** Stops every supervisord (SIGTERM), then whatever they left, then removes the directory. */
    private void stop() {
        for (Process supervisord : supervisords) {
            supervisord.descendants().forEach(children::add);
            supervisord.destroy();
        }
        for (Process supervisord : supervisords) {
            try {
                if (!supervisord.waitFor(15, TimeUnit.SECONDS)) {
                    supervisord.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("supvisors-demo: cannot remove " + directory + ": " + e.getMessage());
            }
            out.println("Supvisors demo stopped.");
        }
    }

    /** The FSM state the agent answers, or empty while it does not answer. */
    static String fsmState(String agentUrl) {
        return state(agentUrl).map(m -> String.valueOf(m.get("fsm_statename"))).orElse("");
    }

    private static java.util.Optional<Map<?, ?>> state(String agentUrl) {
        try {
            return java.util.Optional.of((Map<?, ?>) agent(agentUrl).call("supvisors.get_supvisors_state"));
        } catch (SupervisordException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static SupervisordClient agent(String agentUrl) {
        URI uri = URI.create(agentUrl);
        return new SupervisordClient(new HttpServerSettings(uri.getHost(), uri.getPort(), java.util.Optional.empty(),
                java.util.Optional.empty()), Duration.ofMillis(500), Duration.ofSeconds(2));
    }

    /**
     * Waits for the automatic start of the sample applications to end (no starting job left anywhere), then
     * prints the applications as the agent sees them.
     */
    private void showApplications(String agentUrl) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Object[] jobs = state(agentUrl).map(m -> (Object[]) m.get("starting_jobs")).orElse(null);
            if (jobs != null && jobs.length == 0) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        try {
            out.println("Applications (started automatically by the rules, in sequence):");
            for (Object item : (Object[]) agent(agentUrl).call("supvisors.get_all_applications_info")) {
                Map<?, ?> application = (Map<?, ?>) item;
                out.printf("  %-10s %-9s%s%n", application.get("application_name"), application.get("statename"),
                        Boolean.TRUE.equals(application.get("major_failure")) ? " (not operational)"
                                : Boolean.TRUE.equals(application.get("minor_failure")) ? " (degraded)" : "");
            }
        } catch (SupervisordException | RuntimeException e) {
            out.println("  (cannot read the applications: " + e.getMessage() + ")");
        }
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (Files.isExecutable(Paths.get(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** The first port of {@code count} free consecutive ports, the preferred one if free. */
    static int freeBlock(int preferred, int count) {
        for (int base = preferred; base < preferred + 4000; base += count) {
            boolean free = true;
            for (int port = base; port < base + count && free; port++) {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                } catch (IOException busy) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free ports from " + preferred + " on 127.0.0.1");
    }
}
