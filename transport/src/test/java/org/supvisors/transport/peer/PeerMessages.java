package org.supvisors.transport.peer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.supvisors.core.fsm.SupvisorsState;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.core.instance.InstanceState;
import org.supvisors.core.instance.NetworkInfo;
import org.supvisors.core.instance.StateModes;
import org.supvisors.core.peer.HandshakeReply;
import org.supvisors.core.peer.HandshakeRequest;
import org.supvisors.core.peer.Heartbeat;
import org.supvisors.core.peer.PeerMessage;
import org.supvisors.core.peer.ProcessEventMessage;
import org.supvisors.core.peer.ProcessesUpdate;
import org.supvisors.core.peer.StateModesUpdate;
import org.supvisors.core.peer.Strategies;
import org.supvisors.core.process.ProcessEvent;
import org.supvisors.core.process.ProcessSnapshot;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.strategy.ConciliationStrategy;
import org.supvisors.core.strategy.StartingStrategy;
import org.supvisors.core.strategy.SupvisorsFailureStrategy;
import org.supvisors.core.peer.StatisticsMessage;
import org.supvisors.core.statistics.CpuTimes;
import org.supvisors.core.statistics.HostSample;
import org.supvisors.core.statistics.IoCounters;
import org.supvisors.core.statistics.ProcessSample;

/** Realistic peer messages of every kind, as sent by the instance {@link #SENDER}. */
final class PeerMessages {

    static final InstanceIdentity SENDER = new InstanceIdentity("10.0.0.1:60000", "rocky51", "10.0.0.1", 60000);

    private PeerMessages() {
    }

    static Heartbeat heartbeat(long counter) {
        return new Heartbeat(counter, 1_704_164_645L + 5 * counter, 12_345.678 + 5 * counter);
    }

    static HandshakeRequest handshakeRequest() {
        return new HandshakeRequest(4_567.25);
    }

    static StateModes stateModes() {
        return stateModes(SENDER);
    }

    /** State & modes as published by {@code sender}: decoded with the sender's identity, they are equal. */
    static StateModes stateModes(InstanceIdentity sender) {
        Map<String, InstanceState> states = new LinkedHashMap<>();
        states.put("10.0.0.1:60000", InstanceState.RUNNING);
        states.put("10.0.0.2:60000", InstanceState.CHECKING);
        states.put("rocky53.cliche:60000", InstanceState.STOPPED);
        return new StateModes(sender, SupvisorsState.ELECTION, true, false, "10.0.0.1:60000", true, false, states);
    }

    static ProcessSnapshot snapshot(String group, String name, ProcessState state, int pid) {
        return new ProcessSnapshot(group, name, state, 1_704_164_600L, 0L, 1_704_164_645L, pid,
                "pid " + pid + ", uptime 0:00:45", "", true, 12_300.5, 0.0, 12_345.5, "-x 3 --name 'é€😀'", 5, 10,
                1, name.replaceAll("_\\d+$", ""), false, true, false, true);
    }

    static HandshakeReply handshakeReply() {
        return handshakeReply(SENDER);
    }

    static HandshakeReply handshakeReply(InstanceIdentity sender) {
        NetworkInfo network = new NetworkInfo("52:54:00:12:34:56", "rocky51.cliche.local", Map.of("eth0",
                new NetworkInfo.NicAddresses("rocky51", List.of("rocky51.cliche"), List.of("10.0.0.1"), "eth0",
                        "10.0.0.1", "255.255.255.0")));
        Strategies strategies = new Strategies(false, StartingStrategy.LESS_LOADED, ConciliationStrategy.USER,
                SupvisorsFailureStrategy.CONTINUE);
        return new HandshakeReply(4_567.25, network, List.of("test", "db"), strategies,
                List.of("10.0.0.1:60000", "10.0.0.2:60000", "rocky53.cliche:60000"), Optional.of(InstanceState.CHECKING),
                stateModes(sender), List.of(snapshot("web", "web_00", ProcessState.RUNNING, 4242),
                        snapshot("web", "web_01", ProcessState.FATAL, 0), snapshot("db", "db", ProcessState.STOPPED, 0)));
    }

    /** The reply of an instance with this many processes. */
    static HandshakeReply handshakeReply(int processes) {
        HandshakeReply reply = handshakeReply();
        List<ProcessSnapshot> snapshots = new java.util.ArrayList<>();
        for (int i = 0; i < processes; i++) {
            snapshots.add(snapshot("web", "web_" + i, ProcessState.RUNNING, 1000 + i));
        }
        return new HandshakeReply(reply.checkingTime(), reply.network(), reply.stereotypes(), reply.strategies(),
                reply.declaredIdentifiers(), reply.viewOfRequester(), reply.stateModes(), snapshots);
    }

    static ProcessEventMessage processEvent() {
        return new ProcessEventMessage(new ProcessEvent("web", "web_00", ProcessState.EXITED, false, 1_704_164_700L,
                12_400.125, 0, "", "-x 3"));
    }

    static ProcessesUpdate processesUpdate() {
        return new ProcessesUpdate(Optional.of("web"), List.of(snapshot("web", "web_00", ProcessState.STARTING, 77)));
    }

    static StatisticsMessage statistics() {
        return new StatisticsMessage(List.of(new HostSample(12_345.5, List.of(new CpuTimes(8_669_220L, 7_471_830L),
                new CpuTimes(4_391_680L, 3_685_920L), new CpuTimes(4_277_530L, 3_785_900L)), 3.9,
                Map.of("eth0", new IoCounters(51_031_406L, 9_000_000_000L)), Map.of("vda", new IoCounters(1, 2)),
                Map.of("/", 8.7))), List.of(new ProcessSample("web:web_00", 4242, 12_345.5, 12.25, 0.75, 0),
                new ProcessSample(ProcessSample.SUPERVISORD, 17, 12_345.5, 3.5, 0.4, 2),
                ProcessSample.stopped("db", 12_346.0)));
    }

    /** One message of each kind. */
    static List<PeerMessage> everyKind() {
        return everyKind(SENDER);
    }

    /** One message of each kind, sent by {@code sender}. */
    static List<PeerMessage> everyKind(InstanceIdentity sender) {
        return List.of(heartbeat(7), handshakeRequest(), handshakeReply(sender),
                new StateModesUpdate(stateModes(sender)), processEvent(), processesUpdate(),
                new ProcessesUpdate(Optional.empty(), List.of()), statistics());
    }
}
