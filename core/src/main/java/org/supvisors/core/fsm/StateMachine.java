package org.supvisors.core.fsm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.supvisors.core.InstanceLog;
import org.supvisors.core.commander.Commander;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.config.SynchronizationOption;
import org.supvisors.core.context.Context;
import org.supvisors.core.effect.EffectSink;
import org.supvisors.core.effect.EndSupervisord;
import org.supvisors.core.election.MasterSelection;
import org.supvisors.core.election.Stability;
import org.supvisors.core.instance.InstanceRegistry;
import org.supvisors.core.instance.InstanceState;
import org.supvisors.core.instance.StateModes;
import org.supvisors.core.instance.SupvisorsInstance;
import org.supvisors.core.process.ProcessStatus;

/**
 * The global state machine of one instance (state-machines.md §3). Each {@link #evaluate()} invalidates FAILED
 * instances, activates CHECKED ones, evaluates the stability, then lets the current state decide, chaining
 * transitions until the state is stable. It is evaluated whenever something relevant changes, not on ticks only.
 */
public final class StateMachine {

    /** 0.19's SYNCHRO_TIMEOUT_MIN: the CORE margin and the OFF alert, in seconds. */
    static final double SYNCHRO_TIMEOUT_MIN = 15.0;

    private final Context context;
    private final SupvisorsOptions options;
    private final Commander commander;
    private final EffectSink effects;
    private final InstanceLog log;
    private final Map<SupvisorsState, Function<StateMachine, FsmState>> factories = new EnumMap<>(SupvisorsState.class);
    private final double startDate;
    private FsmState current;
    private String masterIdentifier = "";
    private boolean degradedMode;
    private boolean established;
    private Runnable transitionListener = () -> { };
    private Stability stability = new Stability(Set.of(), Set.of(), Set.of());
    private List<String> lostInstances = List.of();
    private List<ProcessStatus> lostProcesses = List.of();

    public StateMachine(Context context, SupvisorsOptions options, Commander commander, EffectSink effects,
                        InstanceLog log) {
        this.context = context;
        this.options = options;
        this.commander = commander;
        this.effects = effects;
        this.log = log.forClass(StateMachine.class);
        factories.put(SupvisorsState.OFF, OffState::new);
        factories.put(SupvisorsState.SYNCHRONIZATION, SynchronizationState::new);
        factories.put(SupvisorsState.ELECTION, ElectionState::new);
        factories.put(SupvisorsState.DISTRIBUTION, DistributionState::new);
        factories.put(SupvisorsState.OPERATION, OperationState::new);
        factories.put(SupvisorsState.CONCILIATION, ConciliationState::new);
        factories.put(SupvisorsState.RESTARTING, fsm -> new ClosingState(fsm, SupvisorsState.RESTARTING));
        factories.put(SupvisorsState.SHUTTING_DOWN, fsm -> new ClosingState(fsm, SupvisorsState.SHUTTING_DOWN));
        factories.put(SupvisorsState.FINAL, FinalState::new);
        this.startDate = context.clock().monotonic();
        this.current = factories.get(SupvisorsState.OFF).apply(this);
        this.current.enter();
    }

    /** The current state. */
    public SupvisorsState state() {
        return current.state();
    }

    /** The local Master choice, empty if none. */
    public String masterIdentifier() {
        return masterIdentifier;
    }

    public boolean isMaster() {
        return !masterIdentifier.isEmpty() && masterIdentifier.equals(localInstance().identifier());
    }

    public boolean degradedMode() {
        return degradedMode;
    }

    /**
     * True once DISTRIBUTION has been reached: the model is established and read-only queries can be answered from
     * it even while a new Master is elected.
     */
    public boolean isEstablished() {
        return established;
    }

    /** Seconds since this state machine was created (the {@code synchro_timeout} reference). */
    public double uptime() {
        return context.clock().monotonic() - startDate;
    }

    /** The state & modes the local instance publishes now. */
    public StateModes localStateModes() {
        return new StateModes(localInstance().identity(), state(), degradedMode, options.discoveryMode(),
                masterIdentifier, commander.hasStartingJobs(), commander.hasStoppingJobs(),
                context.instances().statesView());
    }

    /** The last stability evaluation. */
    public Stability stability() {
        return stability;
    }

    /** Evaluates the state machine, chaining transitions until it stays in a state. */
    public void evaluate() {
        int guard = 0;
        while (true) {
            StateModes before = localStateModes();
            Optional<SupvisorsState> next = evaluateCurrent();
            if (++guard > 32) {
                log.error("state machine loops between states, stopped at " + state());
                return;
            }
            if (next.isPresent() && next.get() != state()) {
                SupvisorsState target = next.get();
                if (!state().canGoTo(target)) {
                    log.error("transition refused from " + state() + " to " + target);
                    return;
                }
                enter(target);
            } else if (before.equals(localStateModes())) {
                // nothing the local instance publishes changed: the evaluation is stable
                return;
            }
        }
    }

    /**
     * Sets the local Master choice, e.g. from {@code end_sync}.
     *
     * @param identifier an identifier of a known instance, or empty to clear it
     */
    public void setMaster(String identifier) {
        if (!identifier.equals(masterIdentifier)) {
            masterIdentifier = identifier;
            log.info(identifier.isEmpty() ? "no Master" : "Master is " + context.instances().require(identifier)
                    .identity());
        }
    }

    /**
     * Enters RESTARTING or SHUTTING_DOWN at once (a user request on the Master, or a failure strategy), then
     * evaluates.
     *
     * @return false when the current state does not allow it (the transition table of 0.19)
     */
    public boolean close(boolean restart) {
        SupvisorsState target = restart ? SupvisorsState.RESTARTING : SupvisorsState.SHUTTING_DOWN;
        if (!state().canGoTo(target)) {
            log.warn((restart ? "restart" : "shutdown") + " refused in state " + state());
            return false;
        }
        enter(target);
        evaluate();
        return true;
    }

    /** Leaves the current state for {@code target} and tells the listener, so that every state is published. */
    private void enter(SupvisorsState target) {
        current.exit();
        log.info("Supvisors is " + target + (isMaster() ? " (Master)" : ""));
        current = factories.get(target).apply(this);
        established |= target == SupvisorsState.DISTRIBUTION || target == SupvisorsState.OPERATION;
        current.enter();
        transitionListener.run();
    }

    /**
     * Called after every transition (the core publishes each state, so that the other instances see
     * RESTARTING before FINAL even when both happen in one evaluation).
     */
    public void onTransition(Runnable listener) {
        this.transitionListener = listener;
    }

    /** Runs the Master selection (ELECTION, or {@code end_sync} without a name). */
    public void selectMaster() {
        Set<String> running = new LinkedHashSet<>();
        for (SupvisorsInstance instance : context.instances().inState(InstanceState.RUNNING)) {
            running.add(instance.identifier());
        }
        MasterSelection.select(stability, context.instances(), running, coreIdentifiers())
                .ifPresent(this::setMaster);
    }

    /** The state published by the Master, if a Master is chosen and known. */
    public Optional<SupvisorsState> masterState() {
        if (masterIdentifier.isEmpty()) {
            return Optional.empty();
        }
        if (isMaster()) {
            return Optional.of(state());
        }
        return context.instances().get(masterIdentifier).map(i -> i.stateModes().state());
    }

    private Optional<SupvisorsState> evaluateCurrent() {
        commander.check();
        invalidateFailedInstances();
        boolean activated = false;
        if (current.activatesCheckedInstances()) {
            activated = activateCheckedInstances();
        }
        if (!masterIdentifier.isEmpty() && !context.instances().get(masterIdentifier)
                .map(SupvisorsInstance::isRunning).orElse(false)) {
            log.warn("the Master " + masterIdentifier + " is not RUNNING any more");
            setMaster("");
        }
        stability = Stability.evaluate(context.instances(), localStateModes());
        Optional<SupvisorsState> suggested = current.onActivation(activated);
        if (suggested.isPresent()) {
            return suggested;
        }
        return current.next();
    }

    /** FAILED instances → STOPPED, or ISOLATED with {@code auto_fence} while the Master is working. */
    private void invalidateFailedInstances() {
        List<String> lost = new ArrayList<>();
        List<ProcessStatus> processes = new ArrayList<>();
        double now = context.clock().monotonic();
        for (SupvisorsInstance instance : context.instances().inState(InstanceState.FAILED)) {
            boolean fence = options.autoFence() && !instance.isLocal()
                    && masterState().filter(SupvisorsState.WORKING_STATES::contains).isPresent();
            if (instance.isLocal()) {
                log.error("the local instance was declared FAILED: set STOPPED");
            }
            instance.setState(fence ? InstanceState.ISOLATED : InstanceState.STOPPED, now);
            log.warn("instance " + instance.identity() + " is " + instance.state());
            lost.add(instance.identifier());
            processes.addAll(context.invalidateInstance(instance));
        }
        lostInstances = lost;
        lostProcesses = processes;
    }

    private boolean activateCheckedInstances() {
        boolean activated = false;
        double now = context.clock().monotonic();
        for (SupvisorsInstance instance : context.instances().inState(InstanceState.CHECKED)) {
            instance.setState(InstanceState.RUNNING, now);
            log.info("instance " + instance.identity() + " is RUNNING");
            activated |= !instance.isLocal();
        }
        return activated;
    }

    // ---- what the states use

    Context context() { return context; }
    SupvisorsOptions options() { return options; }
    Commander commander() { return commander; }
    InstanceLog log() { return log; }
    InstanceRegistry instances() { return context.instances(); }
    SupvisorsInstance localInstance() { return context.instances().local(); }
    List<String> lostInstances() { return lostInstances; }
    List<ProcessStatus> lostProcesses() { return lostProcesses; }

    /** Processes whose start failed with a lost instance are starting failures, not lost processes. */
    void onStartsLost(List<ProcessStatus> failedStarts) {
        if (!failedStarts.isEmpty()) {
            List<ProcessStatus> remaining = new ArrayList<>(lostProcesses);
            remaining.removeAll(failedStarts);
            lostProcesses = remaining;
        }
    }

    void setDegradedMode(boolean degraded) {
        if (degraded != degradedMode) {
            degradedMode = degraded;
            log.info(degraded ? "degraded mode: some expected instances are not RUNNING" : "degraded mode left");
        }
    }

    /** The local instance must stay RUNNING in every state but OFF and FINAL. */
    Optional<SupvisorsState> checkLocalRunning() {
        if (!localInstance().isRunning()) {
            log.error("the local instance is not RUNNING: back to OFF");
            return Optional.of(SupvisorsState.OFF);
        }
        return Optional.empty();
    }

    /** The failures of the synchronization options now. */
    SyncConditions syncConditions() {
        Boolean user = null;
        if (options.hasSynchroOption(SynchronizationOption.USER)) {
            user = !lostInstances.isEmpty();
        }
        Boolean core = null;
        if (options.hasSynchroOption(SynchronizationOption.CORE)) {
            core = !stability.allRunning(new LinkedHashSet<>(coreIdentifiers()));
        }
        Boolean strict = null;
        if (options.hasSynchroOption(SynchronizationOption.STRICT)) {
            strict = !stability.allRunning(context.instances().declared());
        }
        Boolean list = null;
        if (options.hasSynchroOption(SynchronizationOption.LIST)) {
            Set<String> all = new LinkedHashSet<>();
            context.instances().all().forEach(i -> all.add(i.identifier()));
            list = !stability.allRunning(all);
        }
        return new SyncConditions(user, core, strict, list);
    }

    /** {@code core_identifiers} resolved now (stereotypes and discovered instances included). */
    List<String> coreIdentifiers() {
        return context.instances().resolveAll(options.coreIdentifiers());
    }

    /** Leaving RESTARTING or SHUTTING_DOWN: ask the local supervisord to restart or shut down. */
    void onClosing(SupvisorsState closing) {
        effects.emit(new EndSupervisord(closing == SupvisorsState.RESTARTING));
    }
}
