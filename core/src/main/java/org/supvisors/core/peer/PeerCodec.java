package org.supvisors.core.peer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.supvisors.core.api.WireEnum;
import org.supvisors.core.fsm.SupvisorsState;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.core.instance.InstanceState;
import org.supvisors.core.instance.NetworkInfo;
import org.supvisors.core.instance.StateModes;
import org.supvisors.core.process.ProcessEvent;
import org.supvisors.core.process.ProcessSnapshot;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.strategy.ConciliationStrategy;
import org.supvisors.core.strategy.StartingStrategy;
import org.supvisors.core.strategy.SupvisorsFailureStrategy;

/**
 * Peer messages to wire values and back. Wire values are those of XML-RPC ({@code String}, {@code Integer},
 * {@code Long}, {@code Double}, {@code Boolean}, {@code List}, {@code Map}); the transport turns them into bytes.
 * Structures reuse the keys of the XML-RPC API where one exists. Unknown keys are ignored (a newer peer may send
 * more); a missing or mistyped key refuses the message.
 */
public final class PeerCodec {

    private PeerCodec() {
    }

    /** The wire structure of a message (its kind travels beside it). */
    public static Map<String, Object> encode(PeerMessage message) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (message instanceof Heartbeat) {
            Heartbeat m = (Heartbeat) message;
            map.put("sequence_counter", m.sequenceCounter());
            map.put("when", m.when());
            map.put("when_monotonic", m.whenMonotonic());
        } else if (message instanceof HandshakeRequest) {
            map.put("checking_time", ((HandshakeRequest) message).checkingTime());
        } else if (message instanceof HandshakeReply) {
            HandshakeReply m = (HandshakeReply) message;
            map.put("checking_time", m.checkingTime());
            map.put("network", m.network().toMap());
            map.put("stereotypes", m.stereotypes());
            map.put("strategies", m.strategies().toMap());
            map.put("declared", m.declaredIdentifiers());
            map.put("view_of_requester", m.viewOfRequester().map(InstanceState::name).orElse(""));
            map.put("state_modes", stateModes(m.stateModes()));
            List<Object> processes = new ArrayList<>();
            m.processes().forEach(p -> processes.add(snapshot(p)));
            map.put("processes", processes);
        } else if (message instanceof StateModesUpdate) {
            map.put("state_modes", stateModes(((StateModesUpdate) message).stateModes()));
        } else if (message instanceof ProcessEventMessage) {
            map.putAll(processEvent(((ProcessEventMessage) message).event()));
        } else if (message instanceof ProcessesUpdate) {
            ProcessesUpdate m = (ProcessesUpdate) message;
            map.put("group", m.group().orElse(""));
            List<Object> processes = new ArrayList<>();
            m.processes().forEach(p -> processes.add(snapshot(p)));
            map.put("processes", processes);
        } else if (message instanceof ClosingRequest) {
            map.put("restart", ((ClosingRequest) message).restart());
        } else if (message instanceof StartRequest) {
            map.put("namespec", ((StartRequest) message).namespec());
            map.put("extra_args", ((StartRequest) message).extraArgs());
        } else if (message instanceof StopRequest) {
            map.put("namespec", ((StopRequest) message).namespec());
        } else if (message instanceof DisabilityUpdate) {
            map.put("program_name", ((DisabilityUpdate) message).program());
            map.put("disabled", ((DisabilityUpdate) message).disabled());
        } else if (message instanceof ForcedState) {
            ForcedState m = (ForcedState) message;
            map.put("identifier", m.identifier());
            map.put("group", m.group());
            map.put("name", m.name());
            map.put("state", m.state());
            map.put("spawnerr", m.reason());
            map.put("now", m.now());
            map.put("now_monotonic", m.nowMonotonic());
            map.put("extra_args", m.extraArgs());
        } else if (message instanceof StatisticsMessage) {
            map.putAll(StatisticsWire.encode((StatisticsMessage) message));
        } else {
            throw new IllegalArgumentException("peer message not encoded: " + message.getClass().getName());
        }
        return map;
    }

    /**
     * The message of a kind from its wire structure.
     *
     * @param sender the sender's identity, for the state & modes it carries
     * @throws MalformedMessageException naming the field and what was expected
     */
    public static PeerMessage decode(PeerMessage.Kind kind, Object value, InstanceIdentity sender)
            throws MalformedMessageException {
        WireFields fields = new WireFields(value, kind.name());
        switch (kind) {
            case HEARTBEAT:
                return new Heartbeat(fields.integer("sequence_counter"), fields.integer("when"),
                        fields.real("when_monotonic"));
            case HANDSHAKE_REQUEST:
                return new HandshakeRequest(fields.real("checking_time"));
            case HANDSHAKE_REPLY:
                return new HandshakeReply(fields.real("checking_time"), network(fields.struct("network")),
                        fields.strings("stereotypes"), strategies(fields.struct("strategies")),
                        fields.strings("declared"), optionalState(fields, "view_of_requester"),
                        stateModes(fields.struct("state_modes"), sender), snapshots(fields, "processes"));
            case STATE_MODES:
                return new StateModesUpdate(stateModes(fields.struct("state_modes"), sender));
            case PROCESS_EVENT:
                return new ProcessEventMessage(processEvent(fields));
            case PROCESSES_UPDATE:
                String group = fields.string("group");
                return new ProcessesUpdate(group.isEmpty() ? Optional.empty() : Optional.of(group),
                        snapshots(fields, "processes"));
            case CLOSING_REQUEST:
                return new ClosingRequest(fields.bool("restart"));
            case START_REQUEST:
                return new StartRequest(fields.string("namespec"), fields.string("extra_args"));
            case STOP_REQUEST:
                return new StopRequest(fields.string("namespec"));
            case DISABILITY_UPDATE:
                return new DisabilityUpdate(fields.string("program_name"), fields.bool("disabled"));
            case FORCED_STATE:
                return new ForcedState(fields.string("identifier"), fields.string("group"), fields.string("name"),
                        processState(fields, "state").code(), fields.string("spawnerr"), fields.integer("now"),
                        fields.real("now_monotonic"), fields.string("extra_args"));
            case STATISTICS:
                return StatisticsWire.decode(fields);
            default:
                throw new MalformedMessageException(kind + ": not decoded by this version");
        }
    }

    private static Map<String, Object> stateModes(StateModes modes) {
        Map<String, Object> map = modes.toMap(0.0);
        map.remove("now_monotonic");
        return map;
    }

    private static StateModes stateModes(WireFields f, InstanceIdentity sender) throws MalformedMessageException {
        Map<String, InstanceState> states = new LinkedHashMap<>();
        WireFields view = f.struct("instance_states");
        for (Map.Entry<String, Object> entry : view.raw().entrySet()) {
            states.put(entry.getKey(), enumByName(InstanceState.class, entry.getValue(),
                    view.where() + "." + entry.getKey()));
        }
        int code = f.int32("fsm_statecode");
        SupvisorsState state;
        try {
            state = WireEnum.fromCode(SupvisorsState.class, code);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(f.where() + ".fsm_statecode: " + e.getMessage());
        }
        return new StateModes(sender, state, f.bool("degraded_mode"), f.bool("discovery_mode"),
                f.string("master_identifier"), f.bool("starting_jobs"), f.bool("stopping_jobs"), states);
    }

    private static Map<String, Object> processEvent(ProcessEvent e) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("group", e.group());
        map.put("name", e.name());
        map.put("state", e.state().code());
        map.put("expected", e.expected());
        map.put("now", e.now());
        map.put("now_monotonic", e.nowMonotonic());
        map.put("pid", e.pid());
        map.put("spawnerr", e.spawnerr());
        map.put("extra_args", e.extraArgs());
        return map;
    }

    private static ProcessEvent processEvent(WireFields f) throws MalformedMessageException {
        return new ProcessEvent(f.string("group"), f.string("name"), processState(f, "state"), f.bool("expected"),
                f.integer("now"), f.real("now_monotonic"), f.int32("pid"), f.string("spawnerr"),
                f.string("extra_args"));
    }

    private static List<ProcessSnapshot> snapshots(WireFields f, String key) throws MalformedMessageException {
        List<ProcessSnapshot> result = new ArrayList<>();
        List<Object> items = f.list(key);
        for (int i = 0; i < items.size(); i++) {
            WireFields p = new WireFields(items.get(i), f.where() + "." + key + "[" + i + "]");
            result.add(new ProcessSnapshot(p.string("group"), p.string("name"), processState(p, "state"),
                    p.integer("start"), p.integer("stop"), p.integer("now"), p.int32("pid"), p.string("description"),
                    p.string("spawnerr"), p.bool("expected"), p.real("start_monotonic"), p.real("stop_monotonic"),
                    p.real("now_monotonic"), p.string("extra_args"), p.int32("startsecs"), p.int32("stopwaitsecs"),
                    p.int32("process_index"), p.string("program_name"), p.bool("disabled"), p.bool("has_stdout"),
                    p.bool("has_stderr"), p.has("launcher") && p.bool("launcher")));
        }
        return result;
    }

    /** The local process info structure, plus what instances share beyond it. */
    private static Map<String, Object> snapshot(ProcessSnapshot p) {
        Map<String, Object> map = p.toMap();
        map.put("launcher", p.launcher());
        return map;
    }

    private static ProcessState processState(WireFields f, String key) throws MalformedMessageException {
        int code = f.int32(key);
        try {
            return ProcessState.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(f.where() + "." + key + ": " + e.getMessage());
        }
    }

    private static NetworkInfo network(WireFields f) throws MalformedMessageException {
        Map<String, NetworkInfo.NicAddresses> addresses = new LinkedHashMap<>();
        WireFields nics = f.struct("addresses");
        for (String nic : nics.raw().keySet()) {
            WireFields a = nics.struct(nic);
            WireFields info = a.struct("nic_info");
            addresses.put(nic, new NetworkInfo.NicAddresses(a.string("host_name"), a.strings("aliases"),
                    a.strings("ipv4_addresses"), info.string("nic_name"), info.string("ipv4_address"),
                    info.string("netmask")));
        }
        return new NetworkInfo(f.string("machine_id"), f.string("fqdn"), addresses);
    }

    private static Strategies strategies(WireFields f) throws MalformedMessageException {
        return new Strategies(f.bool("auto-fencing"),
                enumByName(StartingStrategy.class, f.string("starting"), f.where() + ".starting"),
                enumByName(ConciliationStrategy.class, f.string("conciliation"), f.where() + ".conciliation"),
                enumByName(SupvisorsFailureStrategy.class, f.string("supvisors_failure"),
                        f.where() + ".supvisors_failure"));
    }

    private static Optional<InstanceState> optionalState(WireFields f, String key) throws MalformedMessageException {
        String name = f.string(key);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(enumByName(InstanceState.class, name, f.where() + "." + key));
    }

    private static <E extends Enum<E> & WireEnum> E enumByName(Class<E> type, Object value, String where)
            throws MalformedMessageException {
        if (value instanceof String) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
        }
        throw new MalformedMessageException(where + ": " + WireFields.describe(value) + " (expected: one of "
                + WireEnum.names(type) + ")");
    }
}
