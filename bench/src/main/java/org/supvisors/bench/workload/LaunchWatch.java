package org.supvisors.bench.workload;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.supvisors.bench.command.BenchException;

/**
 * The launch of the three supervisord: each agent is polled ({@code supvisors.get_supvisors_state}) from the
 * launch instant until it reports OPERATION; the first answer in DISTRIBUTION or a later state and the first in
 * OPERATION are recorded, as times since that instant (the answer's arrival).
 */
public final class LaunchWatch {

    /** DISTRIBUTION and the states that can only follow it. */
    public static final Set<String> FROM_DISTRIBUTION = Set.of("DISTRIBUTION", "OPERATION", "CONCILIATION",
            "RESTARTING", "SHUTTING_DOWN", "FINAL");

    /**
     * Per nickname, nanoseconds from the launch instant to DISTRIBUTION (or later) and to OPERATION; the phases
     * read in the logs (see {@link LaunchPhases}), once read.
     */
    public record Launch(Map<String, Long> distribution, Map<String, Long> operation, Map<String, Long> phases) {

        public Launch withPhases(Map<String, Long> read) {
            return new Launch(distribution, operation, read);
        }

        public long lastDistribution() {
            return distribution.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        }

        public long lastOperation() {
            return operation.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        }
    }

    private LaunchWatch() {
    }

    public static Launch watch(Cluster cluster, long origin, Duration period, Duration timeout)
            throws InterruptedException {
        List<SupervisordInstance> instances = cluster.instances();
        ExecutorService probes = Executors.newFixedThreadPool(instances.size());
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (SupervisordInstance instance : instances) {
                futures.add(probes.submit(() -> watch(instance, origin, period, timeout)));
            }
            Map<String, Long> distribution = new LinkedHashMap<>();
            Map<String, Long> operation = new LinkedHashMap<>();
            for (int i = 0; i < instances.size(); i++) {
                long[] times = futures.get(i).get();
                distribution.put(instances.get(i).nickname(), times[0]);
                operation.put(instances.get(i).nickname(), times[1]);
            }
            return new Launch(distribution, operation, Map.of());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof BenchException fatal ? fatal
                    : new BenchException("launch: " + e.getCause(), e.getCause());
        } finally {
            probes.shutdownNow();
        }
    }

    /** {DISTRIBUTION or later, OPERATION} of one agent, in nanoseconds from {@code origin}. */
    private static long[] watch(SupervisordInstance instance, long origin, Duration period, Duration timeout) {
        long distribution = -1;
        String last = "no answer";
        Periodic periodic = new Periodic(period);
        try (AgentConnection agent = new AgentConnection(instance.agentPort())) {
            while (System.nanoTime() - origin < timeout.toNanos()) {
                instance.checkAlive();
                Optional<String> state;
                try {
                    state = XmlRpcAnswer.member(agent.call(Calls.STATE), "fsm_statename");
                } catch (IOException e) {
                    state = Optional.empty();
                    last = e.getMessage();
                }
                long now = System.nanoTime() - origin;
                if (state.isPresent()) {
                    last = state.get();
                    if (distribution < 0 && FROM_DISTRIBUTION.contains(last)) {
                        distribution = now;
                    }
                    if (last.equals("OPERATION")) {
                        return new long[] {distribution, now};
                    }
                }
                periodic.await();
            }
        }
        throw new BenchException(instance.nickname() + ": OPERATION not reached within " + timeout.toSeconds()
                + " s of the launch (last: " + last + ")\n" + instance.tail("supvisorsd.log"));
    }
}
