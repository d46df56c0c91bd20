package org.supvisors.core;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.supvisors.core.api.Reply;
import org.supvisors.core.api.SupvisorsApi;
import org.supvisors.core.api.SupvisorsControl;
import org.supvisors.core.api.SupvisorsFault;
import org.supvisors.core.api.Waiters;
import org.supvisors.core.commander.Commander;
import org.supvisors.core.commander.Sequencing;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.context.Context;
import org.supvisors.core.effect.EffectSink;
import org.supvisors.core.fsm.StateMachine;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.core.instance.InstanceRegistry;
import org.supvisors.core.instance.InstanceState;
import org.supvisors.core.instance.SupvisorsInstance;
import org.supvisors.core.peer.PeerMessage;
import org.supvisors.core.peer.Peers;
import org.supvisors.core.peer.ProcessRouter;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.statistics.HostSample;
import org.supvisors.core.statistics.NodeCharacteristics;
import org.supvisors.core.statistics.ProcessSample;
import org.supvisors.core.statistics.Statistics;
import org.supvisors.core.supervisor.LocalProcess;
import org.supvisors.core.supervisor.LocalSupervisor;
import org.supvisors.core.supervisor.SupervisordEvent;
import org.supvisors.core.time.Clock;

/**
 * One Supvisors instance: the model, the state machine, the links with the other instances and the API, driven
 * by inputs on a single thread.
 *
 * <p>Contract: every method is called from one thread (the agent's model thread), never concurrently; none
 * blocks; effects go to the {@link EffectSink} and their results come back as inputs. After each input the caller
 * reads {@link #nextWakeUp()} and calls {@link #onTimer()} at that monotonic time at the latest.
 */
public final class Supvisors {

    /** The tick period, in seconds: the unit of every tick-based option and counter. */
    public static final double TICK_PERIOD = 5.0;
    /** The longest wait, in seconds, for the events of a start that supervisord has acknowledged. */
    static final double START_ANSWER_GRACE = 1.0;

    private final CoreSetup setup;
    private final Clock clock;
    private final InstanceLog log;
    private final Context context;
    private final Commander commander;
    private final StateMachine fsm;
    private final ProcessRouter router;
    private final Peers peers;
    private final LocalSupervisor localSupervisor;
    private final SupvisorsApi api;
    private final Waiters waiters = new Waiters();
    private final SupvisorsControl control;
    private final Statistics statistics;
    private final org.supvisors.core.supervisor.NumprocsUpdater numprocs;
    private final EffectSink effects;
    private long tickCounter;
    private long tickWhen;
    private double tickWhenMonotonic;
    private double nextTickAt = Double.MAX_VALUE;
    private boolean started;

    public Supvisors(CoreSetup setup, Clock clock, EffectSink effects) {
        this.setup = setup;
        this.clock = clock;
        this.effects = effects;
        this.log = new InstanceLog(Supvisors.class, setup.localIdentity().nickIdentifier());
        InstanceRegistry instances = new InstanceRegistry(setup.declaredIdentities(), setup.localIdentity());
        instances.local().setNetwork(setup.localNetwork());
        instances.local().setStereotypes(setup.options().stereotypes());
        this.context = new Context(instances, setup.rules(), clock, log);
        this.router = new ProcessRouter(context, new ProcessRouter.PeerSender() {
            @Override
            public void sendTo(String identifier, PeerMessage message) {
                peers.sendTo(identifier, message);
            }

            @Override
            public void broadcast(PeerMessage message) {
                peers.broadcast(message);
            }
        }, (namespec, extraArgs) -> startLocal(namespec, extraArgs), effects, log);
        this.commander = new Commander(context, router, new Sequencing() {
            @Override
            public long tickCounter(String identifier) {
                return identifier.equals(setup.localIdentity().identifier()) ? tickCounter
                        : context.instances().get(identifier).map(SupvisorsInstance::remoteSequenceCounter).orElse(0L);
            }

            @Override
            public String localIdentifier() {
                return setup.localIdentity().identifier();
            }
        }, log);
        context.observeEvents(this::onProcessEvent);
        this.fsm = new StateMachine(context, setup.options(), commander, effects, log);
        this.peers = new Peers(context, setup.options(), fsm, effects, log, new Peers.LocalTick() {
            @Override
            public long counter() {
                return tickCounter;
            }

            @Override
            public long when() {
                return tickWhen;
            }

            @Override
            public double whenMonotonic() {
                return tickWhenMonotonic;
            }
        });
        this.fsm.onTransition(peers::publishStateModesNow);
        this.localSupervisor = new LocalSupervisor(context, peers, effects, log, setup.agentNamespec(),
                setup.disabilities());
        this.peers.onStartRequests(request -> localSupervisor.start(request.namespec(), request.extraArgs(), false,
                Optional.empty(), this::forceFatal));
        this.statistics = new Statistics(setup.options(), context, effects, log, peers::broadcast,
                () -> org.supvisors.core.fsm.SupvisorsState.WORKING_STATES.contains(fsm.state()));
        this.peers.onStatistics(statistics::onRemote);
        this.numprocs = new org.supvisors.core.supervisor.NumprocsUpdater(context, localSupervisor, effects, log,
                this::startLocal);
        this.api = new SupvisorsApi(this);
        this.control = new SupvisorsControl(this, api, waiters);
        if (setup.options().eventLink() != org.supvisors.core.config.EventLink.NONE) {
            context.setListener(new org.supvisors.core.publication.EventPublisher(effects, clock,
                    api::getSupvisorsState));
        }
    }

    /**
     * Starts: the first local tick, the local handshake (the local processes are requested at once, so that
     * OPERATION does not wait for a tick boundary), the links with the other instances.
     *
     * @throws IllegalStateException when called twice
     */
    public void start() {
        if (started) {
            throw new IllegalStateException("Supvisors " + setup.localIdentity() + " already started");
        }
        started = true;
        log.info("starting with " + context.instances().all().size() + " declared instance(s), synchro_options="
                + setup.options().synchroOptions());
        nextTickAt = clock.monotonic();
        recordLocalTick();
        nextTickAt += TICK_PERIOD;
        localSupervisor.startHandshake();
        peers.start();
        statistics.start();
        afterInput();
    }

    /** Runs what is due at the current time: ticks, heartbeats, silence and inactivity checks, the state machine. */
    public void onTimer() {
        double now = clock.monotonic();
        while (now >= nextTickAt) {
            tickCounter++;
            recordLocalTick();
            checkInactivity();
            peers.onTick();
            statistics.onTick();
            nextTickAt += TICK_PERIOD;
            if (nextTickAt <= now) {
                // the thread was held up for several periods: do not replay them all
                nextTickAt = now + TICK_PERIOD;
            }
        }
        peers.onTimer();
        afterInput();
    }

    /** The monotonic time at which {@link #onTimer()} must be called at the latest. */
    public double nextWakeUp() {
        return Math.min(nextTickAt, peers.nextWakeUp());
    }

    private void recordLocalTick() {
        tickWhen = (long) clock.epochTime();
        tickWhenMonotonic = clock.monotonic();
        context.instances().local().recordTick(tickCounter, tickWhen, tickWhenMonotonic, tickCounter, tickWhen,
                tickWhenMonotonic);
    }

    /** An active remote instance silent for more than {@code inactivity_ticks} local ticks is FAILED (0.19). */
    private void checkInactivity() {
        int limit = setup.options().inactivityTicks();
        double now = clock.monotonic();
        for (SupvisorsInstance instance : context.instances().all()) {
            if (!instance.isLocal() && instance.state().isActive() && instance.state() != InstanceState.FAILED
                    && tickCounter - instance.localSequenceCounter() > limit) {
                log.warn("instance " + instance.identity() + " silent for more than " + limit + " ticks: FAILED");
                instance.setState(InstanceState.FAILED, now);
            }
        }
    }

    // ---- the local supervisord

    /** Every process of the local supervisord, read at start or after events were lost. */
    public void onLocalProcesses(List<LocalProcess> processes) {
        localSupervisor.onProcesses(processes);
        afterInput();
    }

    /** The processes of a group of the local supervisord, read after the group was added. */
    public void onLocalGroup(String group, List<LocalProcess> processes) {
        localSupervisor.onGroup(group, processes);
        afterInput();
    }

    /** One process of the local supervisord, read for the spawn error that its last event did not carry. */
    public void onLocalProcessRefreshed(LocalProcess refreshed) {
        localSupervisor.onProcessRefreshed(refreshed);
        afterInput();
    }

    /** The local supervisord refused a start ({@code startProcess} fault). */
    public void onLocalStartRefused(String namespec, String faultName, String text) {
        router.onLocalStartRefused(namespec, faultName, text);
        afterInput();
    }

    /**
     * The local supervisord answered a start asked by an API caller. The caller gets supervisord's answer once the
     * model shows it too (the event listener delivers the state changes a few milliseconds after the answer), so
     * that a query right after the call agrees with it; after {@value #START_ANSWER_GRACE} s without such event
     * the answer is given anyway.
     */
    public void onLocalStartAnswered(String namespec, boolean result, boolean waitStarted, Reply reply) {
        double deadline = clock.monotonic() + START_ANSWER_GRACE;
        Set<ProcessState> shown = waitStarted
                ? EnumSet.of(ProcessState.RUNNING)
                : EnumSet.of(ProcessState.STARTING,
                        ProcessState.RUNNING,
                        ProcessState.BACKOFF);
        String local = context.instances().local().identifier();
        waiters.add(() -> {
            boolean seen = context.instances().local().process(namespec)
                    .flatMap(p -> p.info(local))
                    .map(info -> shown.contains(info.state()))
                    .orElse(true);
            return seen || clock.monotonic() >= deadline ? Optional.of(result) : Optional.empty();
        }, reply);
        afterInput();
    }

    /** What the configuration files say of the program of an {@code update_numprocs} request. */
    public void onNumprocsChecked(long request, org.supvisors.core.supervisor.NumprocsCheck check) {
        numprocs.onChecked(request, check);
        afterInput();
    }

    /** What came of the change of the groups of an {@code update_numprocs} request in the local supervisord. */
    public void onNumprocsApplied(long request, org.supvisors.core.supervisor.NumprocsOutcome outcome) {
        numprocs.onApplied(request, outcome);
        afterInput();
    }

    /** supervisord dropped events of the listener (buffer overflow): everything is read again. */
    public void onLocalEventsLost(String why) {
        localSupervisor.onEventsLost(why);
        afterInput();
    }

    /** An event of the local supervisord, received by the event listener. */
    public void onSupervisordEvent(SupervisordEvent event) {
        localSupervisor.onEvent(event);
        afterInput();
    }

    // ---- the local statistics collector

    /** A host sample of the local collector. */
    public void onLocalHostStatistics(HostSample sample) {
        statistics.onLocalHost(sample);
    }

    /** The process samples of one round of the local collector. */
    public void onLocalProcessStatistics(List<ProcessSample> samples) {
        statistics.onLocalProcesses(samples);
    }

    /** The local node, as the collector measured it. */
    public void onNodeCharacteristics(NodeCharacteristics characteristics) {
        statistics.onNode(characteristics);
    }

    /** The collector cannot run on this host: the statistics controls answer {@code NOT_INSTALLED}. */
    public void onStatisticsUnavailable(String reason) {
        statistics.onUnavailable(reason);
    }

    // ---- the other instances

    /** A link with another instance is up. */
    public void onPeerConnected(String identifier) {
        peers.onConnected(identifier);
        afterInput();
    }

    /** A message from another instance, authenticated by the transport. */
    public void onPeerMessage(String from, PeerMessage message) {
        if (peers.onMessage(from, message)) {
            afterInput();
        }
    }

    /** The link with another instance broke. */
    public void onPeerLost(String identifier, String reason) {
        peers.onLost(identifier, reason);
        afterInput();
    }

    /** An instance announced itself on the multicast group. */
    public void onDiscovery(InstanceIdentity identity, List<String> stereotypes) {
        peers.onDiscovery(identity, stereotypes);
        afterInput();
    }

    // ---- control requests (XML-RPC), checked by the API before

    /**
     * Restarts or shuts down Supvisors: at once on the Master, forwarded to the Master otherwise.
     *
     * @return false when no Master is known to forward to
     */
    public boolean requestClosing(boolean restart) {
        String master = fsm.masterIdentifier();
        boolean done;
        if (fsm.isMaster()) {
            done = fsm.close(restart);
        } else if (!master.isEmpty()) {
            log.info((restart ? "restart" : "shutdown") + " request forwarded to the Master " + master);
            peers.forwardClosing(master, restart);
            done = true;
        } else {
            done = false;
        }
        afterInput();
        return done;
    }

    /** Ends the synchronization phase with this Master, or with the one the selection picks when empty. */
    public void endSync(String master) {
        if (master.isEmpty()) {
            fsm.selectMaster();
        } else {
            fsm.setMaster(master);
        }
        afterInput();
    }

    /** A process changed on an instance: the jobs waiting for it, and the crash strategies on the Master. */
    private void onProcessEvent(org.supvisors.core.process.ProcessStatus process, String identifier) {
        commander.onProcessEvent(process, identifier);
        if (fsm.isMaster() && process.isCrashed()
                && org.supvisors.core.fsm.SupvisorsState.WORKING_STATES.contains(fsm.state())) {
            switch (commander.onCrash(process)) {
                case RESTART:
                    log.warn("process " + process.namespec() + " crashed: Supvisors restarts (RESTART)");
                    fsm.close(true);
                    break;
                case SHUTDOWN:
                    log.warn("process " + process.namespec() + " crashed: Supvisors shuts down (SHUTDOWN)");
                    fsm.close(false);
                    break;
                default:
                    break;
            }
        }
    }

    /** After every input: the state machine decides, then what changed is shared. */
    private void afterInput() {
        if (!started) {
            return;
        }
        fsm.evaluate();
        localSupervisor.updatePoke();
        peers.publishStateModesIfChanged();
        peers.publishDirectory();
        context.listener().stateModesChanged();
        statistics.afterInput();
        numprocs.poll();
        waiters.poll();
    }

    /** Starts a process of the local supervisord and tells {@code reply} what supervisord answered. */
    public void startLocal(String namespec, String extraArgs, boolean wait, Reply reply) {
        localSupervisor.start(namespec, extraArgs, wait, Optional.of(reply), this::forceFatal);
    }

    /** A command of a sequencer for the local supervisord. */
    private void startLocal(String namespec, String extraArgs) {
        localSupervisor.start(namespec, extraArgs, false, Optional.empty(), this::forceFatal);
    }

    /** A local start refused before supervisord was asked: the process is FATAL for everybody, with the reason. */
    private void forceFatal(org.supvisors.core.process.ProcessStatus process, String reason) {
        router.force(process, context.instances().local().identifier(),
                ProcessState.FATAL, reason);
    }

    /**
     * Runs a control call on the core's thread: its faults are answered through {@code reply}, and the model is
     * evaluated and shared afterwards like after any input.
     */
    public void control(java.util.function.Consumer<SupvisorsControl> call, Reply reply) {
        try {
            call.accept(control);
        } catch (SupvisorsFault fault) {
            reply.fault(fault);
        }
        afterInput();
    }

    /** The control methods of the XML-RPC API (for checks that change nothing; see {@link #control}). */
    public SupvisorsControl controls() {
        return control;
    }

    /** The queries of the XML-RPC API. */
    public SupvisorsApi api() {
        return api;
    }

    public SupvisorsOptions options() { return setup.options(); }
    public Context context() { return context; }
    public StateMachine fsm() { return fsm; }
    public Commander commander() { return commander; }
    public Peers peers() { return peers; }
    public LocalSupervisor localSupervisor() { return localSupervisor; }
    /** The statistics: the local collector's settings and the compiled statistics of every instance. */
    public Statistics statistics() { return statistics; }
    /** The {@code update_numprocs} requests of the local instance. */
    public org.supvisors.core.supervisor.NumprocsUpdater numprocs() { return numprocs; }
    public Clock clock() { return clock; }
    /** The local tick counter. */
    public long tickCounter() { return tickCounter; }
}
