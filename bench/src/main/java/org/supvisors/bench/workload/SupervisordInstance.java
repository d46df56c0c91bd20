package org.supvisors.bench.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.supvisors.bench.command.BenchException;
import org.supvisors.bench.command.BenchMain;

/**
 * One supervisord of the workload, in the foreground ({@code supervisord -n -c}) in its own directory, with the
 * agent of the distribution as its event listener. {@link #stop()} ends it with SIGTERM and kills whatever it left;
 * {@link #kill()} is the {@code kill -9} of the failure scenarios.
 */
public final class SupervisordInstance {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern PID = Pattern.compile("<name>pid</name>\\s*<value>\\s*<(?:int|i4)>(\\d+)<");
    private static final byte[] AGENT_INFO = KeepAliveClient.request("supervisor.getProcessInfo", "supvisors");

    private final WorkloadConfiguration.Member member;
    private final Path directory;
    private final List<ProcessHandle> descendants = new ArrayList<>();
    private Process supervisord;

    /** Writes {@code supervisord.conf} and {@code programs.ini} into {@code directory}. */
    public SupervisordInstance(WorkloadConfiguration.Member member, Path directory, String configuration,
                               String programs) throws IOException {
        this.member = member;
        this.directory = directory;
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("programs.ini"), programs);
        Files.writeString(directory.resolve("supervisord.conf"), configuration);
    }

    public String nickname() {
        return member.nickname();
    }

    /** supervisord's own XML-RPC port. */
    public int httpPort() {
        return member.httpPort();
    }

    public int agentPort() {
        return member.httpPort() + 2;
    }

    public Path directory() {
        return directory;
    }

    /** Starts {@code supervisord -n -c supervisord.conf}, its output in {@code supervisord.out}. */
    public synchronized void start() throws IOException {
        supervisord = new ProcessBuilder("supervisord", "-n", "-c", directory.resolve("supervisord.conf").toString())
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("supervisord.out").toFile())
                .start();
    }

    public long pid() {
        return supervisord.pid();
    }

    /** Fails with the ends of the logs when supervisord has exited. */
    public void checkAlive() {
        Process process = supervisord;
        if (process != null && !process.isAlive()) {
            throw new BenchException(member.nickname() + ": supervisord exited with " + process.exitValue() + ":\n"
                    + tail("supervisord.out") + tail("supervisord.log") + tail("supvisorsd.log"));
        }
    }

    /** The processes supervisord runs now (its agent among them), remembered to be killed by {@link #stop()}. */
    public synchronized List<ProcessHandle> children() {
        List<ProcessHandle> children = supervisord.children().toList();
        supervisord.descendants().forEach(descendants::add);
        return children;
    }

    /**
     * The pid of the agent, as supervisord says ({@code supervisor.getProcessInfo('supvisors')} through the agent),
     * polled until it answers or {@code timeout}.
     */
    public long agentPid(Duration timeout) {
        return Poll.until(timeout, member.nickname() + ": the agent pid", () -> {
            checkAlive();
            try (KeepAliveClient client = new KeepAliveClient(agentPort())) {
                client.exchange(AGENT_INFO);
                Matcher pid = PID.matcher(client.body());
                return pid.find() ? Optional.of(Long.parseLong(pid.group(1))) : Optional.empty();
            }
        });
    }

    /** SIGKILL to supervisord alone, as {@code kill -9 <pid>}: what it runs is left to notice. */
    public synchronized void kill() {
        supervisord.descendants().forEach(descendants::add);
        supervisord.destroyForcibly();
    }

    /**
     * SIGKILL to the agent ({@code agentPid}) and to supervisord, one right after the other, as a host that dies:
     * neither is left to notice the other's end. The processes supervisord ran are left to {@link #stop()}.
     */
    public synchronized void killWithAgent(long agentPid) {
        supervisord.descendants().forEach(descendants::add);
        ProcessHandle agent = ProcessHandle.of(agentPid).orElseThrow(() -> new BenchException(member.nickname()
                + ": agent pid " + agentPid + " not found (expected: a child of supervisord " + supervisord.pid()
                + ")"));
        agent.destroyForcibly();
        supervisord.destroyForcibly();
    }

    /** SIGTERM, SIGKILL after 20 s, then SIGKILL to whatever it left; idempotent. */
    public synchronized void stop() {
        if (supervisord == null) {
            return;
        }
        supervisord.descendants().forEach(descendants::add);
        supervisord.destroy();
        try {
            if (!supervisord.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                BenchMain.progress(member.nickname() + ": supervisord did not stop within "
                        + STOP_TIMEOUT.toSeconds() + " s of SIGTERM: killed");
                supervisord.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        supervisord = null;
    }

    /** The last lines of a file of the directory, for an error message. */
    public String tail(String file) {
        Path path = directory.resolve(file);
        try {
            if (!Files.exists(path)) {
                return "";
            }
            List<String> lines = Files.readAllLines(path);
            return "--- " + member.nickname() + " " + file + "\n" + String.join("\n", lines.subList(Math.max(0,
                    lines.size() - 15), lines.size())) + "\n";
        } catch (IOException | UncheckedIOException e) {
            return "--- " + file + ": " + e.getMessage() + "\n";
        }
    }
}
