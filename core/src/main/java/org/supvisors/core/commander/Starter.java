package org.supvisors.core.commander;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.supvisors.core.InstanceLog;
import org.supvisors.core.application.ApplicationStatus;
import org.supvisors.core.context.Context;
import org.supvisors.core.instance.InstanceRegistry;
import org.supvisors.core.process.InstanceProcessInfo;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.strategy.Candidate;
import org.supvisors.core.strategy.DistributionRule;
import org.supvisors.core.strategy.Placement;
import org.supvisors.core.strategy.StartingFailureStrategy;
import org.supvisors.core.strategy.StartingStrategy;

/**
 * Starts applications and processes in sequence (state-machines.md §6): applications by start sequence, the
 * lowest first, those of one level in parallel; inside an application, processes by start sequence. Progress is
 * driven by process events; timeouts are checked in ticks of the target instance.
 */
final class Starter {

    private final Context context;
    private final ProcessControl control;
    private final Sequencing sequencing;
    private final InstanceLog log;
    private final TreeMap<Integer, Map<String, ApplicationJob<StartCommand>>> planned = new TreeMap<>();
    private final Map<String, ApplicationJob<StartCommand>> current = new LinkedHashMap<>();

    /** What a finished job asks of the rest of the commander. */
    interface Sequencing extends org.supvisors.core.commander.Sequencing {
        /** The application must be stopped (STOP starting failure strategy). */
        void stopApplication(ApplicationStatus application);
    }

    Starter(Context context, ProcessControl control, Sequencing sequencing, InstanceLog log) {
        this.context = context;
        this.control = control;
        this.sequencing = sequencing;
        this.log = log.forClass(Starter.class);
    }

    boolean hasJobs() {
        return !planned.isEmpty() || !current.isEmpty();
    }

    /** True when the application is in a job of the Starter. */
    boolean involves(String applicationName) {
        return current.containsKey(applicationName)
                || planned.values().stream().anyMatch(level -> level.containsKey(applicationName));
    }

    void abort() {
        planned.clear();
        current.clear();
    }

    // ---- planning

    /**
     * Plans the start of an application: every process with {@code start_sequence > 0}, by process sequence.
     *
     * @return false when nothing can be planned (no process in the start sequence)
     */
    boolean startApplication(StartingStrategy strategy, ApplicationStatus application) {
        SignResolver.resolve(application, context.instances());
        ApplicationJob<StartCommand> job = new ApplicationJob<>(application, false, true);
        for (ProcessStatus process : application.processes()) {
            if (process.rules().startSequence() > 0) {
                job.plan(process.rules().startSequence(), new StartCommand(process, strategy, process.extraArgs(),
                        process.rules().waitExit()));
            }
        }
        if (job.planned.isEmpty()) {
            log.warn("application " + application.name() + " has no valid start_sequence: nothing to start");
            return false;
        }
        removeJob(application.name());
        planned.computeIfAbsent(application.rules().startSequence(), k -> new LinkedHashMap<>())
                .put(application.name(), job);
        log.info("start of application " + application.name() + " planned (" + strategy + ")");
        return true;
    }

    /** Plans the start of one process, merged into a job of its application if there is one. */
    void startProcess(StartingStrategy strategy, ProcessStatus process, String extraArgs) {
        ApplicationStatus application = context.application(process.applicationName()).orElseThrow();
        ApplicationJob<StartCommand> job = findJob(application.name());
        if (job == null) {
            job = new ApplicationJob<>(application, false, false);
            planned.computeIfAbsent(application.rules().startSequence(), k -> new LinkedHashMap<>())
                    .put(application.name(), job);
        }
        for (StartCommand existing : job.all()) {
            if (existing.process == process) {
                return;
            }
        }
        StartCommand command = new StartCommand(process, strategy, extraArgs, false);
        log.info("start of process " + process.namespec() + " planned (" + strategy + ")");
        if (current.get(application.name()) == job && !job.inProgress.isEmpty()
                && Integer.valueOf(process.rules().startSequence()).equals(job.currentSequence)) {
            // same sequence as the group in progress: it starts with it, in parallel
            launch(job, command);
        } else {
            job.plan(process.rules().startSequence(), command);
        }
    }

    // ---- progress

    /** Moves on: takes the next level when the current one is done, and the next group of each job. */
    void progress() {
        while (true) {
            if (current.isEmpty()) {
                Map.Entry<Integer, Map<String, ApplicationJob<StartCommand>>> next = planned.pollFirstEntry();
                if (next == null) {
                    return;
                }
                current.putAll(next.getValue());
            }
            for (ApplicationJob<StartCommand> job : new ArrayList<>(current.values())) {
                advance(job);
            }
            finishJobs();
            if (!current.isEmpty()) {
                return;
            }
        }
    }

    private void advance(ApplicationJob<StartCommand> job) {
        while (job.inProgress.isEmpty() && !job.planned.isEmpty()) {
            if (job.distributionTargets == null
                    && job.application.rules().distribution() != DistributionRule.ALL_INSTANCES) {
                chooseDistribution(job);
            }
            for (StartCommand command : job.nextGroup()) {
                launch(job, command);
            }
        }
    }

    /** Places a command and sends it, or fails it when nothing can take it. */
    private void launch(ApplicationJob<StartCommand> job, StartCommand command) {
        if (!command.process.isStopped()) {
            log.debug(() -> "start of " + command.process.namespec() + " skipped: it is " + command.process.state());
            return;
        }
        Optional<String> target = choose(job, command);
        if (target.isEmpty()) {
            log.warn("no instance can take " + command.process.namespec() + " (" + command.strategy + ", load "
                    + command.load() + "): FATAL");
            control.force(command.process, "", ProcessState.FATAL, "No resource available");
            onStartFailure(job, command);
            return;
        }
        command.target = target.get();
        command.reference = sequencing.tickCounter(command.target);
        job.inProgress.add(command);
        log.info("start of " + command.process.namespec() + " on " + command.target);
        control.start(command.target, command.process, command.extraArgs);
    }

    /** The instance that takes a command, considering the pending load of every start in progress. */
    private Optional<String> choose(ApplicationJob<StartCommand> job, StartCommand command) {
        List<String> possible = job.distributionTargets != null
                ? Loads.configuredIn(command.process, job.distributionTargets)
                : Loads.possibleIdentifiers(command.process, context.instances());
        List<Candidate> candidates = Loads.candidates(context.instances(), possible, pendingLoads());
        return Placement.of(command.strategy).choose(candidates, command.load(), sequencing.localIdentifier());
    }

    /** True when {@code strategy} would find an instance for the process now. */
    boolean placeable(StartingStrategy strategy, ProcessStatus process) {
        List<Candidate> candidates = Loads.candidates(context.instances(),
                Loads.possibleIdentifiers(process, context.instances()), pendingLoads());
        return Placement.of(strategy).choose(candidates, process.rules().expectedLoading(),
                sequencing.localIdentifier()).isPresent();
    }

    /**
     * SINGLE_INSTANCE / SINGLE_NODE: the instance (or the node) taking every process of the application, the
     * whole of it or some of its processes (start_process, a restart after a failure).
     */
    private void chooseDistribution(ApplicationJob<StartCommand> job) {
        ApplicationStatus application = job.application;
        int load = 0;
        for (StartCommand command : job.all()) {
            load += command.load();
        }
        StartingStrategy strategy = job.all().isEmpty() ? application.rules().startingStrategy()
                : job.all().get(0).strategy;
        job.distributionTargets = distributionTargets(application, load, strategy, context.instances(),
                pendingLoads(), sequencing.localIdentifier());
        log.info("application " + application.name() + " " + application.rules().distribution() + " on "
                + job.distributionTargets);
    }

    /**
     * The instances that may take processes of a SINGLE_INSTANCE (one) or SINGLE_NODE (those of one node)
     * application, {@code load} being what is started: where the application already runs when some of its
     * processes do (it is not split; 0.19 chooses again as for a stopped application), otherwise as
     * {@link #freshDistributionTargets} chooses.
     */
    static List<String> distributionTargets(ApplicationStatus application, int load, StartingStrategy strategy,
                                            InstanceRegistry registry, Map<String, Integer> pending,
                                            String localIdentifier) {
        for (org.supvisors.core.process.ProcessStatus process : application.processes()) {
            for (String running : process.runningIdentifiers()) {
                if (application.rules().distribution() == DistributionRule.SINGLE_INSTANCE) {
                    return List.of(running);
                }
                String node = Loads.node(registry.require(running));
                List<String> sameNode = new ArrayList<>();
                registry.all().forEach(i -> {
                    if (Loads.node(i).equals(node)) {
                        sameNode.add(i.identifier());
                    }
                });
                return sameNode;
            }
        }
        return freshDistributionTargets(application, load, strategy, registry, pending, localIdentifier);
    }

    /**
     * The instances that may take a stopped SINGLE_INSTANCE (one) or SINGLE_NODE (those of one node) application of
     * the given total load: among its identifiers, where every process of it is configured and enabled, as the
     * strategy chooses; empty when none can.
     */
    private static List<String> freshDistributionTargets(ApplicationStatus application, int load,
                                                         StartingStrategy strategy, InstanceRegistry registry,
                                                         Map<String, Integer> pending, String localIdentifier) {
        List<String> identifiers = application.rules().identifiers().contains("*")
                ? allIdentifiers(registry) : registry.resolveInOrder(application.rules().identifiers());
        List<String> candidates = new ArrayList<>();
        if (application.rules().distribution() == DistributionRule.SINGLE_INSTANCE) {
            for (String identifier : identifiers) {
                boolean everywhere = application.processes().stream().allMatch(p ->
                        p.info(identifier).map(info -> !info.disabled()).orElse(false));
                if (everywhere) {
                    candidates.add(identifier);
                }
            }
        } else {
            Map<String, List<String>> byNode = new LinkedHashMap<>();
            for (String identifier : identifiers) {
                registry.get(identifier).ifPresent(i -> byNode.computeIfAbsent(Loads.node(i),
                        k -> new ArrayList<>()).add(identifier));
            }
            for (List<String> node : byNode.values()) {
                boolean solution = application.processes().stream().allMatch(p -> node.stream().anyMatch(id ->
                        p.info(id).map(info -> !info.disabled()).orElse(false)));
                if (solution) {
                    candidates.addAll(node);
                }
            }
        }
        Optional<String> chosen = Placement.of(strategy).choose(Loads.candidates(registry, candidates, pending), load,
                localIdentifier);
        if (chosen.isEmpty()) {
            return List.of();
        }
        if (application.rules().distribution() == DistributionRule.SINGLE_INSTANCE) {
            return List.of(chosen.get());
        }
        String node = Loads.node(registry.require(chosen.get()));
        List<String> sameNode = new ArrayList<>();
        for (String identifier : candidates) {
            if (Loads.node(registry.require(identifier)).equals(node)) {
                sameNode.add(identifier);
            }
        }
        return sameNode;
    }

    private static List<String> allIdentifiers(InstanceRegistry registry) {
        List<String> all = new ArrayList<>();
        registry.all().forEach(i -> all.add(i.identifier()));
        return all;
    }

    /**
     * The load of the starts in progress (and of planned ones already targeted), per target, while their process
     * is still stopped-like: 0.19 counts only the same job's; every start job counts here.
     */
    Map<String, Integer> pendingLoads() {
        Map<String, Integer> pending = new HashMap<>();
        List<ApplicationJob<StartCommand>> jobs = new ArrayList<>(current.values());
        planned.values().forEach(level -> jobs.addAll(level.values()));
        for (ApplicationJob<StartCommand> job : jobs) {
            for (StartCommand command : job.all()) {
                if (command.target != null && !command.process.isRunningOn(command.target)) {
                    pending.merge(command.target, command.load(), Integer::sum);
                }
            }
        }
        return pending;
    }

    /** A process changed on an instance: the commands waiting for it move on. */
    void onEvent(ProcessStatus process, String identifier) {
        for (ApplicationJob<StartCommand> job : new ArrayList<>(current.values())) {
            Iterator<StartCommand> iterator = job.inProgress.iterator();
            while (iterator.hasNext()) {
                StartCommand command = iterator.next();
                if (command.process != process || !identifier.equals(command.target)) {
                    continue;
                }
                Optional<InstanceProcessInfo> info = process.info(identifier);
                ProcessState state = info.map(InstanceProcessInfo::state).orElse(ProcessState.UNKNOWN);
                switch (state) {
                    case STARTING:
                        command.starting = true;
                        break;
                    case BACKOFF:
                        command.starting = true;
                        command.reference = sequencing.tickCounter(identifier);
                        break;
                    case RUNNING:
                        if (!command.waitExit) {
                            iterator.remove();
                            log.info(process.namespec() + " started on " + identifier);
                        }
                        break;
                    case EXITED:
                        iterator.remove();
                        if (command.waitExit && info.get().expected()) {
                            log.info(process.namespec() + " exited as expected on " + identifier);
                        } else {
                            log.warn(process.namespec() + " exited unexpectedly while starting on " + identifier);
                            onStartFailure(job, command);
                        }
                        break;
                    default:
                        iterator.remove();
                        log.warn(process.namespec() + " failed to start on " + identifier + " (" + state + ")");
                        onStartFailure(job, command);
                        break;
                }
            }
        }
        progress();
    }

    /** Periodic check: RUNNING states crossed with the command, and the timeouts (in ticks of the target). */
    void check() {
        int margin = Math.max(2, (int) context.instances().all().stream()
                .filter(i -> i.state() != org.supvisors.core.instance.InstanceState.ISOLATED).count() / 10);
        for (ApplicationJob<StartCommand> job : new ArrayList<>(current.values())) {
            Iterator<StartCommand> iterator = job.inProgress.iterator();
            while (iterator.hasNext()) {
                StartCommand command = iterator.next();
                Optional<InstanceProcessInfo> info = command.process.info(command.target);
                ProcessState state = info.map(InstanceProcessInfo::state).orElse(ProcessState.UNKNOWN);
                if (state == ProcessState.RUNNING && !command.waitExit) {
                    iterator.remove();
                    continue;
                }
                long elapsed = sequencing.tickCounter(command.target) - command.reference;
                int startsecs = info.map(InstanceProcessInfo::startsecs).orElse(1);
                int wait = (int) Math.ceil(startsecs / 5.0) + margin;
                String reason = null;
                if (!command.starting && state.isStopped() && elapsed > margin) {
                    reason = "process STARTING event not received in time";
                } else if ((command.starting || state.isRunning()) && state != ProcessState.RUNNING
                        && elapsed > wait) {
                    reason = "process RUNNING event not received in time";
                }
                if (reason != null) {
                    iterator.remove();
                    log.warn(command.process.namespec() + " on " + command.target + ": " + reason);
                    control.force(command.process, command.target, ProcessState.FATAL, reason);
                }
            }
        }
        progress();
    }

    /**
     * Instances were lost: their commands in progress fail (starting failures).
     *
     * @return the processes of those commands (not lost processes: they failed to start)
     */
    List<ProcessStatus> onInstancesLost(List<String> identifiers) {
        List<ProcessStatus> failed = new ArrayList<>();
        for (ApplicationJob<StartCommand> job : new ArrayList<>(current.values())) {
            Iterator<StartCommand> iterator = job.inProgress.iterator();
            while (iterator.hasNext()) {
                StartCommand command = iterator.next();
                if (identifiers.contains(command.target)) {
                    iterator.remove();
                    failed.add(command.process);
                    onStartFailure(job, command);
                }
            }
        }
        progress();
        return failed;
    }

    /** The processes planned or in progress (the failure handler leaves them to the Starter). */
    List<ProcessStatus> processes() {
        List<ProcessStatus> all = new ArrayList<>();
        current.values().forEach(job -> job.all().forEach(c -> all.add(c.process)));
        planned.values().forEach(level -> level.values().forEach(job -> job.all().forEach(c -> all.add(c.process))));
        return all;
    }

    private void onStartFailure(ApplicationJob<StartCommand> job, StartCommand command) {
        if (!command.process.rules().required() || !job.wholeApplication) {
            return;
        }
        StartingFailureStrategy strategy = command.process.rules().startingFailureStrategy();
        switch (strategy) {
            case ABORT:
                log.warn("application " + job.application.name() + " start aborted: " + command.process.namespec()
                        + " is required");
                job.planned.clear();
                break;
            case STOP:
                log.warn("application " + job.application.name() + " start aborted and to be stopped: "
                        + command.process.namespec() + " is required");
                job.planned.clear();
                job.stopWhenFinished = true;
                break;
            case CONTINUE:
            default:
                break;
        }
    }

    private void finishJobs() {
        Iterator<ApplicationJob<StartCommand>> iterator = current.values().iterator();
        while (iterator.hasNext()) {
            ApplicationJob<StartCommand> job = iterator.next();
            if (job.isFinished()) {
                iterator.remove();
                log.debug(() -> "start job of " + job.application.name() + " finished");
                if (job.stopWhenFinished) {
                    sequencing.stopApplication(job.application);
                }
            }
        }
    }

    private ApplicationJob<StartCommand> findJob(String applicationName) {
        ApplicationJob<StartCommand> job = current.get(applicationName);
        if (job != null) {
            return job;
        }
        for (Map<String, ApplicationJob<StartCommand>> level : planned.values()) {
            job = level.get(applicationName);
            if (job != null) {
                return job;
            }
        }
        return null;
    }

    private void removeJob(String applicationName) {
        for (Map<String, ApplicationJob<StartCommand>> level : planned.values()) {
            level.remove(applicationName);
        }
        planned.values().removeIf(Map::isEmpty);
    }
}
