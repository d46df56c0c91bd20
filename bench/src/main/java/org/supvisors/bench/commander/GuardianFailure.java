package org.supvisors.bench.commander;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import org.supvisors.bench.command.BenchException;
import org.supvisors.bench.workload.AgentConnection;
import org.supvisors.bench.workload.Calls;
import org.supvisors.bench.workload.Cluster;
import org.supvisors.bench.workload.KillInstant;
import org.supvisors.bench.workload.Poll;
import org.supvisors.bench.workload.Scenario;
import org.supvisors.bench.workload.SupervisordInstance;
import org.supvisors.bench.workload.XmlRpcAnswer;

/**
 * The loss of the instance that runs {@code sentinel:guardian} (running failure strategy RESTART_PROCESS), on a
 * cluster in OPERATION: the guardian is first put where the scenario wants it (on the Master, or on a non-Master),
 * by {@code stop_process} then {@code start_process('LOCAL', …)} on the target's agent when it is elsewhere; then,
 * after a delay, {@code kill -9} of that instance's agent and supervisord together, and a {@link GuardianProbe} on
 * each survivor until both see the guardian RUNNING on another instance (or the timeout). The kill instant is the
 * origin of every time.
 */
final class GuardianFailure {

    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(15);

    /**
     * What happened.
     *
     * @param master the Master before the kill (nickname)
     * @param moved where the guardian was moved from, empty when it was already in place
     * @param victim the nickname of the instance killed
     * @param survivors what each survivor saw
     * @param masterAfter the Master after, as the first survivor says at the end
     * @param outcome empty when both survivors saw the guardian RUNNING elsewhere, else what was missing
     */
    record Result(String master, String moved, String victim, List<GuardianProbe.Seen> survivors,
                  String masterAfter, String outcome) {

        /** When the last survivor saw the guardian RUNNING elsewhere, -1 when one never did. */
        long running() {
            return survivors.stream().allMatch(GuardianProbe.Seen::sawRunning)
                    ? survivors.stream().mapToLong(GuardianProbe.Seen::runningAt).max().orElse(-1) : -1;
        }

        /** When the last survivor saw the victim lost, -1 when one never did. */
        long lost() {
            return survivors.stream().allMatch(seen -> seen.lostAt() >= 0)
                    ? survivors.stream().mapToLong(GuardianProbe.Seen::lostAt).max().orElse(-1) : -1;
        }

        /** When the first survivor saw the guardian starting elsewhere, -1 when none did. */
        long starting() {
            return survivors.stream().mapToLong(GuardianProbe.Seen::startingAt).filter(t -> t >= 0).min()
                    .orElse(-1);
        }
    }

    private GuardianFailure() {
    }

    /**
     * Places the guardian for {@code scenario}, waits {@code delayNanos} once the probes are ready, kills, and
     * watches for at most {@code timeout}.
     */
    static Result run(Cluster cluster, Scenario scenario, long delayNanos, Duration probePeriod, Duration timeout)
            throws IOException, InterruptedException {
        Cluster.Master master = cluster.agreedMaster(Duration.ofSeconds(5));
        Map<String, String> nicknames = cluster.nicknames(cluster.instance(master.nickname()));
        String where = guardianPlace(cluster.instance(master.nickname()), nicknames);
        String target = scenario == Scenario.MASTER ? master.nickname()
                : !where.equals(master.nickname()) ? where
                : Cluster.NICKNAMES.stream().filter(nick -> !nick.equals(master.nickname())).findFirst().orElseThrow();
        String moved = "";
        if (!where.equals(target)) {
            move(cluster.instance(master.nickname()), cluster.instance(target), nicknames);
            moved = where;
        }
        SupervisordInstance victim = cluster.instance(target);
        String victimIdentifier = nicknames.entrySet().stream().filter(entry -> entry.getValue().equals(target))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        long agentPid = victim.agentPid(Duration.ofSeconds(5));
        List<SupervisordInstance> survivors = cluster.instances().stream().filter(i -> i != victim).toList();
        KillInstant kill = new KillInstant(survivors.size());
        List<GuardianProbe> probes = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (SupervisordInstance survivor : survivors) {
            GuardianProbe probe = new GuardianProbe(survivor, victimIdentifier, nicknames, probePeriod, kill);
            probes.add(probe);
            threads.add(new Thread(probe, "supvisors-bench-guardian-" + survivor.nickname()));
        }
        String outcome = "";
        threads.forEach(Thread::start);
        try {
            long origin = kill.killAfter(delayNanos, () -> victim.killWithAgent(agentPid));
            while (!probes.stream().allMatch(probe -> probe.seen().sawRunning())) {
                survivors.forEach(SupervisordInstance::checkAlive);
                if (System.nanoTime() - origin > timeout.toNanos()) {
                    outcome = "guardian not seen RUNNING elsewhere by both survivors within " + timeout.toSeconds()
                            + " s";
                    break;
                }
                LockSupport.parkNanos(probePeriod.toNanos());
            }
        } finally {
            kill.fire(System.nanoTime());
            probes.forEach(GuardianProbe::stop);
            for (Thread thread : threads) {
                thread.join();
            }
        }
        return new Result(master.nickname(), moved, target, probes.stream().map(GuardianProbe::seen).toList(),
                masterOf(survivors.get(0), nicknames), outcome);
    }

    /** Where the guardian runs (a nickname), as {@code asked} says, polled until it is RUNNING on one instance. */
    private static String guardianPlace(SupervisordInstance asked, Map<String, String> nicknames) {
        byte[] request = Calls.processInfo(GuardianProbe.GUARDIAN);
        return Poll.until(SETUP_TIMEOUT, GuardianProbe.GUARDIAN + " RUNNING on one instance", () -> {
            try (AgentConnection agent = new AgentConnection(asked.agentPort())) {
                List<ProcessView> views = ProcessView.of("get_process_info(" + GuardianProbe.GUARDIAN + ")",
                        agent.call(request));
                return views.stream().filter(view -> view.isIn("RUNNING") && view.identifiers().size() == 1)
                        .map(view -> nicknames.getOrDefault(view.identifiers().get(0), "?")).findFirst();
            }
        });
    }

    /**
     * Stops the guardian (through the Master's agent), then starts it with the LOCAL strategy through the agent
     * of {@code target}, and checks that it runs there.
     */
    private static void move(SupervisordInstance master, SupervisordInstance target, Map<String, String> nicknames)
            throws IOException {
        try (AgentConnection agent = new AgentConnection(master.agentPort())) {
            expectTrue("stop_process(" + GuardianProbe.GUARDIAN + ")", agent.call(Calls.stopProcess(
                    GuardianProbe.GUARDIAN)));
        }
        try (AgentConnection agent = new AgentConnection(target.agentPort())) {
            expectTrue(target.nickname() + ": start_process(LOCAL, " + GuardianProbe.GUARDIAN + ")",
                    agent.call(Calls.startProcess("LOCAL", GuardianProbe.GUARDIAN)));
        }
        String where = guardianPlace(master, nicknames);
        if (!where.equals(target.nickname())) {
            throw new BenchException(GuardianProbe.GUARDIAN + ": RUNNING on " + where + " after its start with LOCAL"
                    + " through " + target.nickname() + "'s agent (expected: " + target.nickname() + ")");
        }
    }

    private static void expectTrue(String what, String body) {
        String result = XmlRpcAnswer.result(body);
        if (!result.equals("1")) {
            throw new BenchException(what + ": " + result + " (expected: true)");
        }
    }

    /** The Master's nickname as {@code asked} says, or what went wrong. */
    private static String masterOf(SupervisordInstance asked, Map<String, String> nicknames) {
        try (AgentConnection agent = new AgentConnection(asked.agentPort())) {
            Optional<String> master = XmlRpcAnswer.member(agent.call(Calls.MASTER), "identifier");
            return master.map(id -> nicknames.getOrDefault(id, id)).orElse("?");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
