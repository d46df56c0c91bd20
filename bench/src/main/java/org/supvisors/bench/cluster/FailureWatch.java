package org.supvisors.bench.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.supvisors.bench.workload.Cluster;
import org.supvisors.bench.workload.KillInstant;
import org.supvisors.bench.workload.SupervisordInstance;

/**
 * The failure of one instance: {@code kill -9} of its supervisord, then, from that instant, a {@link SurvivorProbe}
 * and a {@link QueryPoller} on each survivor, until the survivors have agreed for the hold time on one Master in
 * OPERATION (or the timeout). The kill instant is the origin of every time.
 */
final class FailureWatch {

    /**
     * What happened; times in nanoseconds from the kill, -1 when never reached.
     *
     * @param agentExit when the victim's agent process was seen gone (its stdin closed with supervisord), -1 when
     *                  still there 10 s after the kill
     * @param failed when the last survivor saw the victim lost
     * @param converged since when every survivor is in OPERATION with the same Master (not the victim)
     * @param outcome empty when converged, else what was missing at the timeout
     */
    record Failure(String victim, long agentExit, long failed, long converged, String master,
                   List<SurvivorProbe.Seen> survivors, List<QueryPoller.Count> queries, String outcome) {

        /** The same, with the Masters named by their nicknames. */
        Failure withNicknames(Map<String, String> nicknames) {
            return new Failure(victim, agentExit, failed, converged, nicknames.getOrDefault(master, master),
                    survivors.stream().map(seen -> seen.withNicknames(nicknames)).toList(), queries, outcome);
        }

        int failedQueries() {
            return queries.stream().mapToInt(QueryPoller.Count::failed).max().orElse(0);
        }
    }

    /** The periods and limits of the watch. */
    record Timing(Duration probePeriod, Duration queryPeriod, Duration hold, Duration timeout) {
    }

    /** How long after the kill the victim's agent may take to exit before it is left to the teardown. */
    private static final Duration AGENT_EXIT_WAIT = Duration.ofSeconds(10);

    private FailureWatch() {
    }

    /** Waits {@code delayNanos} once the watchers are ready, kills, and watches. */
    static Failure kill(Cluster cluster, String victimNickname, String victimIdentifier, long delayNanos,
                        Timing timing) throws InterruptedException {
        SupervisordInstance victim = cluster.instance(victimNickname);
        List<SupervisordInstance> survivors = cluster.instances().stream().filter(i -> i != victim).toList();
        // the agent is supervisord's only Java child; the workload's processes outlive a killed supervisord
        List<ProcessHandle> agents = victim.children().stream()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).toList();
        KillInstant kill = new KillInstant(2 * survivors.size());
        List<SurvivorProbe> probes = new ArrayList<>();
        List<QueryPoller> pollers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (SupervisordInstance survivor : survivors) {
            SurvivorProbe probe = new SurvivorProbe(survivor, victimNickname, victimIdentifier,
                    timing.probePeriod(), kill);
            QueryPoller poller = new QueryPoller(survivor, timing.queryPeriod(), kill);
            probes.add(probe);
            pollers.add(poller);
            threads.add(new Thread(poller, "supvisors-bench-poller-" + survivor.nickname()));
            threads.add(new Thread(probe, "supvisors-bench-probe-" + survivor.nickname()));
        }
        long origin = -1;
        long agentExit = -1;
        long holdStart = -1;
        String outcome = "";
        threads.forEach(Thread::start);
        try {
            origin = kill.killAfter(delayNanos, victim::kill);
            while (true) {
                long now = System.nanoTime() - origin;
                if (agentExit < 0 && agents.stream().noneMatch(ProcessHandle::isAlive)) {
                    agentExit = now;
                }
                survivors.forEach(SupervisordInstance::checkAlive);
                List<SurvivorProbe.Seen> seen = probes.stream().map(SurvivorProbe::seen).toList();
                if (agreed(seen)) {
                    if (holdStart < 0) {
                        holdStart = now;
                    } else if (now - holdStart >= timing.hold().toNanos()) {
                        break;
                    }
                } else {
                    holdStart = -1;
                }
                if (now > timing.timeout().toNanos()) {
                    outcome = "survivors not in OPERATION with one Master within " + timing.timeout().toSeconds()
                            + " s";
                    break;
                }
                LockSupport.parkNanos(timing.probePeriod().toNanos());
            }
        } finally {
            kill.fire(System.nanoTime());
            probes.forEach(SurvivorProbe::stop);
            pollers.forEach(QueryPoller::stop);
            for (Thread thread : threads) {
                thread.join();
            }
        }
        while (agentExit < 0 && System.nanoTime() - origin < AGENT_EXIT_WAIT.toNanos()) {
            if (agents.stream().noneMatch(ProcessHandle::isAlive)) {
                agentExit = System.nanoTime() - origin;
            } else {
                LockSupport.parkNanos(timing.probePeriod().toNanos());
            }
        }
        List<SurvivorProbe.Seen> seen = probes.stream().map(SurvivorProbe::seen).toList();
        boolean allFailed = seen.stream().allMatch(s -> s.failedAt() >= 0);
        boolean agreed = agreed(seen);
        return new Failure(victimNickname, agentExit,
                allFailed ? seen.stream().mapToLong(SurvivorProbe.Seen::failedAt).max().orElseThrow() : -1,
                agreed ? seen.stream().mapToLong(SurvivorProbe.Seen::goodSince).max().orElseThrow() : -1,
                agreed ? seen.get(0).master() : "", seen, pollers.stream().map(QueryPoller::count).toList(),
                agreed ? "" : (outcome.isEmpty() ? "survivors disagree at the end" : outcome));
    }

    /** Every survivor in OPERATION with the same Master, not the victim, having seen the victim lost. */
    private static boolean agreed(List<SurvivorProbe.Seen> seen) {
        return seen.stream().allMatch(SurvivorProbe.Seen::good)
                && seen.stream().map(SurvivorProbe.Seen::master).distinct().count() == 1;
    }
}
