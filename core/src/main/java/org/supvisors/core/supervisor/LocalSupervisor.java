package org.supvisors.core.supervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.supvisors.core.InstanceLog;
import org.supvisors.core.context.Context;
import org.supvisors.core.effect.EffectSink;
import org.supvisors.core.effect.LoadLocalGroup;
import org.supvisors.core.effect.LoadLocalProcesses;
import org.supvisors.core.effect.RefreshLocalProcess;
import org.supvisors.core.instance.InstanceState;
import org.supvisors.core.instance.SupvisorsInstance;
import org.supvisors.core.peer.Peers;
import org.supvisors.core.process.Namespec;
import org.supvisors.core.process.ProcessEvent;
import org.supvisors.core.process.ProcessSnapshot;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.time.Clock;

/**
 * The local supervisord as the model sees it: its processes read at start (the local handshake), its events, its
 * groups added and removed, its reloads; every change is applied to the model and shared with the other instances.
 */
public final class LocalSupervisor {

    private final Context context;
    private final Peers peers;
    private final EffectSink effects;
    private final Clock clock;
    private final InstanceLog log;
    private final String agentNamespec;
    private boolean loaded;
    private boolean poking;
    /** Program name → disabled, as persisted in {@code disabilities_file}. */
    private final java.util.Map<String, Boolean> disabilities = new java.util.TreeMap<>();
    /** Namespec → autostart, from the last read of supervisord. */
    private final java.util.Map<String, Boolean> autostart = new java.util.HashMap<>();
    /**
     * The groups being read ({@link LoadLocalGroup} under way) → whether to read them again once answered: an event
     * of the group came meanwhile, which the answer, read before it maybe, would undo.
     */
    private final java.util.Map<String, PendingRead> groupReads = new java.util.HashMap<>();
    /** The read of every process under way, if any. */
    private PendingRead fullRead;
    /** Told of each group removed, and (empty) of each read of every process. */
    private java.util.function.Consumer<Optional<String>> groupObserver = group -> { };

    /**
     * @param agentNamespec the agent's own process ({@code group:name}), kept out of the model
     */
    public LocalSupervisor(Context context, Peers peers, EffectSink effects, InstanceLog log,
                           Optional<String> agentNamespec, java.util.Map<String, Boolean> disabilities) {
        this.disabilities.putAll(disabilities);
        this.context = context;
        this.peers = peers;
        this.effects = effects;
        this.clock = context.clock();
        this.log = log.forClass(LocalSupervisor.class);
        this.agentNamespec = agentNamespec.map(Namespec::parse)
                .map(n -> Namespec.of(n.group(), n.isGroup() ? n.group() : n.process())).orElse("");
    }

    /** Who is told of each group removed from the local supervisord and (empty) of each read of every process. */
    public void observeGroups(java.util.function.Consumer<Optional<String>> observer) {
        this.groupObserver = observer;
    }

    /** True when a program is the agent's own ({@code [eventlistener:x]} of the agent, kept out of the model). */
    /** Whether the process {@code group:name} of the local supervisord is this agent. */
    public boolean isAgent(String group, String name) {
        return !agentNamespec.isEmpty() && org.supvisors.core.process.Namespec.of(group, name).equals(agentNamespec);
    }

    public boolean isAgentProgram(String program) {
        return !agentNamespec.isEmpty() && Namespec.parse(agentNamespec).group().equals(program);
    }

    /** True while a group of the local supervisord is being read, or will be read again. */
    public boolean isReadingGroup(String group) {
        return groupReads.containsKey(group);
    }

    /** True once the processes of the local supervisord have been read. */
    public boolean isLoaded() {
        return loaded;
    }

    /**
     * Starts a local process with extra arguments ({@code start_args}, or a command of a sequencer, local or from
     * another instance). A disabled program is refused with {@code DISABLED}; non-empty extra arguments for a
     * program that does not use the launcher are refused with {@code NOT_APPLICABLE} (supervisord cannot change a
     * command line). A refusal goes to {@code reply} if any, otherwise the process is forced FATAL with it.
     *
     * @param refused what to do with a refusal when nobody waits for the answer
     */
    public void start(String namespec, String extraArgs, boolean wait, Optional<org.supvisors.core.api.Reply> reply,
                      java.util.function.BiConsumer<ProcessStatus, String> refused) {
        SupvisorsInstance local = context.instances().local();
        Optional<ProcessStatus> process = local.process(namespec);
        if (process.isEmpty()) {
            org.supvisors.core.api.SupvisorsFault fault = new org.supvisors.core.api.SupvisorsFault(
                    org.supvisors.core.api.Fault.BAD_NAME, namespec);
            reply.ifPresentOrElse(r -> r.fault(fault), () -> log.warn("start of " + namespec
                    + " refused: unknown to the local supervisord"));
            return;
        }
        org.supvisors.core.api.SupvisorsFault fault = null;
        boolean launcher = process.get().info(local.identifier()).map(i -> i.launcher()).orElse(false);
        if (isDisabled(process.get())) {
            fault = new org.supvisors.core.api.SupvisorsFault(org.supvisors.core.api.Fault.DISABLED, namespec);
        } else if (!extraArgs.isEmpty() && !launcher) {
            fault = new org.supvisors.core.api.SupvisorsFault(org.supvisors.core.api.Fault.NOT_APPLICABLE,
                    "extra arguments need the launcher: the command of " + namespec + " must start with"
                            + " supvisors-launch");
        } else if (extraArgs.indexOf('\n') >= 0 || extraArgs.indexOf('\r') >= 0) {
            fault = new org.supvisors.core.api.SupvisorsFault(org.supvisors.core.api.Fault.INCORRECT_PARAMETERS,
                    "extra_args of " + namespec + " must hold no line break");
        }
        if (fault != null) {
            org.supvisors.core.api.SupvisorsFault refusal = fault;
            log.warn("start of " + namespec + " refused: " + fault.faultString());
            reply.ifPresentOrElse(r -> r.fault(refusal), () -> refused.accept(process.get(),
                    refusal.faultString()));
            return;
        }
        process.get().setExtraArgs(extraArgs);
        effects.emit(new org.supvisors.core.effect.StartLocalProcess(namespec, extraArgs, launcher, wait, reply));
    }

    /** True when the program of a local process is disabled. */
    public boolean isDisabled(ProcessStatus process) {
        return disabilities.getOrDefault(process.programName(), false);
    }

    /** True when a program is known locally (one of its processes is in the local supervisord). */
    public boolean hasProgram(String program) {
        return !processesOf(program).isEmpty();
    }

    /** The local processes of a program. */
    public List<ProcessStatus> processesOf(String program) {
        SupvisorsInstance local = context.instances().local();
        List<ProcessStatus> found = new ArrayList<>();
        for (ProcessStatus process : local.processes()) {
            if (process.info(local.identifier()).map(i -> i.programName().equals(program)).orElse(false)) {
                found.add(process);
            }
        }
        return found;
    }

    /**
     * Disables or enables a program on the local instance: persisted, shared, and published. Enabling starts the
     * processes supervisord would have started by itself ({@code autostart}, never started).
     *
     * @return the local processes of the program
     */
    public List<ProcessStatus> setDisabled(String program, boolean disabled) {
        disabilities.put(program, disabled);
        log.info("program " + program + (disabled ? " disabled" : " enabled"));
        SupvisorsInstance local = context.instances().local();
        List<ProcessStatus> processes = context.applyDisability(local, program, disabled);
        peers.broadcast(new org.supvisors.core.peer.DisabilityUpdate(program, disabled));
        effects.emit(new org.supvisors.core.effect.WriteDisabilities(disabilities));
        if (!disabled) {
            for (ProcessStatus process : processes) {
                boolean neverStarted = process.info(local.identifier()).map(i -> i.start() == 0).orElse(false);
                if (neverStarted && autostart.getOrDefault(process.namespec(), false)) {
                    effects.emit(new org.supvisors.core.effect.StartLocalProcess(process.namespec()));
                }
            }
        }
        return processes;
    }

    /**
     * Asks for supervisord to be poked while local processes are in transition (STARTING, BACKOFF, STOPPING) or
     * may soon exit where a start sequence waits for it (RUNNING with {@code wait_exit}, for
     * {@value #WAIT_EXIT_POKE_SECONDS} s after its start), and for the pokes to stop when none is: supervisord
     * sends an event to its listener on the turn of its loop after the change, and an idle loop turns once a second.
     */
    public void updatePoke() {
        SupvisorsInstance local = context.instances().local();
        double now = clock.monotonic();
        boolean transitions = false;
        for (ProcessStatus process : local.processes()) {
            Optional<org.supvisors.core.process.InstanceProcessInfo> info = process.info(local.identifier());
            ProcessState state = info.map(i -> i.state()).orElse(ProcessState.STOPPED);
            if (state == ProcessState.STARTING || state == ProcessState.BACKOFF || state == ProcessState.STOPPING
                    || (state == ProcessState.RUNNING && process.rules().waitExit()
                        && now - info.get().startMonotonic() < WAIT_EXIT_POKE_SECONDS)) {
                transitions = true;
                break;
            }
        }
        if (transitions != poking) {
            poking = transitions;
            effects.emit(new org.supvisors.core.effect.PokeSupervisord(transitions));
        }
    }

    /** Starts the local handshake: the local instance is CHECKING until its processes are read. */
    public void startHandshake() {
        SupvisorsInstance local = context.instances().local();
        local.setState(InstanceState.CHECKING, clock.monotonic());
        log.info("local instance " + local.identity() + " is CHECKING");
        readAll("start");
    }

    /** Every process of the local supervisord, read at start or after events were lost. */
    public void onProcesses(List<LocalProcess> processes) {
        PendingRead read = fullRead;
        fullRead = null;
        boolean changedMeanwhile = read != null && read.again;
        if (loaded && changedMeanwhile) {
            // the answer may predate an event already applied: applying it would bring an old state back
            log.debug("local processes changed while they were read: reading them again");
            readAll(read.reason);
            return;
        }
        SupvisorsInstance local = context.instances().local();
        List<ProcessSnapshot> snapshots = snapshots(processes);
        context.loadInstance(local, snapshots);
        log.info(snapshots.size() + " local processes " + (loaded ? "reloaded" : "loaded"));
        if (loaded) {
            peers.publishProcesses(Optional.empty(), snapshots);
        }
        loaded = true;
        groupObserver.accept(Optional.empty());
        effects.emit(new org.supvisors.core.effect.WriteDisabilities(disabilities));
        if (local.state() == InstanceState.CHECKING) {
            local.setState(InstanceState.CHECKED, clock.monotonic());
            log.info("local instance " + local.identity() + " is CHECKED");
            peers.onLocalProcessesLoaded();
        }
        if (changedMeanwhile) {
            // the events that came during the first read were not applied (nothing was loaded yet)
            readAll("events during the first read");
        }
    }

    /** The processes of a group of the local supervisord, read after the group was added. */
    public void onGroup(String group, List<LocalProcess> processes) {
        PendingRead read = groupReads.remove(group);
        if (read != null && read.again) {
            // the answer may predate an event of the group already applied: applying it would bring an old state
            readGroup(group);
            return;
        }
        if (!loaded) {
            return;
        }
        List<ProcessSnapshot> snapshots = snapshots(processes);
        context.loadGroup(context.instances().local(), group, snapshots);
        log.info("group " + group + " loaded with " + snapshots.size() + " process(es)");
        peers.publishProcesses(Optional.of(group), snapshots);
        effects.emit(new org.supvisors.core.effect.WriteDisabilities(disabilities));
    }

    /** One process of the local supervisord, read for the spawn error that its last event did not carry. */
    public void onProcessRefreshed(LocalProcess refreshed) {
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
                peers.publishProcessEvent(event);
            }
        });
    }

    /** supervisord dropped events of the listener (buffer overflow): everything is read again. */
    public void onEventsLost(String why) {
        log.warn("events of the local supervisord were lost (" + why + "): reloading its processes");
        readAll("events lost");
    }

    /** An event of the local supervisord, received by the event listener. */
    public void onEvent(SupervisordEvent event) {
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
    }

    private void onProcessState(ProcessStateEvent event) {
        String namespec = event.namespec();
        if (namespec.equals(agentNamespec)) {
            return;
        }
        changedWhileReadingAll();
        if (!loaded) {
            return;
        }
        SupvisorsInstance local = context.instances().local();
        Optional<ProcessStatus> process = local.process(namespec);
        if (process.isEmpty()) {
            log.debug("event for " + namespec + " unknown locally: reading its group " + event.group());
            readGroup(event.group());
            return;
        }
        changedWhileRead(event.group());
        ProcessState state = event.state();
        boolean expected = state == ProcessState.EXITED ? event.expected() : state != ProcessState.FATAL;
        ProcessEvent change = new ProcessEvent(event.group(), event.name(), state, expected,
                (long) clock.epochTime(), clock.monotonic(), event.pid(), "", process.get().extraArgs());
        context.applyEvent(local, change);
        peers.publishProcessEvent(change);
        log.debug(() -> "process " + namespec + " is " + state + " locally");
        if (state == ProcessState.STARTING && isDisabled(process.get())) {
            log.warn("process " + namespec + " is disabled but was started behind Supvisors' back: stopping it");
            effects.emit(new org.supvisors.core.effect.StopLocalProcess(namespec));
        }
        if (state == ProcessState.BACKOFF || state == ProcessState.FATAL) {
            effects.emit(new RefreshLocalProcess(namespec));
        }
    }

    private void onProcessGroup(ProcessGroupEvent event) {
        changedWhileReadingAll();
        if (!loaded) {
            return;
        }
        if (event.added()) {
            if (knownLocally(event.group()) && !groupReads.containsKey(event.group())) {
                // supervisord cannot add a group it has: the group was added before the read that loaded it (the
                // events of supervisord's start reach the agent after its first read); a group removed and added
                // again is unknown here once its removal is applied
                log.debug("group " + event.group() + " added before it was read: nothing to read");
            } else {
                readGroup(event.group());
            }
        } else {
            changedWhileRead(event.group());
            List<ProcessStatus> removed = context.removeGroup(context.instances().local(), event.group());
            log.info("group " + event.group() + " removed with " + removed.size() + " process(es)");
            peers.publishProcesses(Optional.of(event.group()), List.of());
            groupObserver.accept(Optional.of(event.group()));
        }
    }

    private boolean knownLocally(String group) {
        return context.instances().local().processes().stream().anyMatch(p -> p.applicationName().equals(group));
    }

    private void onSupervisorState(SupervisorStateEvent event) {
        if (event.running()) {
            // supervisord is RUNNING before it spawns the agent, and a supervisord that restarts restarts the agent:
            // this event, queued since supervisord's start, comes after the first read and changes nothing
            log.info("supervisord is RUNNING");
        } else {
            log.info("supervisord is STOPPING");
        }
    }

    /**
     * Reads every process of the local supervisord, once at a time: asked again while a read is under way, nothing
     * more is asked (the read under way answers both), unless it has not been answered for
     * {@value #FULL_READ_TIMEOUT} s. An event that comes during the read marks it: the answer may predate the event.
     */
    private void readAll(String reason) {
        double now = clock.monotonic();
        if (fullRead != null && now - fullRead.since < FULL_READ_TIMEOUT) {
            return;
        }
        fullRead = new PendingRead(now, reason);
        effects.emit(new LoadLocalProcesses(reason));
    }

    private void changedWhileReadingAll() {
        if (fullRead != null) {
            fullRead.again = true;
        }
    }

    private static final double FULL_READ_TIMEOUT = 30.0;
    private static final double WAIT_EXIT_POKE_SECONDS = 30.0;

    /**
     * Reads a group of the local supervisord, once at a time: asked again while a read is under way, it is read
     * again after that read is answered (a read that has not been answered for {@value #GROUP_READ_TIMEOUT} s is
     * given up).
     */
    private void readGroup(String group) {
        PendingRead read = groupReads.get(group);
        double now = clock.monotonic();
        if (read != null && now - read.since < GROUP_READ_TIMEOUT) {
            read.again = true;
            return;
        }
        groupReads.put(group, new PendingRead(now, "group " + group));
        effects.emit(new LoadLocalGroup(group));
    }

    /** Something changed in a group being read: the answer may predate it, so the group is read again after. */
    private void changedWhileRead(String group) {
        PendingRead read = groupReads.get(group);
        if (read != null) {
            read.again = true;
        }
    }

    private static final double GROUP_READ_TIMEOUT = 10.0;

    /**
     * A read of supervisord under way (every process, or one group), for {@code reason}; {@code again} once
     * something changed meanwhile or the read was asked again: its answer may be older than the model.
     */
    private static final class PendingRead {
        final double since;
        final String reason;
        boolean again;

        PendingRead(double since, String reason) {
            this.since = since;
            this.reason = reason;
        }
    }

    private List<ProcessSnapshot> snapshots(List<LocalProcess> processes) {
        double now = clock.monotonic();
        List<ProcessSnapshot> snapshots = new ArrayList<>();
        SupvisorsInstance local = context.instances().local();
        for (LocalProcess process : processes) {
            if (process.namespec().equals(agentNamespec)) {
                continue;
            }
            String extraArgs = local.process(process.namespec()).map(ProcessStatus::extraArgs).orElse("");
            autostart.put(process.namespec(), process.autostart());
            disabilities.putIfAbsent(process.programName(), false);
            snapshots.add(ProcessSnapshot.ofLocal(process, now, extraArgs,
                    disabilities.get(process.programName())));
        }
        return snapshots;
    }
}
