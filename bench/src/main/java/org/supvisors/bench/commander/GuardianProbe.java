package org.supvisors.bench.commander;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.supvisors.bench.workload.AgentConnection;
import org.supvisors.bench.workload.Calls;
import org.supvisors.bench.workload.KillInstant;
import org.supvisors.bench.workload.SupervisordInstance;
import org.supvisors.bench.workload.SurvivorLoop;
import org.supvisors.bench.workload.XmlRpcAnswer;

/**
 * What one surviving agent says of the guardian after the kill, polled every period:
 * {@code supvisors.get_process_info('sentinel:guardian')}, then {@code get_instance_info(victim)}. Records when it
 * first saw the victim lost (FAILED, STOPPED, ISOLATED), the guardian starting elsewhere (STARTING, or RUNNING at
 * once, on an instance other than the victim) and the guardian RUNNING elsewhere.
 */
final class GuardianProbe extends SurvivorLoop {

    static final String GUARDIAN = "sentinel:guardian";
    private static final byte[] GUARDIAN_INFO = Calls.processInfo(GUARDIAN);
    private static final List<String> LOST = List.of("FAILED", "STOPPED", "ISOLATED");

    private final byte[] victimInfo;
    private final String victimIdentifier;
    private final Map<String, String> nicknames;
    private long lostAt = -1;
    private long startingAt = -1;
    private long runningAt = -1;
    private String runningOn = "";
    private String view = "";
    private final List<String> transitions = new ArrayList<>();

    GuardianProbe(SupervisordInstance survivor, String victimIdentifier, Map<String, String> nicknames,
                  Duration period, KillInstant kill) {
        super(survivor, period, kill);
        this.victimInfo = Calls.instanceInfo(victimIdentifier);
        this.victimIdentifier = victimIdentifier;
        this.nicknames = nicknames;
    }

    /**
     * What the coordinator reads; times in nanoseconds from the kill, -1 when not seen.
     *
     * @param runningOn the nickname of the instance where the guardian was first seen RUNNING after the kill
     */
    record Seen(String nickname, long lostAt, long startingAt, long runningAt, String runningOn,
                List<String> transitions) {
        boolean sawRunning() {
            return runningAt >= 0;
        }
    }

    synchronized Seen seen() {
        return new Seen(survivor.nickname(), lostAt, startingAt, runningAt, runningOn, List.copyOf(transitions));
    }

    @Override
    protected void round(AgentConnection agent, long origin) {
        String guardian;
        List<String> where = List.of();
        String victim = "?";
        long guardianSeen;
        long victimSeen = -1;
        try {
            String body = agent.call(GUARDIAN_INFO);
            guardianSeen = System.nanoTime() - origin;
            List<String> structs = XmlRpcAnswer.structs(body);
            if (XmlRpcAnswer.isFault(body) || structs.isEmpty()) {
                guardian = XmlRpcAnswer.result(body);
            } else {
                guardian = XmlRpcAnswer.member(structs.get(0), "statename").orElse("?");
                where = XmlRpcAnswer.array(structs.get(0), "identifiers");
            }
            String info = agent.call(victimInfo);
            victimSeen = System.nanoTime() - origin;
            victim = XmlRpcAnswer.isFault(info) ? "fault" : XmlRpcAnswer.member(info, "statename").orElse("?");
        } catch (IOException e) {
            guardianSeen = System.nanoTime() - origin;
            guardian = "unreachable";
        }
        boolean elsewhere = !where.isEmpty() && !where.contains(victimIdentifier);
        synchronized (this) {
            if (lostAt < 0 && LOST.contains(victim)) {
                lostAt = victimSeen;
            }
            if (startingAt < 0 && elsewhere && (guardian.equals("STARTING") || guardian.equals("RUNNING"))) {
                startingAt = guardianSeen;
            }
            if (runningAt < 0 && elsewhere && guardian.equals("RUNNING")) {
                runningAt = guardianSeen;
                runningOn = String.join("+", where.stream().map(id -> nicknames.getOrDefault(id, id)).toList());
            }
            String current = "guardian " + guardian + " on " + (where.isEmpty() ? "none" : String.join("+",
                    where.stream().map(id -> nicknames.getOrDefault(id, id)).toList())) + ", victim " + victim;
            if (!current.equals(view)) {
                transitions.add(String.format(Locale.ROOT, "%.3f s: %s", guardianSeen / 1e9, current));
                view = current;
            }
        }
    }
}
