package org.supvisors.dist.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.supvisors.core.testing.Await;

/**
 * A client that keeps calling read-only queries on one agent in the background, as a dashboard would, and records
 * every failure (fault or transport error) and every FSM state answered, to show that an agent keeps answering
 * while the cluster changes around it.
 */
public final class QueryPoller implements AutoCloseable {

    /** The read-only queries of a dashboard's refresh (none takes a parameter). */
    public static final List<String> DASHBOARD_QUERIES = List.of("supvisors.get_supvisors_state",
            "supvisors.get_master_identifier", "supvisors.get_all_instances_info",
            "supvisors.get_all_applications_info", "supvisors.get_all_process_info", "supvisors.get_conflicts");

    private static final long PERIOD_NANOS = Duration.ofMillis(10).toNanos();

    private final TestingAgent agent;
    private final List<String> methods;
    private final Thread thread;
    private final List<String> failures = new ArrayList<>();
    private final Set<String> states = new LinkedHashSet<>();
    private final AtomicLong rounds = new AtomicLong();
    private volatile boolean running = true;

    private QueryPoller(TestingAgent agent, List<String> methods) {
        this.agent = agent;
        this.methods = List.copyOf(methods);
        this.thread = new Thread(this::run, "query-poller-" + agent.identifier());
        this.thread.setDaemon(true);
    }

    /** Starts polling {@link #DASHBOARD_QUERIES} on {@code agent}, and waits for a first complete round. */
    public static QueryPoller start(TestingAgent agent) {
        QueryPoller poller = new QueryPoller(agent, DASHBOARD_QUERIES);
        poller.thread.start();
        poller.awaitRounds(1);
        return poller;
    }

    private void run() {
        while (running) {
            for (String method : methods) {
                try {
                    Object answer = agent.call(method);
                    if (method.equals("supvisors.get_supvisors_state")) {
                        synchronized (this) {
                            states.add((String) ((Map<?, ?>) answer).get("fsm_statename"));
                        }
                    }
                } catch (Exception e) {
                    synchronized (this) {
                        failures.add(method + ": " + e);
                    }
                }
            }
            rounds.incrementAndGet();
            LockSupport.parkNanos(PERIOD_NANOS);
        }
    }

    /** Complete rounds of queries so far. */
    public long rounds() {
        return rounds.get();
    }

    /** Waits until {@code count} more rounds are complete (so that the poller saw what just happened). */
    public QueryPoller awaitRounds(long count) {
        long target = rounds.get() + count;
        Await.until(Duration.ofSeconds(30), () -> {
            if (rounds.get() < target) {
                throw new AssertionError("poller of " + agent.identifier() + " at round " + rounds.get());
            }
        });
        return this;
    }

    public synchronized List<String> failures() {
        return new ArrayList<>(failures);
    }

    /** The FSM states answered by {@code get_supvisors_state}, in the order first seen. */
    public synchronized Set<String> states() {
        return new LinkedHashSet<>(states);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
