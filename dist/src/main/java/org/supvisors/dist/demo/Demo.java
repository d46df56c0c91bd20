package org.supvisors.dist.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
        out.println("Supvisors demo in " + directory + ": " + count + " supervisord instances with their agents");
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path instance = Files.createDirectories(directory.resolve(DemoConfiguration.NICKS.get(i)));
            Path conf = instance.resolve("supervisord.conf");
            Files.writeString(conf, DemoConfiguration.instance(home, instance, programs, basePort, i));
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
        supervisords.forEach(s -> s.descendants().forEach(children::add));
        out.println();
        out.println("Supvisors is in OPERATION on the three instances.");
        for (int i = 0; i < count; i++) {
            out.println("  " + DemoConfiguration.NICKS.get(i) + ": agent " + agents.get(i) + "/RPC2   (supervisord"
                    + " http://127.0.0.1:" + (basePort + i * DemoConfiguration.PORTS_PER_INSTANCE) + ")");
        }
        String ctl = home.resolve("bin/supvisorsctl") + " -s " + agents.get(0);
        out.println();
        out.println("Try:");
        out.println("  " + ctl + " sstate");
        out.println("  " + ctl + " sstatus");
        out.println("  supervisorctl -s " + agents.get(1) + " start database      (through supv2's agent)");
        out.println("  " + ctl + " sstatus database");
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
        byte[] body = ("<?xml version=\"1.0\"?><methodCall><methodName>supvisors.get_supvisors_state</methodName>"
                + "<params/></methodCall>").getBytes(StandardCharsets.US_ASCII);
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(agentUrl + "/RPC2").openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "text/xml");
            try (OutputStream stream = connection.getOutputStream()) {
                stream.write(body);
            }
            String answer;
            try (InputStream in = connection.getInputStream()) {
                answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int key = answer.indexOf("fsm_statename");
            if (key < 0) {
                return "";
            }
            int start = answer.indexOf("<string>", key) + "<string>".length();
            return answer.substring(start, answer.indexOf("</string>", start));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static boolean onPath(String command) {
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
