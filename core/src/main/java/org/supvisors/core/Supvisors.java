package org.supvisors.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.supvisors.core.api.SupvisorsApi;
import org.supvisors.core.commander.Commander;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.context.Context;
import org.supvisors.core.effect.EffectSink;
import org.supvisors.core.effect.LoadLocalGroup;
import org.supvisors.core.effect.LoadLocalProcesses;
import org.supvisors.core.effect.RefreshLocalProcess;
import org.supvisors.core.fsm.StateMachine;
import org.supvisors.core.instance.InstanceRegistry;
import org.supvisors.core.instance.InstanceState;
import org.supvisors.core.instance.SupvisorsInstance;
import org.supvisors.core.process.Namespec;
import org.supvisors.core.process.ProcessEvent;
import org.supvisors.core.process.ProcessSnapshot;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.supervisor.LocalProcess;
import org.supvisors.core.supervisor.ProcessGroupEvent;
import org.supvisors.core.supervisor.ProcessStateEvent;
import org.supvisors.core.supervisor.SupervisorStateEvent;
import org.supvisors.core.supervisor.SupervisordEvent;
import org.supvisors.core.supervisor.Tick5Event;
import org.supvisors.core.time.Clock;

/**
 * One Supvisors instance: the model, the state machine and the API, driven by inputs on a single thread.
 *
 * <p>Contract: every method is called from one thread (the agent's model thread), never concurrently; none
 * blocks; effects go to the {@link EffectSink} and their results come back as inputs. After each input the caller
 * reads {@link #nextWakeUp()} and calls {@link #onTimer()} at that monotonic time at the latest.
 */
public final class Supvisors {

    /** The tick period, in seconds: the unit of every tick-based option and counter. */
    public static final double TICK_PERIOD = 5.0;

    private final CoreSetup setup;
    private final Clock clock;
    private final EffectSink effects;
    private final InstanceLog log;
    private final Context context;
    private final Commander commander;
    private final StateMachine fsm;
    private final SupvisorsApi api;
    private final String agentNamespec;
    private long tickCounter;
    private double nextTickAt = Double.MAX_VALUE;
    private boolean started;
    private boolean localLoaded;

    public Supvisors(CoreSetup setup, Clock clock, EffectSink effects) {
        this.setup = setup;
        this.clock = clock;
        this.effects = effects;
        this.log = new InstanceLog(Supvisors.class, setup.localIdentity().nickIdentifier());
        this.agentNamespec = setup.agentNamespec().map(Namespec::parse)
                .map(n -> Namespec.of(n.group(), n.isGroup() ? n.group() : n.process())).orElse("");
        InstanceRegistry instances = new InstanceRegistry(setup.declaredIdentities(), setup.localIdentity());
        instances.local().setNetwork(setup.localNetwork());
        instances.local().setStereotypes(setup.options().stereotypes());
        this.context = new Context(instances, setup.rules(), clock, log);
        this.commander = new Commander();
        this.fsm = new StateMachine(context, setup.options(), commander, effects, log);
        this.api = new SupvisorsApi(this);
    }

    /**
     * Starts: the first local tick puts the local instance in CHECKING and the local processes are requested
     * at once, so that OPERATION does not wait for a tick boundary.
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
        double now = clock.monotonic();
        nextTickAt = now;
        onTimer();
    }

    /** Runs what is due at the current time: ticks (inactivity checks), then the state machine. */
    public void onTimer() {
        double now = clock.monotonic();
        while (now >= nextTickAt) {
            tick();
            nextTickAt += TICK_PERIOD;
            if (nextTickAt < now - TICK_PERIOD) {
                // the thread was held up for several periods: do not replay them all
                nextTickAt = now + TICK_PERIOD;
            }
        }
        fsm.evaluate();
    }

    /** The monotonic time at which {@link #onTimer()} must be called at the latest. */
    public double nextWakeUp() {
        return nextTickAt;
    }

    private void tick() {
        SupvisorsInstance local = context.instances().local();
        long epoch = (long) clock.epochTime();
        double now = clock.monotonic();
        if (tickCounter > 0 || local.state() != InstanceState.STOPPED) {
            tickCounter++;
        }
        local.recordTick(tickCounter, epoch, now, tickCounter, epoch, now);
        if (local.state() == InstanceState.STOPPED) {
            local.setState(InstanceState.CHECKING, now);
            log.info("local instance " + local.identity() + " is CHECKING");
            effects.emit(new LoadLocalProcesses("start"));
        }
        checkInactivity();
    }

    /** An active remote instance silent for more than {@code inactivity_ticks} local ticks is FAILED. */
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

    /** Every process of the local supervisord, read at start or after events were lost. */
    public void onLocalProcesses(List<LocalProcess> processes) {
        SupvisorsInstance local = context.instances().local();
        List<ProcessSnapshot> snapshots = snapshots(processes);
        context.loadInstance(local, snapshots);
        if (!localLoaded) {
            log.info(snapshots.size() + " local processes loaded");
        } else {
            log.info(snapshots.size() + " local processes reloaded");
        }
        localLoaded = true;
        if (local.state() == InstanceState.CHECKING) {
            local.setState(InstanceState.CHECKED, clock.monotonic());
            log.info("local instance " + local.identity() + " is CHECKED");
        }
        fsm.evaluate();
    }

    /** The processes of a group of the local supervisord, read after the group was added. */
    public void onLocalGroup(String group, List<LocalProcess> processes) {
        if (!localLoaded) {
            return;
        }
        List<ProcessStatus> changed = context.loadGroup(context.instances().local(), group, snapshots(processes));
        log.info("group " + group + " loaded with " + changed.size() + " process(es)");
        fsm.evaluate();
    }

    /** One process of the local supervisord, read for the spawn error that its last event did not carry. */
    public void onLocalProcessRefreshed(LocalProcess refreshed) {
        SupvisorsInstance local = context.instances().local();
        Optional<ProcessStatus> process = local.process(refreshed.namespec());
        if (process.isEmpty()) {
            return;
        }
        process.get().info(local.identifier()).ifPresent(info -> {
            if (info.state() == refreshed.state() && !info.spawnerr().equals(refreshed.spawnerr())) {
                ProcessEvent event = new ProcessEvent(info.group(), info.name(), info.state(), info.expected(),
                        info.now(), info.nowMonotonic(), info.pid(), refreshed.spawnerr(), info.extraArgs());
                context.applyEvent(local, event);
            }
        });
        fsm.evaluate();
    }

    /** supervisord dropped events of the listener (buffer overflow): everything is read again. */
    public void onLocalEventsLost(String why) {
        log.warn("events of the local supervisord were lost (" + why + "): reloading its processes");
        effects.emit(new LoadLocalProcesses("events lost"));
    }

    /** An event of the local supervisord, received by the event listener. */
    public void onSupervisordEvent(SupervisordEvent event) {
        if (event instanceof ProcessStateEvent) {
            onProcessState((ProcessStateEvent) event);
        } else if (event instanceof ProcessGroupEvent) {
            onProcessGroup((ProcessGroupEvent) event);
        } else if (event instanceof SupervisorStateEvent) {
            onSupervisorState((SupervisorStateEvent) event);
        } else if (event instanceof Tick5Event) {
            log.trace(() -> "supervisord TICK_5 when=" + ((Tick5Event) event).when());
        } else {
            throw new IllegalArgumentException("supervisord event not handled: " + event.getClass().getName());
        }
        fsm.evaluate();
    }

    private void onProcessState(ProcessStateEvent event) {
        String namespec = event.namespec();
        if (isAgent(namespec) || !localLoaded) {
            return;
        }
        SupvisorsInstance local = context.instances().local();
        Optional<ProcessStatus> process = local.process(namespec);
        if (process.isEmpty()) {
            log.debug("event for " + namespec + " unknown locally: reading its group " + event.group());
            effects.emit(new LoadLocalGroup(event.group()));
            return;
        }
        ProcessState state = event.state();
        boolean expected = state == ProcessState.EXITED ? event.expected() : state != ProcessState.FATAL;
        ProcessEvent change = new ProcessEvent(event.group(), event.name(), state, expected,
                (long) clock.epochTime(), clock.monotonic(), event.pid(), "", process.get().extraArgs());
        context.applyEvent(local, change);
        log.debug(() -> "process " + namespec + " is " + state + " locally");
        if (state == ProcessState.BACKOFF || state == ProcessState.FATAL) {
            effects.emit(new RefreshLocalProcess(namespec));
        }
    }

    private void onProcessGroup(ProcessGroupEvent event) {
        if (!localLoaded) {
            return;
        }
        if (event.added()) {
            effects.emit(new LoadLocalGroup(event.group()));
        } else {
            List<ProcessStatus> removed = context.removeGroup(context.instances().local(), event.group());
            log.info("group " + event.group() + " removed with " + removed.size() + " process(es)");
        }
    }

    private void onSupervisorState(SupervisorStateEvent event) {
        if (event.running()) {
            log.info("supervisord is RUNNING");
            if (localLoaded) {
                effects.emit(new LoadLocalProcesses("supervisord RUNNING"));
            }
        } else {
            log.info("supervisord is STOPPING");
        }
    }

    private boolean isAgent(String namespec) {
        return agentNamespec.equals(namespec);
    }

    private List<ProcessSnapshot> snapshots(List<LocalProcess> processes) {
        double now = clock.monotonic();
        List<ProcessSnapshot> snapshots = new ArrayList<>();
        SupvisorsInstance local = context.instances().local();
        for (LocalProcess process : processes) {
            if (isAgent(process.namespec())) {
                continue;
            }
            String extraArgs = local.process(process.namespec()).map(ProcessStatus::extraArgs).orElse("");
            snapshots.add(ProcessSnapshot.ofLocal(process, now, extraArgs, false));
        }
        return snapshots;
    }

    /** The queries of the XML-RPC API. */
    public SupvisorsApi api() {
        return api;
    }

    public SupvisorsOptions options() { return setup.options(); }
    public Context context() { return context; }
    public StateMachine fsm() { return fsm; }
    public Commander commander() { return commander; }
    public Clock clock() { return clock; }
    /** The local tick counter. */
    public long tickCounter() { return tickCounter; }
}
