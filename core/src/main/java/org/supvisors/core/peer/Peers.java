package org.supvisors.core.peer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.supvisors.core.InstanceLog;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.context.Context;
import org.supvisors.core.effect.DisconnectPeer;
import org.supvisors.core.effect.EffectSink;
import org.supvisors.core.effect.PeerDirectory;
import org.supvisors.core.effect.SendToPeers;
import org.supvisors.core.fsm.StateMachine;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.core.instance.InstanceRegistry;
import org.supvisors.core.instance.InstanceState;
import org.supvisors.core.instance.StateModes;
import org.supvisors.core.instance.SupvisorsInstance;
import org.supvisors.core.process.ProcessEvent;
import org.supvisors.core.process.ProcessSnapshot;
import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.time.Clock;

/**
 * The other instances as the local one deals with them: heartbeats, silence detection, handshakes, and what is
 * shared with them (state & modes, process changes). 0.19's semantics, but event-driven: a peer heard for the
 * first time is handshaken at once, a lost link or {@value #SILENCE_TIMEOUT} s of silence declares it FAILED.
 */
public final class Peers {

    /** Seconds between two heartbeats sent to every non-ISOLATED instance. */
    public static final double HEARTBEAT_PERIOD = 0.5;
    /** Seconds of silence after which an active instance is declared FAILED. */
    public static final double SILENCE_TIMEOUT = 2.5;
    /**
     * Seconds during which changes of the local view of instances are gathered into one publication (0.19 gathers
     * them until the next tick); changes of state, Master, modes or jobs are published at once.
     */
    public static final double VIEW_COALESCING = 0.05;

    private final Context context;
    private final SupvisorsOptions options;
    private final StateMachine fsm;
    private final EffectSink effects;
    private final Clock clock;
    private final InstanceLog log;
    private final LocalTick localTick;
    private final Map<String, Double> lastHeard = new HashMap<>();
    /** Handshake requests received before the local processes were loaded: checking time by requester. */
    private final Map<String, Double> heldHandshakes = new LinkedHashMap<>();
    private StateModes lastPublished;
    private List<PeerDirectory.PeerEndpoint> lastDirectory;
    private double nextHeartbeatAt = Double.MAX_VALUE;
    private double viewPublicationAt = Double.MAX_VALUE;
    private java.util.function.Consumer<StartRequest> startRequests = request -> { };
    private java.util.function.BiConsumer<String, PeerMessage> statistics = (from, message) -> { };

    /** The local tick, as heartbeats carry it. */
    public interface LocalTick {
        long counter();

        long when();

        double whenMonotonic();
    }

    public Peers(Context context, SupvisorsOptions options, StateMachine fsm, EffectSink effects, InstanceLog log,
                 LocalTick localTick) {
        this.context = context;
        this.options = options;
        this.fsm = fsm;
        this.effects = effects;
        this.clock = context.clock();
        this.log = log.forClass(Peers.class);
        this.localTick = localTick;
    }

    /** Who starts the local processes that other instances ask for. */
    public void onStartRequests(java.util.function.Consumer<StartRequest> handler) {
        this.startRequests = handler;
    }

    /** Who compiles the statistics samples that other instances share. */
    public void onStatistics(java.util.function.BiConsumer<String, PeerMessage> handler) {
        this.statistics = handler;
    }

    /** Starts the heartbeats and publishes the directory. */
    public void start() {
        nextHeartbeatAt = clock.monotonic();
        publishDirectory();
    }

    // ---- inputs

    /** A link with an instance is up: greet it at once rather than at the next heartbeat. */
    public void onConnected(String identifier) {
        Optional<SupvisorsInstance> instance = instances().get(identifier);
        if (instance.isPresent() && instance.get().state() != InstanceState.ISOLATED) {
            send(List.of(identifier), heartbeat());
        }
    }

    /** The link with an instance broke: an active instance is FAILED at once. */
    public void onLost(String identifier, String reason) {
        instances().get(identifier).ifPresent(instance -> {
            if (!instance.isLocal() && instance.state().isActive() && instance.state() != InstanceState.FAILED) {
                log.warn("instance " + instance.identity() + " lost (" + reason + "): FAILED");
                instance.setState(InstanceState.FAILED, clock.monotonic());
                effects.emit(new DisconnectPeer(identifier, reason));
            }
        });
    }

    /**
     * A message from an instance, already authenticated by the transport.
     *
     * @return false when the message changed nothing the state machine looks at (a routine heartbeat)
     */
    public boolean onMessage(String from, PeerMessage message) {
        Optional<SupvisorsInstance> found = instances().get(from);
        if (found.isEmpty()) {
            if (message instanceof HandshakeRequest) {
                // an instance not known yet (discovery): tell it so, it will retry
                log.debug("handshake request from unknown instance " + from + ": answered without a view");
                send(List.of(from), reply(Optional.empty(), ((HandshakeRequest) message).checkingTime()));
            } else {
                log.debug("message " + message.kind() + " from unknown instance " + from + " ignored");
            }
            return false;
        }
        SupvisorsInstance sender = found.get();
        if (sender.isLocal()) {
            log.warn("message " + message.kind() + " claiming to come from the local instance ignored");
            return false;
        }
        if (sender.state() == InstanceState.ISOLATED) {
            if (message instanceof HandshakeRequest) {
                // an isolated instance learns it is isolated, so that it isolates us in return
                send(List.of(from), reply(Optional.of(InstanceState.ISOLATED),
                        ((HandshakeRequest) message).checkingTime()));
            }
            return false;
        }
        lastHeard.put(from, clock.monotonic());
        if (message instanceof Heartbeat) {
            return onHeartbeat(sender, (Heartbeat) message);
        } else if (message instanceof StatisticsMessage) {
            if (isLoaded(sender)) {
                statistics.accept(from, message);
            }
            // nothing the state machine looks at
            return false;
        } else if (message instanceof HandshakeRequest) {
            double checkingTime = ((HandshakeRequest) message).checkingTime();
            if (instances().local().state() == InstanceState.CHECKING) {
                // the reply carries the local processes: an empty list now would be taken for the truth
                log.debug("handshake request from " + sender.identity() + " held until the local processes are"
                        + " loaded");
                heldHandshakes.put(from, checkingTime);
            } else {
                send(List.of(from), reply(Optional.of(sender.state()), checkingTime));
            }
        } else if (message instanceof HandshakeReply) {
            onHandshakeReply(sender, (HandshakeReply) message);
        } else if (message instanceof StateModesUpdate) {
            if (sender.state().isActive()) {
                sender.setStateModes(((StateModesUpdate) message).stateModes());
            }
        } else if (message instanceof ProcessEventMessage) {
            if (isLoaded(sender)) {
                context.applyEvent(sender, ((ProcessEventMessage) message).event());
            }
        } else if (message instanceof ClosingRequest) {
            boolean restart = ((ClosingRequest) message).restart();
            if (fsm.isMaster()) {
                log.warn((restart ? "restart" : "shutdown") + " of Supvisors requested through " + sender.identity());
                fsm.close(restart);
            } else {
                log.warn((restart ? "restart" : "shutdown") + " request from " + sender.identity()
                        + " ignored: the local instance is not the Master");
            }
        } else if (message instanceof StartRequest) {
            StartRequest request = (StartRequest) message;
            log.debug("start of " + request.namespec() + " requested by " + sender.identity());
            startRequests.accept(request);
        } else if (message instanceof StopRequest) {
            StopRequest request = (StopRequest) message;
            log.debug("stop of " + request.namespec() + " requested by " + sender.identity());
            effects.emit(new org.supvisors.core.effect.StopLocalProcess(request.namespec()));
        } else if (message instanceof DisabilityUpdate) {
            DisabilityUpdate update = (DisabilityUpdate) message;
            if (isLoaded(sender)) {
                context.applyDisability(sender, update.program(), update.disabled());
            }
        } else if (message instanceof ForcedState) {
            ForcedState forced = (ForcedState) message;
            context.applyForced(forced.identifier(), forced.group(), forced.name(),
                    org.supvisors.core.process.ProcessState.fromCode(forced.state()), forced.reason(), forced.now(),
                    forced.nowMonotonic(), forced.extraArgs());
        } else if (message instanceof ProcessesUpdate) {
            if (isLoaded(sender)) {
                ProcessesUpdate update = (ProcessesUpdate) message;
                if (update.group().isPresent()) {
                    context.loadGroup(sender, update.group().get(), update.processes());
                } else {
                    context.loadInstance(sender, update.processes());
                }
            }
        } else {
            throw new IllegalArgumentException("peer message not handled: " + message.getClass().getName());
        }
        return true;
    }

    /** An instance announced itself on the multicast group (discovery mode). */
    public void onDiscovery(InstanceIdentity identity, List<String> stereotypes) {
        Optional<SupvisorsInstance> known = instances().get(identity.identifier());
        if (known.isPresent()) {
            if (!known.get().nickIdentifier().equals(identity.nickIdentifier())) {
                log.warn("discovery: " + identity + " ignored: its identifier is known with the nickname "
                        + known.get().nickIdentifier());
            }
            known.get().setStereotypes(stereotypes);
            return;
        }
        if (instances().addDiscovered(identity)) {
            log.info("discovery: new instance " + identity);
            instances().require(identity.identifier()).setStereotypes(stereotypes);
            publishDirectory();
        } else {
            log.warn("discovery: " + identity + " ignored: its nickname is already used by another instance");
        }
    }

    private boolean onHeartbeat(SupvisorsInstance sender, Heartbeat heartbeat) {
        InstanceState localState = instances().local().state();
        if (localState != InstanceState.CHECKED && localState != InstanceState.RUNNING) {
            return false;
        }
        if (heartbeat.sequenceCounter() < sender.remoteSequenceCounter() && sender.state().isActive()
                && sender.state() != InstanceState.FAILED) {
            log.warn("instance " + sender.identity() + " restarted unnoticed (tick counter " + heartbeat.sequenceCounter()
                    + " < " + sender.remoteSequenceCounter() + "): FAILED");
            sender.setState(InstanceState.FAILED, clock.monotonic());
            effects.emit(new DisconnectPeer(sender.identifier(), "restarted"));
            return true;
        }
        if (heartbeat.sequenceCounter() != sender.remoteSequenceCounter() || sender.localMtime() == 0.0) {
            sender.recordTick(heartbeat.sequenceCounter(), heartbeat.when(), heartbeat.whenMonotonic(),
                    localTick.counter(), (long) clock.epochTime(), clock.monotonic());
            for (ProcessStatus process : sender.processes()) {
                process.refreshTimes(sender.identifier(), heartbeat.when(), heartbeat.whenMonotonic(),
                        clock.monotonic(), clock.zone());
            }
        }
        if (sender.state() == InstanceState.STOPPED) {
            startHandshake(sender);
            return true;
        }
        return false;
    }

    /**
     * The local processes are loaded (the local instance is CHECKED): the handshake requests held until then are
     * answered, each with the current view of its requester.
     */
    public void onLocalProcessesLoaded() {
        Map<String, Double> held = new LinkedHashMap<>(heldHandshakes);
        heldHandshakes.clear();
        held.forEach((from, checkingTime) -> {
            Optional<InstanceState> view = instances().get(from).map(SupvisorsInstance::state);
            log.debug("held handshake request from " + from + " answered");
            send(List.of(from), reply(view, checkingTime));
        });
    }

    private void startHandshake(SupvisorsInstance peer) {
        peer.setState(InstanceState.CHECKING, clock.monotonic());
        lastHeard.put(peer.identifier(), clock.monotonic());
        log.info("instance " + peer.identity() + " is CHECKING");
        send(List.of(peer.identifier()), new HandshakeRequest(peer.checkingTime()));
    }

    private void onHandshakeReply(SupvisorsInstance peer, HandshakeReply reply) {
        if (peer.state() != InstanceState.CHECKING || reply.checkingTime() != peer.checkingTime()) {
            log.debug("stale handshake reply from " + peer.identity() + " ignored");
            return;
        }
        double now = clock.monotonic();
        if (reply.viewOfRequester().isEmpty()) {
            log.info("instance " + peer.identity() + " does not know the local instance yet: STOPPED, retried later");
            peer.setState(InstanceState.STOPPED, now);
            return;
        }
        if (reply.viewOfRequester().get() == InstanceState.ISOLATED) {
            isolate(peer, "it has isolated the local instance");
            return;
        }
        Strategies local = Strategies.of(options);
        if (!local.equals(reply.strategies())) {
            isolate(peer, "inconsistent strategies: local " + local.toMap() + ", remote " + reply.strategies().toMap());
            return;
        }
        List<String> declared = supvisorsList();
        if (!declared.equals(reply.declaredIdentifiers())) {
            isolate(peer, "another supvisors_list: local " + declared + ", remote " + reply.declaredIdentifiers());
            return;
        }
        peer.setNetwork(reply.network());
        peer.setStereotypes(reply.stereotypes());
        peer.setStateModes(reply.stateModes());
        context.loadInstance(peer, reply.processes());
        peer.setState(InstanceState.CHECKED, now);
        log.info("instance " + peer.identity() + " is CHECKED (" + reply.processes().size() + " processes)");
    }

    private void isolate(SupvisorsInstance peer, String reason) {
        log.warn("instance " + peer.identity() + " is ISOLATED: " + reason);
        peer.setState(InstanceState.ISOLATED, clock.monotonic());
        effects.emit(new DisconnectPeer(peer.identifier(), reason));
        publishDirectory();
    }

    // ---- time

    /** Sends the heartbeats that are due and declares FAILED the active instances silent for too long. */
    public void onTimer() {
        double now = clock.monotonic();
        if (now >= nextHeartbeatAt) {
            send(nonIsolatedPeers(), heartbeat());
            nextHeartbeatAt += HEARTBEAT_PERIOD;
            if (nextHeartbeatAt <= now) {
                nextHeartbeatAt = now + HEARTBEAT_PERIOD;
            }
        }
        for (SupvisorsInstance instance : instances().all()) {
            if (instance.isLocal() || !instance.state().isActive() || instance.state() == InstanceState.FAILED) {
                continue;
            }
            double heard = lastHeard.getOrDefault(instance.identifier(), now);
            if (now - heard > SILENCE_TIMEOUT) {
                log.warn("instance " + instance.identity() + " silent for " + String.format("%.1f", now - heard)
                        + " s: FAILED");
                instance.setState(InstanceState.FAILED, now);
                effects.emit(new DisconnectPeer(instance.identifier(), "silent"));
            }
        }
    }

    /**
     * The next monotonic time at which {@link #onTimer()} has something to do: the next heartbeat. Silence is
     * checked at each heartbeat, so an instance silent for {@value #SILENCE_TIMEOUT} s is declared FAILED at most
     * {@value #HEARTBEAT_PERIOD} s later.
     */
    public double nextWakeUp() {
        return Math.min(nextHeartbeatAt, viewPublicationAt);
    }

    // ---- what the local instance shares

    /*
     * Publications go to every linked, non-ISOLATED instance, not only to the active ones as in 0.19: an instance
     * that handshaked with us holds a copy of our state & modes and processes even while we do not see it active
     * yet, and the link's order (reply, then later changes) keeps that copy exact.
     */

    /**
     * Publishes the local state & modes if they changed since the last publication: at once when the state, the
     * Master, the modes or the jobs changed; within {@value #VIEW_COALESCING} s when only the view of instances
     * changed, so that the many view changes of a large cluster forming travel together.
     */
    public void publishStateModesIfChanged() {
        StateModes current = fsm.localStateModes();
        if (current.equals(lastPublished)) {
            viewPublicationAt = Double.MAX_VALUE;
            return;
        }
        double now = clock.monotonic();
        boolean onlyView = lastPublished != null && current.state() == lastPublished.state()
                && current.masterIdentifier().equals(lastPublished.masterIdentifier())
                && current.degradedMode() == lastPublished.degradedMode()
                && current.startingJobs() == lastPublished.startingJobs()
                && current.stoppingJobs() == lastPublished.stoppingJobs();
        if (onlyView && now < viewPublicationAt) {
            if (viewPublicationAt == Double.MAX_VALUE) {
                viewPublicationAt = now + VIEW_COALESCING;
            }
            return;
        }
        lastPublished = current;
        viewPublicationAt = Double.MAX_VALUE;
        send(nonIsolatedPeers(), new StateModesUpdate(current));
    }

    /** Publishes the local state & modes now if they changed (a transition of the state machine). */
    public void publishStateModesNow() {
        viewPublicationAt = clock.monotonic();
        publishStateModesIfChanged();
    }

    /**
     * A new local tick: the state & modes are published again even if unchanged, so that a copy that missed a
     * publication (a message dropped by a saturated link) is repaired within one tick.
     */
    public void onTick() {
        lastPublished = null;
    }

    /** Sends a message to one instance. */
    public void sendTo(String identifier, PeerMessage message) {
        send(List.of(identifier), message);
    }

    /** Sends a message to every linked, non-ISOLATED instance. */
    public void broadcast(PeerMessage message) {
        send(nonIsolatedPeers(), message);
    }

    /** Forwards a restart or shutdown request to the Master. */
    public void forwardClosing(String master, boolean restart) {
        send(List.of(master), new ClosingRequest(restart));
    }

    /** A local process changed. */
    public void publishProcessEvent(ProcessEvent event) {
        send(nonIsolatedPeers(), new ProcessEventMessage(event));
    }

    /** The local processes (of one group, or all) were read again. */
    public void publishProcesses(Optional<String> group, List<ProcessSnapshot> processes) {
        send(nonIsolatedPeers(), new ProcessesUpdate(group, processes));
    }

    /** Emits the directory if it changed: every known instance but the local and ISOLATED ones. */
    public void publishDirectory() {
        List<PeerDirectory.PeerEndpoint> endpoints = new ArrayList<>();
        for (SupvisorsInstance instance : instances().all()) {
            if (!instance.isLocal() && instance.state() != InstanceState.ISOLATED) {
                InstanceIdentity identity = instance.identity();
                endpoints.add(new PeerDirectory.PeerEndpoint(identity.identifier(), identity.hostId(),
                        identity.httpPort()));
            }
        }
        if (!endpoints.equals(lastDirectory)) {
            lastDirectory = endpoints;
            effects.emit(new PeerDirectory(endpoints));
        }
    }

    // ---- helpers

    private HandshakeReply reply(Optional<InstanceState> view, double checkingTime) {
        SupvisorsInstance local = instances().local();
        long now = (long) clock.epochTime();
        double nowMonotonic = clock.monotonic();
        List<ProcessSnapshot> processes = new ArrayList<>();
        for (ProcessStatus process : local.processes()) {
            process.info(local.identifier()).ifPresent(info ->
                    processes.add(info.snapshotAt(now, nowMonotonic, clock.zone())));
        }
        return new HandshakeReply(checkingTime, local.network().orElseThrow(), local.stereotypes(),
                Strategies.of(options), supvisorsList(), view, fsm.localStateModes(),
                processes);
    }

    /**
     * The identifiers of {@code supvisors_list} that handshakes compare: none when the list is empty (discovery
     * mode), where each instance declares itself alone, which says nothing of what the others must declare.
     */
    private List<String> supvisorsList() {
        return options.supvisorsList().isEmpty() ? List.of() : new ArrayList<>(instances().declared());
    }

    private Heartbeat heartbeat() {
        return new Heartbeat(localTick.counter(), localTick.when(), localTick.whenMonotonic());
    }

    private boolean isLoaded(SupvisorsInstance instance) {
        return instance.state() == InstanceState.CHECKED || instance.state() == InstanceState.RUNNING;
    }

    private List<String> nonIsolatedPeers() {
        List<String> targets = new ArrayList<>();
        for (SupvisorsInstance instance : instances().all()) {
            if (!instance.isLocal() && instance.state() != InstanceState.ISOLATED) {
                targets.add(instance.identifier());
            }
        }
        return targets;
    }

    private void send(List<String> targets, PeerMessage message) {
        if (!targets.isEmpty()) {
            effects.emit(new SendToPeers(targets, message));
        }
    }

    private InstanceRegistry instances() {
        return context.instances();
    }

    /** The local monotonic time at which an instance was last heard, if ever. */
    public Optional<Double> lastHeard(String identifier) {
        return Optional.ofNullable(lastHeard.get(Objects.requireNonNull(identifier)));
    }
}
