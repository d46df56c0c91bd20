package org.supvisors.bench.workload;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.supvisors.bench.command.BenchException;

/**
 * The three instances of the reference workload, {@code supv1} to {@code supv3}, on free loopback ports (HTTP ports
 * 10 apart, event port = +1, agent port = +2), each in its own directory of one temporary directory, all with the
 * same {@code programs.ini}. {@link #close()} stops them and removes the directory (unless kept).
 */
public final class Cluster implements AutoCloseable {

    public static final List<String> NICKNAMES = List.of("supv1", "supv2", "supv3");
    private static final int PORTS_PER_INSTANCE = 10;

    private final TemporaryDirectory directory;
    private final List<SupervisordInstance> instances;

    private Cluster(TemporaryDirectory directory, List<SupervisordInstance> instances) {
        this.directory = directory;
        this.instances = instances;
    }

    /**
     * Writes the configurations of the three instances.
     *
     * @param benchmark the benchmark's short name ("cluster"), in the directory's name and the files' header
     * @param programs the text of {@code programs.ini}, the same for the three
     * @param run what the files are for, in their header
     */
    public static Cluster write(String benchmark, Path distribution, String programs, Optional<Path> rulesFile,
                                boolean keep, String run) throws IOException {
        return write(benchmark, distribution, programs, rulesFile, List.of(), keep, run);
    }

    /** The same, with {@code supvisorsOptions} ({@code "name = value"} lines) added to each {@code [supvisors]}. */
    public static Cluster write(String benchmark, Path distribution, String programs, Optional<Path> rulesFile,
                                List<String> supvisorsOptions, boolean keep, String run) throws IOException {
        TemporaryDirectory directory = TemporaryDirectory.create("supvisors-" + benchmark + "-bench-", keep);
        int base = ListeningPorts.block((NICKNAMES.size() - 1) * PORTS_PER_INSTANCE + 3);
        List<WorkloadConfiguration.Member> members = new ArrayList<>();
        for (int i = 0; i < NICKNAMES.size(); i++) {
            members.add(new WorkloadConfiguration.Member(NICKNAMES.get(i), base + i * PORTS_PER_INSTANCE));
        }
        List<SupervisordInstance> instances = new ArrayList<>();
        for (WorkloadConfiguration.Member member : members) {
            Path home = directory.path().resolve(member.nickname());
            instances.add(new SupervisordInstance(member, home, WorkloadConfiguration.supervisord(
                    "written by supvisors-bench (" + benchmark + " benchmark), " + run, home, member, members,
                    distribution, rulesFile, supvisorsOptions), programs));
        }
        return new Cluster(directory, instances);
    }

    public List<SupervisordInstance> instances() {
        return instances;
    }

    public SupervisordInstance instance(String nickname) {
        return instances.stream().filter(instance -> instance.nickname().equals(nickname)).findFirst()
                .orElseThrow(() -> new BenchException("nickname: " + nickname + " (expected: one of " + NICKNAMES
                        + ")"));
    }

    public Path directory() {
        return directory.path();
    }

    /** The launch instant, on the monotonic clock and on the wall clock (the logs' time). */
    public record Origin(long nanos, Instant wall) {
    }

    /**
     * Starts the three {@code supervisord -n -c} at one instant: three threads, each ready to fork, released
     * together. Returns that instant.
     */
    public Origin start() throws InterruptedException {
        ExecutorService starters = Executors.newFixedThreadPool(instances.size());
        try {
            CountDownLatch ready = new CountDownLatch(instances.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Void>> started = new ArrayList<>();
            for (SupervisordInstance instance : instances) {
                started.add(starters.submit(() -> {
                    ready.countDown();
                    go.await();
                    instance.start();
                    return null;
                }));
            }
            ready.await();
            Origin origin = new Origin(System.nanoTime(), Instant.now());
            go.countDown();
            for (Future<Void> future : started) {
                future.get();
            }
            return origin;
        } catch (ExecutionException e) {
            throw new BenchException("supervisord: cannot start (" + e.getCause() + ")", e.getCause());
        } finally {
            starters.shutdownNow();
        }
    }

    /**
     * The Master the three agents agree on ({@code supvisors.get_master_identifier}): its nickname and identifier,
     * polled until they agree or {@code timeout}.
     */
    public Master agreedMaster(Duration timeout) {
        return Poll.until(timeout, "one Master for the three agents", () -> {
            Set<Master> masters = new HashSet<>();
            for (SupervisordInstance instance : instances) {
                try (AgentConnection agent = new AgentConnection(instance.agentPort())) {
                    String body = agent.call(Calls.MASTER);
                    masters.add(new Master(XmlRpcAnswer.member(body, "nick_identifier").orElse(""),
                            XmlRpcAnswer.member(body, "identifier").orElse("")));
                }
            }
            Master master = masters.iterator().next();
            return masters.size() == 1 && !master.nickname().isEmpty() ? Optional.of(master) : Optional.empty();
        });
    }

    /** Nickname per identifier of the three instances, as {@code supvisors.get_instance_info} on {@code asked}. */
    public Map<String, String> nicknames(SupervisordInstance asked) throws IOException {
        Map<String, String> nicknames = new HashMap<>();
        try (AgentConnection agent = new AgentConnection(asked.agentPort())) {
            for (String nickname : NICKNAMES) {
                String body = agent.call(Calls.instanceInfo(nickname));
                nicknames.put(XmlRpcAnswer.member(body, "identifier").orElseThrow(() -> new BenchException(
                        asked.nickname() + ": get_instance_info(" + nickname + "): no identifier in the answer"
                                + " (expected: one instance)")), nickname);
            }
        }
        return nicknames;
    }

    /** The Master of the cluster. */
    public record Master(String nickname, String identifier) {
    }

    /** Keeps the directory at {@link #close()}, whatever was asked: it has the logs of a failure. */
    public void keepDirectory() {
        directory.keep();
    }

    /** Stops the three supervisord together, then removes the directory (unless kept). */
    @Override
    public void close() {
        List<Thread> stops = instances.stream()
                .map(instance -> new Thread(instance::stop, "supvisors-bench-stop-" + instance.nickname())).toList();
        stops.forEach(Thread::start);
        boolean interrupted = false;
        for (Thread stop : stops) {
            while (stop.isAlive()) {
                try {
                    stop.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        directory.remove();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
