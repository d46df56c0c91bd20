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
 * The demo: a local Supvisors on an embedded configuration written to a temporary directory: one supervisord with
 * its agent and a few sample programs. It prints the agent URL and commands to try; Ctrl-C stops everything it
 * started and removes the directory.
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
        int port = freeBlock(PREFERRED_PORT, 3);
        directory = Files.createTempDirectory("supvisors-demo-");
        Path conf = directory.resolve("supervisord.conf");
        Files.writeString(conf, DemoConfiguration.text(home, directory, port));
        out.println("Supvisors demo in " + directory);
        ProcessBuilder builder = new ProcessBuilder("supervisord", "-n", "-c", conf.toString())
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("supervisord.out").toFile());
        Process supervisord = builder.start();
        supervisords.add(supervisord);
        String agentUrl = "http://127.0.0.1:" + (port + 2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String state = "";
        while (System.nanoTime() < deadline && supervisord.isAlive()) {
            state = fsmState(agentUrl);
            if ("OPERATION".equals(state)) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        if (!"OPERATION".equals(state)) {
            System.err.println("supvisors-demo: Supvisors did not reach OPERATION (last state: "
                    + (state.isEmpty() ? "no answer" : state) + "); see " + directory.resolve("supvisorsd.log")
                    + " and " + directory.resolve("supervisord.log"));
            return 1;
        }
        supervisord.descendants().forEach(children::add);
        out.println();
        out.println("Supvisors is in OPERATION.");
        out.println("  agent (supvisors.*, supervisor.*, system.*): " + agentUrl + "/RPC2");
        out.println("  supervisord:                                http://127.0.0.1:" + port + "/RPC2");
        out.println();
        out.println("Try:");
        out.println("  " + home.resolve("bin/supvisorsctl") + " -s " + agentUrl + " sstate");
        out.println("  " + home.resolve("bin/supvisorsctl") + " -s " + agentUrl + " sstatus");
        out.println("  python3 -c \"import xmlrpc.client as x; p = x.ServerProxy('" + agentUrl + "/RPC2');"
                + " print(p.supvisors.get_all_process_info())\"");
        out.println("  supervisorctl -s http://127.0.0.1:" + port + " stop demo:*   (then watch sstatus again)");
        out.println();
        out.println("Logs: " + directory.resolve("supvisorsd.log") + ". Press Ctrl-C to stop everything.");
        supervisord.waitFor();
        return 0;
    }

    /** Stops supervisord (SIGTERM), then whatever it left, then removes the directory. */
    private void stop() {
        for (Process supervisord : supervisords) {
            supervisord.descendants().forEach(children::add);
            supervisord.destroy();
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
        for (int base = preferred; base < preferred + 4000; base += 10) {
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
