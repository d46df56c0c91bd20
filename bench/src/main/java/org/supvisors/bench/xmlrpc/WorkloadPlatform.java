package org.supvisors.bench.xmlrpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.supvisors.transport.testing.FreePorts;

/**
 * One instance of the reference workload: a temporary directory with a supervisord configuration on free loopback
 * ports (HTTP port, event port = +1, agent port = +2), the workload's {@code programs.ini} with {@code numprocs} of
 * {@code worker} set for the wanted number of processes, the agent of the distribution as
 * {@code [eventlistener:supvisors]}; supervisord runs in the foreground until {@link #close()}, which stops it with
 * SIGTERM, kills whatever it left and removes the directory.
 */
final class WorkloadPlatform implements AutoCloseable {

    static final String NICKNAME = "supv1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[([^]]+)]\\s*$");
    private static final Pattern NUMPROCS = Pattern.compile("^\\s*numprocs\\s*[=:]\\s*(\\d+)\\s*$");
    private static final Pattern PID = Pattern.compile("<name>pid</name>\\s*<value>\\s*<(?:int|i4)>(\\d+)<");
    static final String PROCESS_MEMBER = "<name>process_name</name>";

    private final Path distribution;
    private final Path workload;
    private final int processes;
    private final boolean keep;
    private final List<ProcessHandle> descendants = new ArrayList<>();
    private Path directory;
    private Process supervisord;
    private int httpPort;
    private long agentPid;

    WorkloadPlatform(Path distribution, Path workload, int processes, boolean keep) {
        this.distribution = distribution;
        this.workload = workload;
        this.processes = processes;
        this.keep = keep;
    }

    /** Writes the configuration, starts supervisord and waits until the agent is in OPERATION with every process. */
    WorkloadPlatform start() throws IOException {
        directory = Files.createTempDirectory("supvisors-xmlrpc-bench-");
        httpPort = FreePorts.block(3);
        Files.writeString(directory.resolve("programs.ini"), programs(Files.readString(workload.resolve(
                "programs.ini")), processes));
        Path configuration = directory.resolve("supervisord.conf");
        Files.writeString(configuration, configuration());
        supervisord = new ProcessBuilder("supervisord", "-n", "-c", configuration.toString())
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("supervisord.out").toFile())
                .start();
        byte[] state = KeepAliveClient.request("supvisors.get_supvisors_state");
        byte[] all = KeepAliveClient.request("supvisors.get_all_process_info");
        Poll.until(READY_TIMEOUT, "OPERATION with " + processes + " processes", () -> {
            checkAlive();
            try (KeepAliveClient client = new KeepAliveClient(agentPort())) {
                if (client.exchange(state) != 200 || !client.body().contains("<string>OPERATION</string>")) {
                    return Optional.empty();
                }
                client.exchange(all);
                int count = count(client.body(), PROCESS_MEMBER);
                if (count > processes) {
                    throw new BenchException("get_all_process_info: " + count + " processes (expected: "
                            + processes + ")");
                }
                return count == processes ? Optional.of(Boolean.TRUE) : Optional.empty();
            }
        });
        agentPid = Poll.until(Duration.ofSeconds(5), "the agent pid", () -> {
            try (KeepAliveClient client = new KeepAliveClient(agentPort())) {
                client.exchange(KeepAliveClient.request("supervisor.getProcessInfo", "supvisors"));
                Matcher pid = PID.matcher(client.body());
                return pid.find() ? Optional.of(Long.parseLong(pid.group(1))) : Optional.empty();
            }
        });
        supervisord.descendants().forEach(descendants::add);
        return this;
    }

    int agentPort() {
        return httpPort + 2;
    }

    long agentPid() {
        return agentPid;
    }

    long supervisordPid() {
        return supervisord.pid();
    }

    /** {@code programs.ini} with {@code numprocs} of {@code [program:worker]} such that there are {@code total}. */
    static String programs(String text, int total) {
        int others = 0;
        String section = "";
        boolean sawWorker = false;
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (String line : lines) {
            Matcher header = SECTION.matcher(line);
            if (header.matches()) {
                section = header.group(1).trim();
                if (section.startsWith("program:") && !section.equals("program:worker")) {
                    others += 1;
                }
                sawWorker |= section.equals("program:worker");
                continue;
            }
            Matcher numprocs = NUMPROCS.matcher(line);
            if (numprocs.matches() && section.startsWith("program:") && !section.equals("program:worker")) {
                others += Integer.parseInt(numprocs.group(1)) - 1;
            }
        }
        int workers = total - others;
        if (!sawWorker || workers < 1) {
            throw new BenchException("programs.ini: " + total + " processes cannot be reached with [program:worker]"
                    + " (expected: more than the " + others + " other processes and a [program:worker] section)");
        }
        section = "";
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            Matcher header = SECTION.matcher(lines.get(i));
            if (header.matches()) {
                section = header.group(1).trim();
            } else if (section.equals("program:worker") && NUMPROCS.matcher(lines.get(i)).matches()) {
                lines.set(i, "numprocs=" + workers);
                replaced = true;
            }
        }
        if (!replaced) {
            throw new BenchException("programs.ini: [program:worker] has no numprocs line (expected: numprocs=50)");
        }
        return String.join("\n", lines) + "\n";
    }

    private String configuration() {
        return String.join("\n",
                "; written by supvisors-bench (XML-RPC benchmark), " + processes + " processes",
                "[supervisord]",
                "logfile = " + directory.resolve("supervisord.log"),
                "pidfile = " + directory.resolve("supervisord.pid"),
                "childlogdir = " + directory,
                "identifier = " + NICKNAME,
                "",
                "[inet_http_server]",
                "port = 127.0.0.1:" + httpPort,
                "",
                "[rpcinterface:supervisor]",
                "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
                "",
                "[supervisorctl]",
                "serverurl = http://127.0.0.1:" + httpPort,
                "",
                "[supvisors]",
                "supvisors_list = <" + NICKNAME + ">127.0.0.1:" + httpPort,
                "event_link = WS",
                "synchro_timeout = 15",
                "inactivity_ticks = 2",
                "starting_strategy = CONFIG",
                "conciliation_strategy = USER",
                "",
                "[eventlistener:supvisors]",
                "command = " + distribution.resolve("bin/supvisorsd"),
                "events = PROCESS_STATE,TICK_5,PROCESS_GROUP,SUPERVISOR_STATE_CHANGE",
                "buffer_size = 8192",
                "autorestart = true",
                "stopwaitsecs = 10",
                "stderr_logfile = " + directory.resolve("supvisorsd.log"),
                "",
                "[include]",
                "files = programs.ini",
                "");
    }

    private void checkAlive() {
        if (!supervisord.isAlive()) {
            throw new BenchException("supervisord exited with " + supervisord.exitValue() + ":\n"
                    + tail("supervisord.out") + tail("supervisord.log") + tail("supvisorsd.log"));
        }
    }

    /** The last lines of a file of the directory, for an error message. */
    String tail(String file) {
        Path path = directory.resolve(file);
        try {
            if (!Files.exists(path)) {
                return "";
            }
            List<String> lines = Files.readAllLines(path);
            return "--- " + file + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15),
                    lines.size())) + "\n";
        } catch (IOException | UncheckedIOException e) {
            return "--- " + file + ": " + e.getMessage() + "\n";
        }
    }

    static int count(String text, String token) {
        int count = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) {
            count++;
        }
        return count;
    }

    @Override
    public synchronized void close() {
        if (supervisord != null) {
            supervisord.descendants().forEach(descendants::add);
            supervisord.destroy();
            try {
                if (!supervisord.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    System.err.println("supvisors-bench: supervisord did not stop within " + STOP_TIMEOUT.toSeconds()
                            + " s of SIGTERM: killed");
                    supervisord.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            supervisord = null;
        }
        if (directory != null && !keep) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("supvisors-bench: cannot remove " + directory + ": " + e.getMessage());
            }
        } else if (directory != null) {
            System.err.println("supvisors-bench: kept " + directory);
        }
        directory = null;
    }
}
