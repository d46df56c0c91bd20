package org.supvisors.core.commander;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.supvisors.core.InstanceLog;
import org.supvisors.core.application.ApplicationStatus;
import org.supvisors.core.context.Context;
import org.supvisors.core.instance.InstanceState;
import org.supvisors.core.process.InstanceProcessInfo;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.process.ProcessStatus;

/**
 * Stops applications and processes in sequence (state-machines.md §6.4): applications by stop sequence, the
 * greatest first, those of one level in parallel; inside an application, processes by stop sequence, the greatest
 * first. A stop that times out forces STOPPED.
 */
final class Stopper {

    private final Context context;
    private final ProcessControl control;
    private final Starter.Sequencing sequencing;
    private final InstanceLog log;
    private final TreeMap<Integer, Map<String, ApplicationJob<StopCommand>>> planned =
            new TreeMap<>(java.util.Comparator.reverseOrder());
    private final Map<String, ApplicationJob<StopCommand>> current = new LinkedHashMap<>();
    private Consumer<ApplicationStatus> onApplicationStopped = application -> { };

    Stopper(Context context, ProcessControl control, Starter.Sequencing sequencing, InstanceLog log) {
        this.context = context;
        this.control = control;
        this.sequencing = sequencing;
        this.log = log.forClass(Stopper.class);
    }

    /** Called when the stop job of an application is finished (a pending restart then starts it). */
    void onApplicationStopped(Consumer<ApplicationStatus> callback) {
        this.onApplicationStopped = callback;
    }

    boolean hasJobs() {
        return !planned.isEmpty() || !current.isEmpty();
    }

    boolean involves(String applicationName) {
        return current.containsKey(applicationName)
                || planned.values().stream().anyMatch(level -> level.containsKey(applicationName));
    }

    void abort() {
        planned.clear();
        current.clear();
    }

    /**
     * Plans the stop of an application: every process, on every instance where it runs, by process stop sequence.
     *
     * @return false when nothing runs
     */
    boolean stopApplication(ApplicationStatus application) {
        ApplicationJob<StopCommand> job = jobFor(application);
        boolean any = false;
        for (ProcessStatus process : application.processes()) {
            for (String identifier : process.runningIdentifiers()) {
                if (addCommand(job, process, identifier)) {
                    any = true;
                }
            }
        }
        if (any) {
            log.info("stop of application " + application.name() + " planned");
        } else {
            dropIfEmpty(application.name());
        }
        return any;
    }

    /** Plans the stop of a process on the given instances (all those where it runs when empty). */
    boolean stopProcess(ProcessStatus process, List<String> identifiers) {
        ApplicationStatus application = context.application(process.applicationName()).orElseThrow();
        ApplicationJob<StopCommand> job = jobFor(application);
        boolean any = false;
        for (String identifier : identifiers.isEmpty() ? new ArrayList<>(process.runningIdentifiers()) : identifiers) {
            if (addCommand(job, process, identifier)) {
                any = true;
            }
        }
        if (!any) {
            dropIfEmpty(application.name());
        }
        return any;
    }

    private boolean addCommand(ApplicationJob<StopCommand> job, ProcessStatus process, String identifier) {
        for (StopCommand existing : job.all()) {
            if (existing.process == process && existing.target.equals(identifier)) {
                return false;
            }
        }
        job.plan(process.rules().stopSequence(), new StopCommand(process, identifier));
        return true;
    }

    private ApplicationJob<StopCommand> jobFor(ApplicationStatus application) {
        ApplicationJob<StopCommand> job = current.get(application.name());
        if (job != null) {
            return job;
        }
        for (Map<String, ApplicationJob<StopCommand>> level : planned.values()) {
            job = level.get(application.name());
            if (job != null) {
                return job;
            }
        }
        job = new ApplicationJob<>(application, true, true);
        planned.computeIfAbsent(application.rules().stopSequence(), k -> new LinkedHashMap<>())
                .put(application.name(), job);
        return job;
    }

    private void dropIfEmpty(String applicationName) {
        for (Map<String, ApplicationJob<StopCommand>> level : planned.values()) {
            ApplicationJob<StopCommand> job = level.get(applicationName);
            if (job != null && job.isFinished()) {
                level.remove(applicationName);
            }
        }
        planned.values().removeIf(Map::isEmpty);
    }

    // ---- progress

    void progress() {
        while (true) {
            if (current.isEmpty()) {
                Map.Entry<Integer, Map<String, ApplicationJob<StopCommand>>> next = planned.pollFirstEntry();
                if (next == null) {
                    return;
                }
                current.putAll(next.getValue());
            }
            for (ApplicationJob<StopCommand> job : new ArrayList<>(current.values())) {
                advance(job);
            }
            finishJobs();
            if (!current.isEmpty()) {
                return;
            }
        }
    }

    private void advance(ApplicationJob<StopCommand> job) {
        while (job.inProgress.isEmpty() && !job.planned.isEmpty()) {
            for (StopCommand command : job.nextGroup()) {
                ProcessState state = command.process.info(command.target).map(InstanceProcessInfo::state)
                        .orElse(ProcessState.UNKNOWN);
                boolean active = context.instances().get(command.target).map(i -> i.state().isActive())
                        .orElse(false);
                if (!state.isRunning() || !active) {
                    continue;
                }
                command.reference = sequencing.tickCounter(command.target);
                job.inProgress.add(command);
                log.info("stop of " + command.process.namespec() + " on " + command.target);
                control.stop(command.target, command.process);
            }
        }
    }

    void onEvent(ProcessStatus process, String identifier) {
        for (ApplicationJob<StopCommand> job : new ArrayList<>(current.values())) {
            Iterator<StopCommand> iterator = job.inProgress.iterator();
            while (iterator.hasNext()) {
                StopCommand command = iterator.next();
                if (command.process != process || !identifier.equals(command.target)) {
                    continue;
                }
                ProcessState state = process.info(identifier).map(InstanceProcessInfo::state)
                        .orElse(ProcessState.UNKNOWN);
                if (state.isStopped()) {
                    iterator.remove();
                    log.info(process.namespec() + " stopped on " + identifier);
                } else if (state == ProcessState.STOPPING) {
                    command.stopping = true;
                }
            }
        }
        progress();
    }

    void check() {
        int margin = Math.max(2, (int) context.instances().all().stream()
                .filter(i -> i.state() != InstanceState.ISOLATED).count() / 10);
        for (ApplicationJob<StopCommand> job : new ArrayList<>(current.values())) {
            Iterator<StopCommand> iterator = job.inProgress.iterator();
            while (iterator.hasNext()) {
                StopCommand command = iterator.next();
                Optional<InstanceProcessInfo> info = command.process.info(command.target);
                ProcessState state = info.map(InstanceProcessInfo::state).orElse(ProcessState.UNKNOWN);
                if (state.isStopped()) {
                    iterator.remove();
                    continue;
                }
                long elapsed = sequencing.tickCounter(command.target) - command.reference;
                int stopwaitsecs = info.map(InstanceProcessInfo::stopwaitsecs).orElse(10);
                String reason = null;
                if (!command.stopping && state != ProcessState.STOPPING && elapsed > margin) {
                    reason = "process STOPPING event not received in time";
                } else if (elapsed > (int) Math.ceil(stopwaitsecs / 5.0) + margin) {
                    reason = "process STOPPED event not received in time";
                }
                if (reason != null) {
                    iterator.remove();
                    log.warn(command.process.namespec() + " on " + command.target + ": " + reason);
                    control.force(command.process, command.target, ProcessState.STOPPED, reason);
                }
            }
        }
        progress();
    }

    /** Instances were lost: their stop commands are done (nothing runs there any more). */
    void onInstancesLost(List<String> identifiers) {
        for (ApplicationJob<StopCommand> job : new ArrayList<>(current.values())) {
            job.inProgress.removeIf(command -> identifiers.contains(command.target));
        }
        progress();
    }

    List<ProcessStatus> processes() {
        List<ProcessStatus> all = new ArrayList<>();
        current.values().forEach(job -> job.all().forEach(c -> all.add(c.process)));
        planned.values().forEach(level -> level.values().forEach(job -> job.all().forEach(c -> all.add(c.process))));
        return all;
    }

    private void finishJobs() {
        Iterator<ApplicationJob<StopCommand>> iterator = current.values().iterator();
        List<ApplicationStatus> stopped = new ArrayList<>();
        while (iterator.hasNext()) {
            ApplicationJob<StopCommand> job = iterator.next();
            if (job.isFinished()) {
                iterator.remove();
                stopped.add(job.application);
            }
        }
        stopped.forEach(onApplicationStopped);
    }
}
