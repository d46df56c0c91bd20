package org.supvisors.bench.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.supvisors.bench.workload.AgentConnection;
import org.supvisors.bench.workload.Calls;
import org.supvisors.bench.workload.KillInstant;
import org.supvisors.bench.workload.SupervisordInstance;
import org.supvisors.bench.workload.SurvivorLoop;
import org.supvisors.bench.workload.XmlRpcAnswer;

/**
 * What one surviving agent says after the kill, polled every period: the victim's state
 * ({@code supvisors.get_instance_info(victim)}) and its own state and Master ({@code get_supvisors_state}).
 * Records when it first saw the victim FAILED (or STOPPED, ISOLATED), and since when it has been in OPERATION with
 * a Master other than the victim, having seen the victim lost (reset whenever that stops holding).
 */
final class SurvivorProbe extends SurvivorLoop {

    /** The states of an instance that say it is lost. */
    static final Set<String> LOST = Set.of("FAILED", "STOPPED", "ISOLATED");

    private final byte[] victimInfo;
    private final String victimIdentifier;
    private long failedAt = -1;
    private long goodSince = -1;
    private String master = "";
    private String view = "";
    private final List<String> transitions = new ArrayList<>();

    SurvivorProbe(SupervisordInstance survivor, String victimNickname, String victimIdentifier, Duration period,
                  KillInstant kill) {
        super(survivor, period, kill);
        this.victimInfo = Calls.instanceInfo(victimNickname);
        this.victimIdentifier = victimIdentifier;
    }

    /** What the coordinator reads. */
    record Seen(String nickname, long failedAt, long goodSince, String master, List<String> transitions) {
        boolean good() {
            return goodSince >= 0;
        }

        /** The same, with the Masters named by their nicknames. */
        Seen withNicknames(Map<String, String> nicknames) {
            List<String> named = transitions.stream().map(line -> {
                String text = line;
                for (Map.Entry<String, String> entry : nicknames.entrySet()) {
                    text = text.replace("Master " + entry.getKey(), "Master " + entry.getValue());
                }
                return text;
            }).toList();
            return new Seen(nickname, failedAt, goodSince, nicknames.getOrDefault(master, master), named);
        }
    }

    synchronized Seen seen() {
        return new Seen(survivor.nickname(), failedAt, goodSince, master, List.copyOf(transitions));
    }

    @Override
    protected void round(AgentConnection agent, long origin) {
        String victimState = "?";
        long victimSeen = -1;
        String state;
        String currentMaster;
        try {
            String info = agent.call(victimInfo);
            victimSeen = System.nanoTime() - origin;
            victimState = XmlRpcAnswer.isFault(info) ? "fault" : XmlRpcAnswer.member(info, "statename").orElse("?");
            String modes = agent.call(Calls.STATE);
            state = XmlRpcAnswer.member(modes, "fsm_statename").orElse("?");
            currentMaster = XmlRpcAnswer.member(modes, "master_identifier").orElse("");
        } catch (IOException e) {
            state = "unreachable";
            currentMaster = "";
        }
        long now = System.nanoTime() - origin;
        synchronized (this) {
            if (failedAt < 0 && LOST.contains(victimState)) {
                failedAt = victimSeen;
            }
            boolean good = failedAt >= 0 && state.equals("OPERATION") && !currentMaster.isEmpty()
                    && !currentMaster.equals(victimIdentifier);
            if (!good) {
                goodSince = -1;
            } else if (goodSince < 0 || !currentMaster.equals(master)) {
                goodSince = now;
            }
            master = currentMaster;
            String current = "victim " + victimState + ", " + state + ", Master " + (currentMaster.isEmpty() ? "none"
                    : currentMaster);
            if (!current.equals(view)) {
                transitions.add(String.format(Locale.ROOT, "%.3f s: %s", now / 1e9, current));
                view = current;
            }
        }
    }
}
