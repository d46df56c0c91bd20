package org.supvisors.core.commander;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.supvisors.core.InstanceLog;
import org.supvisors.core.application.ApplicationStatus;
import org.supvisors.core.context.Context;
import org.supvisors.core.process.InstanceProcessInfo;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.strategy.ConciliationStrategy;
import org.supvisors.core.strategy.RunningFailureStrategy;
import org.supvisors.core.strategy.StartingStrategy;

/**
 * The Starter and the Stopper (state-machines.md §6), and what links them: restarts (a start planned once the
 * stop of the application is done) and the stop of an application whose start failed with the STOP strategy.
 */
public final class Commander {

    private final Context context;
    private final Starter starter;
    private final Stopper stopper;
    private final FailureHandler failureHandler;
    private final Conciliator conciliator;
    private final InstanceLog log;
    private final Sequencing sequencing;
    /** Applications to start once their stop is done, with the strategy. */
    private final Map<String, StartingStrategy> pendingApplicationStarts = new HashMap<>();
    /** Processes to start once the stop job of their application is done. */
    private final Map<ProcessStatus, Restart> pendingProcessStarts = new HashMap<>();

    private record Restart(StartingStrategy strategy, String extraArgs) {
    }

    public Commander(Context context, ProcessControl control, Sequencing sequencing, InstanceLog log) {
        this.context = context;
        this.log = log.forClass(Commander.class);
        this.sequencing = sequencing;
        Starter.Sequencing withStop = new Starter.Sequencing() {
            @Override
            public void stopApplication(ApplicationStatus application) {
                Commander.this.stopApplication(application);
            }

            @Override
            public long tickCounter(String identifier) {
                return sequencing.tickCounter(identifier);
            }

            @Override
            public String localIdentifier() {
                return sequencing.localIdentifier();
            }
        };
        this.starter = new Starter(context, control, withStop, log);
        this.stopper = new Stopper(context, control, withStop, log);
        this.stopper.onApplicationStopped(this::onApplicationStopped);
        this.failureHandler = new FailureHandler(context, this, log);
        this.conciliator = new Conciliator(context, this, failureHandler, log);
    }

    /** True while the Starter has planned or in-progress commands. */
    public boolean hasStartingJobs() {
        return starter.hasJobs();
    }

    /** True while the Stopper has planned or in-progress commands. */
    public boolean hasStoppingJobs() {
        return stopper.hasJobs();
    }

    /** True when an application is in a job of the Starter or of the Stopper. */
    public boolean involves(String applicationName) {
        return starter.involves(applicationName) || stopper.involves(applicationName);
    }

    /** Drops every job (entry in SYNCHRONIZATION, ELECTION, RESTARTING, SHUTTING_DOWN). */
    public void abortAll() {
        if (starter.hasJobs() || stopper.hasJobs()) {
            log.warn("jobs in progress aborted");
        }
        starter.abort();
        stopper.abort();
        failureHandler.abort();
        pendingApplicationStarts.clear();
        pendingProcessStarts.clear();
    }

    // ---- automatic actions of the Master

    /**
     * Plans the automatic start (DISTRIBUTION on the Master, {@code restart_sequence}): the managed applications
     * with {@code start_sequence > 0} never started or in failure, each with its default strategy.
     *
     * @return true when something was planned
     */
    public boolean startApplications() {
        boolean any = false;
        for (ApplicationStatus application : context.applications()) {
            if (!application.isManaged() || application.rules().startSequence() <= 0) {
                continue;
            }
            if (neverStarted(application) || application.majorFailure() || application.minorFailure()) {
                any |= starter.startApplication(application.rules().startingStrategy(), application);
            }
        }
        starter.progress();
        return any;
    }

    /** Every process stopped everywhere, never stopped (so never started) anywhere. */
    static boolean neverStarted(ApplicationStatus application) {
        for (ProcessStatus process : application.processes()) {
            for (InstanceProcessInfo info : process.infos()) {
                if (info.state() != ProcessState.STOPPED || info.stop() != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Plans the stop of every application with running processes (RESTARTING / SHUTTING_DOWN on the Master). */
    public boolean stopApplications() {
        boolean any = false;
        for (ApplicationStatus application : context.applications()) {
            any |= stopper.stopApplication(application);
        }
        stopper.progress();
        return any;
    }

    // ---- requests

    /** @return false when the application has no process in its start sequence */
    public boolean startApplication(StartingStrategy strategy, ApplicationStatus application) {
        boolean planned = starter.startApplication(strategy, application);
        starter.progress();
        return planned;
    }

    /** @return false when nothing of the application runs */
    public boolean stopApplication(ApplicationStatus application) {
        pendingApplicationStarts.remove(application.name());
        boolean planned = stopper.stopApplication(application);
        stopper.progress();
        return planned;
    }

    /** Stops the application if something of it runs, and starts it once stopped (or at once). */
    public boolean restartApplication(StartingStrategy strategy, ApplicationStatus application) {
        if (stopper.stopApplication(application)) {
            pendingApplicationStarts.put(application.name(), strategy);
            stopper.progress();
            return true;
        }
        return startApplication(strategy, application);
    }

    /**
     * The predicted outcome of {@link #startApplication}, nothing started ({@code test_start_application}): a
     * structure per process with {@code start_sequence > 0}, sorted by application and process name.
     */
    public List<Map<String, Object>> testStartApplication(StartingStrategy strategy, ApplicationStatus application) {
        return new StartPrediction(context.instances(), starter.pendingLoads(), sequencing.localIdentifier())
                .application(strategy, application);
    }

    /** The predicted outcome of starting processes, nothing started ({@code test_start_process}). */
    public List<Map<String, Object>> testStartProcesses(StartingStrategy strategy, List<ProcessStatus> processes) {
        return new StartPrediction(context.instances(), starter.pendingLoads(), sequencing.localIdentifier())
                .processes(strategy, processes, context::application);
    }

    public void startProcess(StartingStrategy strategy, ProcessStatus process, String extraArgs) {
        starter.startProcess(strategy, process, extraArgs);
        starter.progress();
    }

    /** @return false when it runs nowhere among {@code identifiers} (everywhere when empty) */
    public boolean stopProcess(ProcessStatus process, List<String> identifiers) {
        boolean planned = stopper.stopProcess(process, identifiers);
        stopper.progress();
        return planned;
    }

    /**
     * True when {@code strategy} finds an instance for the process now, considering the pending load of every
     * start job ({@code start_any_process}).
     */
    public boolean canStart(StartingStrategy strategy, ProcessStatus process) {
        return starter.placeable(strategy, process);
    }

    /** Stops the process where it runs, then starts it; or starts it at once if it runs nowhere. */
    public void restartProcess(StartingStrategy strategy, ProcessStatus process, String extraArgs) {
        if (stopper.stopProcess(process, List.of())) {
            pendingProcessStarts.put(process, new Restart(strategy, extraArgs));
            stopper.progress();
        } else {
            startProcess(strategy, process, extraArgs);
        }
    }

    // ---- progress

    /** A process changed on an instance. */
    public void onProcessEvent(ProcessStatus process, String identifier) {
        starter.onEvent(process, identifier);
        stopper.onEvent(process, identifier);
    }

    /** The periodic check of each evaluation: timeouts, crossed events, the failure jobs. */
    public void check() {
        starter.check();
        stopper.check();
        if (failureHandler.hasJobs()) {
            failureHandler.trigger();
        }
    }

    /** Processes lost with their instance (Master, DISTRIBUTION or OPERATION): their running failure strategy. */
    public void onLostProcesses(List<ProcessStatus> lost) {
        List<ProcessStatus> inJobs = processesInJobs();
        for (ProcessStatus process : lost) {
            if (!inJobs.contains(process)) {
                failureHandler.add(process);
            }
        }
        failureHandler.trigger();
    }

    /**
     * A process crashed (Master only): STOP_APPLICATION and RESTART_APPLICATION make a failure job, unless the
     * state is forced; RESTART and SHUTDOWN are the state machine's business (returned); the others are
     * supervisord's ({@code autorestart}).
     */
    public RunningFailureStrategy onCrash(ProcessStatus process) {
        RunningFailureStrategy strategy = process.rules().runningFailureStrategy();
        if ((strategy == RunningFailureStrategy.STOP_APPLICATION
                || strategy == RunningFailureStrategy.RESTART_APPLICATION) && process.forcedState().isEmpty()) {
            failureHandler.add(process);
            failureHandler.trigger();
        }
        return strategy;
    }

    /** Applies a conciliation strategy to the current conflicts. */
    public void conciliate(ConciliationStrategy strategy) {
        conciliator.conciliate(strategy, context.conflicts());
    }

    /** The default starting strategy of the application of a process. */
    StartingStrategy defaultStrategy(ProcessStatus process) {
        return context.application(process.applicationName()).map(a -> a.rules().startingStrategy())
                .orElse(StartingStrategy.CONFIG);
    }

    /**
     * Instances were lost: commands on them fail.
     *
     * @return the processes whose start failed with them (they are not lost processes)
     */
    public List<ProcessStatus> onInstancesLost(List<String> identifiers) {
        stopper.onInstancesLost(identifiers);
        return starter.onInstancesLost(identifiers);
    }

    /** The processes in a job of the Starter or of the Stopper. */
    public List<ProcessStatus> processesInJobs() {
        List<ProcessStatus> all = new ArrayList<>(starter.processes());
        all.addAll(stopper.processes());
        return all;
    }

    private void onApplicationStopped(ApplicationStatus application) {
        StartingStrategy strategy = pendingApplicationStarts.remove(application.name());
        if (strategy != null) {
            log.info("application " + application.name() + " stopped: starting it again");
            starter.startApplication(strategy, application);
        }
        for (ProcessStatus process : new ArrayList<>(pendingProcessStarts.keySet())) {
            if (process.applicationName().equals(application.name())) {
                Restart restart = pendingProcessStarts.remove(process);
                starter.startProcess(restart.strategy(), process, restart.extraArgs());
            }
        }
        starter.progress();
    }
}
