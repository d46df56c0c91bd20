package org.supvisors.core.commander;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.supvisors.core.InstanceLog;
import org.supvisors.core.application.ApplicationState;
import org.supvisors.core.application.ApplicationStatus;
import org.supvisors.core.context.Context;
import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.strategy.RunningFailureStrategy;

/**
 * The running failure strategies of the processes lost with their instance (or crashed, for the application
 * strategies), on the Master (state-machines.md §7.4): four sets of jobs with precedence, triggered when the
 * applications concerned are in no job of the Starter or Stopper.
 */
final class FailureHandler {

    private final Context context;
    private final Commander commander;
    private final InstanceLog log;
    private final Set<String> stopApplications = new LinkedHashSet<>();
    private final Set<String> restartApplications = new LinkedHashSet<>();
    private final Map<ProcessStatus, String> restartProcesses = new LinkedHashMap<>();
    private final Set<ProcessStatus> continues = new LinkedHashSet<>();

    FailureHandler(Context context, Commander commander, InstanceLog log) {
        this.context = context;
        this.commander = commander;
        this.log = log.forClass(FailureHandler.class);
    }

    boolean hasJobs() {
        return !stopApplications.isEmpty() || !restartApplications.isEmpty() || !restartProcesses.isEmpty()
                || !continues.isEmpty();
    }

    void abort() {
        stopApplications.clear();
        restartApplications.clear();
        restartProcesses.clear();
        continues.clear();
    }

    /** Adds the job that the process's running failure strategy calls for, with 0.19's precedence rules. */
    void add(ProcessStatus process) {
        String application = process.applicationName();
        RunningFailureStrategy strategy = process.rules().runningFailureStrategy();
        switch (strategy) {
            case STOP_APPLICATION:
                stopApplications.add(application);
                restartApplications.remove(application);
                restartProcesses.keySet().removeIf(p -> p.applicationName().equals(application));
                continues.removeIf(p -> p.applicationName().equals(application));
                break;
            case RESTART_APPLICATION:
                addRestartApplication(application);
                break;
            case RESTART_PROCESS:
                if (stopApplications.contains(application)
                        || (restartApplications.contains(application) && inStartSequence(process))) {
                    break;
                }
                restartProcesses.put(process, process.extraArgs());
                continues.remove(process);
                // restarting the whole stopped application is preferred to uncorrelated process restarts
                context.application(application).filter(a -> a.state() == ApplicationState.STOPPED)
                        .filter(a -> inStartSequence(process)).ifPresent(a -> addRestartApplication(application));
                break;
            case CONTINUE:
                if (!stopApplications.contains(application) && !restartProcesses.containsKey(process)) {
                    continues.add(process);
                }
                break;
            case SHUTDOWN:
            case RESTART:
            default:
                // as 0.19: not applied to lost processes (a lost node must not restart the whole platform)
                log.warn("process " + process.namespec() + " lost: its running failure strategy " + strategy
                        + " is not applied to lost processes");
                break;
        }
    }

    private void addRestartApplication(String application) {
        if (stopApplications.contains(application)) {
            return;
        }
        restartApplications.add(application);
        restartProcesses.keySet().removeIf(p -> p.applicationName().equals(application) && inStartSequence(p));
        continues.removeIf(p -> p.applicationName().equals(application) && inStartSequence(p));
    }

    private static boolean inStartSequence(ProcessStatus process) {
        return process.rules().startSequence() > 0;
    }

    /** Runs the jobs whose applications are in no job of the Starter or Stopper. */
    void trigger() {
        for (String name : new ArrayList<>(stopApplications)) {
            if (!commander.involves(name)) {
                stopApplications.remove(name);
                context.application(name).ifPresent(application -> {
                    log.warn("running failure: application " + name + " stopped (STOP_APPLICATION)");
                    commander.stopApplication(application);
                });
            }
        }
        for (String name : new ArrayList<>(restartApplications)) {
            if (!commander.involves(name)) {
                restartApplications.remove(name);
                context.application(name).ifPresent(application -> {
                    log.warn("running failure: application " + name + " restarted (RESTART_APPLICATION)");
                    commander.restartApplication(application.rules().startingStrategy(), application);
                });
            }
        }
        for (Map.Entry<ProcessStatus, String> entry : new ArrayList<>(restartProcesses.entrySet())) {
            ProcessStatus process = entry.getKey();
            if (!commander.involves(process.applicationName())) {
                restartProcesses.remove(process);
                ApplicationStatus application = context.application(process.applicationName()).orElse(null);
                if (application != null) {
                    log.warn("running failure: process " + process.namespec() + " restarted (RESTART_PROCESS)");
                    commander.restartProcess(application.rules().startingStrategy(), process, entry.getValue());
                }
            }
        }
        for (ProcessStatus process : continues) {
            log.info("running failure: process " + process.namespec() + " left as it is (CONTINUE)");
        }
        continues.clear();
    }
}
