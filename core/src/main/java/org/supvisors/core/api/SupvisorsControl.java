package org.supvisors.core.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import org.supvisors.core.Supvisors;
import org.supvisors.core.application.ApplicationState;
import org.supvisors.core.application.ApplicationStatus;
import org.supvisors.core.commander.Commander;
import org.supvisors.core.fsm.SupvisorsState;
import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.strategy.StartingStrategy;

/**
 * The control methods of xmlrpc-api.md (applications and processes), with their checks in 0.19's order, their
 * faults, and their {@code wait} semantics: a waiting call is answered as soon as the Starter or Stopper is idle
 * (polled after every input), not up to a second later.
 */
public final class SupvisorsControl {

    private static final Set<SupvisorsState> OPERATION = EnumSet.of(SupvisorsState.OPERATION);
    private static final Set<SupvisorsState> OPERATION_CONCILIATION = EnumSet.of(SupvisorsState.OPERATION,
            SupvisorsState.CONCILIATION);

    private final Supvisors supvisors;
    private final SupvisorsApi api;
    private final Waiters waiters;

    public SupvisorsControl(Supvisors supvisors, SupvisorsApi api, Waiters waiters) {
        this.supvisors = supvisors;
        this.api = api;
        this.waiters = waiters;
    }

    private Commander commander() {
        return supvisors.commander();
    }

    // ---- applications

    public void startApplication(StartingStrategy strategy, String applicationName, boolean wait, Reply reply) {
        api.checkState(OPERATION);
        ApplicationStatus application = api.application(applicationName);
        if (!application.isManaged()) {
            throw new SupvisorsFault(Fault.NOT_MANAGED, applicationName);
        }
        if (application.state() != ApplicationState.STOPPED) {
            throw new SupvisorsFault(Fault.ALREADY_STARTED, applicationName);
        }
        commander().startApplication(strategy, application);
        if (!commander().hasStartingJobs()) {
            throw new SupvisorsFault(Fault.ABNORMAL_TERMINATION, "failed to start " + applicationName);
        }
        answer(wait, reply, () -> {
            if (commander().hasStartingJobs()) {
                return Optional.empty();
            }
            if (application.state() != ApplicationState.RUNNING) {
                throw new SupvisorsFault(Fault.NOT_RUNNING, applicationName);
            }
            return Optional.of(Boolean.TRUE);
        });
    }

    /** {@code test_start_application}: the checks of {@link #startApplication}, then the prediction. */
    public List<java.util.Map<String, Object>> testStartApplication(StartingStrategy strategy,
                                                                    String applicationName) {
        api.checkState(OPERATION);
        ApplicationStatus application = api.application(applicationName);
        if (!application.isManaged()) {
            throw new SupvisorsFault(Fault.NOT_MANAGED, applicationName);
        }
        if (application.state() != ApplicationState.STOPPED) {
            throw new SupvisorsFault(Fault.ALREADY_STARTED, applicationName);
        }
        return commander().testStartApplication(strategy, application);
    }

    public void stopApplication(String applicationName, boolean wait, Reply reply) {
        api.checkState(OPERATION_CONCILIATION);
        ApplicationStatus application = api.application(applicationName);
        if (!application.isManaged()) {
            throw new SupvisorsFault(Fault.NOT_MANAGED, applicationName);
        }
        if (application.processes().stream().noneMatch(ProcessStatus::isRunning)) {
            throw new SupvisorsFault(Fault.NOT_RUNNING, "failed to stop " + applicationName);
        }
        commander().stopApplication(application);
        boolean jobs = commander().hasStoppingJobs();
        if (!wait || !jobs) {
            reply.value(jobs);
            return;
        }
        answer(true, reply, () -> {
            if (commander().hasStoppingJobs()) {
                return Optional.empty();
            }
            if (application.state() != ApplicationState.STOPPED) {
                throw new SupvisorsFault(Fault.STILL_RUNNING, applicationName);
            }
            return Optional.of(Boolean.TRUE);
        });
    }

    public void restartApplication(StartingStrategy strategy, String applicationName, boolean wait, Reply reply) {
        api.checkState(OPERATION);
        ApplicationStatus application = api.application(applicationName);
        commander().restartApplication(strategy, application);
        if (!commander().hasStartingJobs() && !commander().hasStoppingJobs()) {
            throw new SupvisorsFault(Fault.ABNORMAL_TERMINATION, "failed to restart " + applicationName);
        }
        answer(wait, reply, () -> {
            if (commander().hasStoppingJobs() || commander().hasStartingJobs()) {
                return Optional.empty();
            }
            if (application.state() == ApplicationState.STOPPED) {
                throw new SupvisorsFault(Fault.NOT_RUNNING, applicationName);
            }
            return Optional.of(Boolean.TRUE);
        });
    }

    // ---- processes

    /** {@code test_start_process}: the checks of {@link #startProcess}, then the prediction. */
    public List<java.util.Map<String, Object>> testStartProcess(StartingStrategy strategy, String namespec) {
        api.checkState(OPERATION);
        List<ProcessStatus> processes = api.processes(namespec);
        for (ProcessStatus process : processes) {
            if (process.isRunning()) {
                throw new SupvisorsFault(Fault.ALREADY_STARTED, process.namespec());
            }
        }
        return commander().testStartProcesses(strategy, processes);
    }

    public void startProcess(StartingStrategy strategy, String namespec, String extraArgs, boolean wait,
                             Reply reply) {
        api.checkState(OPERATION);
        List<ProcessStatus> processes = api.processes(namespec);
        for (ProcessStatus process : processes) {
            if (process.isRunning()) {
                throw new SupvisorsFault(Fault.ALREADY_STARTED, process.namespec());
            }
        }
        checkLauncher(processes, extraArgs);
        for (ProcessStatus process : processes) {
            if (process.isStopped()) {
                commander().startProcess(strategy, process, extraArgs);
            }
        }
        if (!commander().hasStartingJobs()) {
            throw new SupvisorsFault(Fault.ABNORMAL_TERMINATION, "failed to start " + namespec);
        }
        answer(wait, reply, () -> {
            if (commander().hasStartingJobs()) {
                return Optional.empty();
            }
            List<String> stopped = namespecs(processes, ProcessStatus::isStopped);
            if (!stopped.isEmpty()) {
                throw new SupvisorsFault(Fault.NOT_RUNNING, "processes=" + PythonRepr.list(stopped));
            }
            return Optional.of(Boolean.TRUE);
        });
    }

    public void startAnyProcess(StartingStrategy strategy, String regex, String extraArgs, boolean wait,
                                Reply reply) {
        api.checkState(OPERATION);
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "invalid regex=" + regex + " - "
                    + e.getDescription());
        }
        for (ApplicationStatus application : supvisors.context().applications()) {
            for (ProcessStatus process : application.processes()) {
                if (!process.isRunning() && pattern.matcher(process.namespec()).find()
                        && commander().canStart(strategy, process)) {
                    startProcess(strategy, process.namespec(), extraArgs, wait, new Reply() {
                        @Override
                        public void value(Object value) {
                            reply.value(process.namespec());
                        }

                        @Override
                        public void fault(SupvisorsFault fault) {
                            reply.fault(fault);
                        }
                    });
                    return;
                }
            }
        }
        throw new SupvisorsFault(Fault.FAILED, "no candidate process matching \"" + regex + "\"");
    }

    public void stopProcess(String namespec, boolean wait, Reply reply) {
        api.checkState(OPERATION_CONCILIATION);
        List<ProcessStatus> processes = api.processes(namespec);
        boolean any = false;
        for (ProcessStatus process : processes) {
            if (process.isRunning()) {
                any |= commander().stopProcess(process, List.of());
            }
        }
        if (!any) {
            throw new SupvisorsFault(Fault.NOT_RUNNING, namespec + " already stopped");
        }
        answer(wait, reply, () -> {
            if (commander().hasStoppingJobs()) {
                return Optional.empty();
            }
            List<String> running = namespecs(processes, ProcessStatus::isRunning);
            if (!running.isEmpty()) {
                throw new SupvisorsFault(Fault.STILL_RUNNING, "processes=" + PythonRepr.list(running));
            }
            return Optional.of(Boolean.TRUE);
        });
    }

    public void restartProcess(StartingStrategy strategy, String namespec, String extraArgs, boolean wait,
                               Reply reply) {
        api.checkState(OPERATION);
        List<ProcessStatus> processes = api.processes(namespec);
        checkLauncher(processes, extraArgs);
        for (ProcessStatus process : processes) {
            commander().restartProcess(strategy, process, extraArgs);
        }
        if (!commander().hasStartingJobs() && !commander().hasStoppingJobs()) {
            throw new SupvisorsFault(Fault.ABNORMAL_TERMINATION, "failed to restart " + namespec);
        }
        answer(wait, reply, () -> {
            if (commander().hasStoppingJobs() || commander().hasStartingJobs()) {
                return Optional.empty();
            }
            List<String> stopped = namespecs(processes, ProcessStatus::isStopped);
            if (!stopped.isEmpty()) {
                throw new SupvisorsFault(Fault.NOT_RUNNING, "processes=" + PythonRepr.list(stopped));
            }
            return Optional.of(Boolean.TRUE);
        });
    }

    /**
     * Starts a process of the local supervisord with extra arguments, as supervisord's {@code startProcess} does
     * (its faults, its {@code wait}); no state check.
     */
    public void startArgs(String namespec, String extraArgs, boolean wait, Reply reply) {
        List<ProcessStatus> processes = api.processes(namespec);
        if (processes.size() != 1) {
            throw new SupvisorsFault(Fault.BAD_NAME, "namespec=" + namespec + " must designate one process");
        }
        ProcessStatus process = processes.get(0);
        if (supvisors.context().instances().local().process(process.namespec()).isEmpty()) {
            throw new SupvisorsFault(Fault.BAD_NAME, "namespec=" + namespec + " unknown to Supervisor");
        }
        supvisors.startLocal(process.namespec(), extraArgs, wait, reply);
    }

    /** Re-runs the automatic start sequence: applications never started or in failure. */
    public void restartSequence(boolean wait, Reply reply) {
        api.checkState(OPERATION);
        boolean jobs = supvisors.context().instances().all().stream().anyMatch(i -> {
            var modes = i.isLocal() ? supvisors.fsm().localStateModes() : i.stateModes();
            return modes.startingJobs() || modes.stoppingJobs();
        });
        if (jobs) {
            throw new SupvisorsFault(Fault.BAD_SUPVISORS_STATE, "jobs in progress");
        }
        if (!commander().startApplications()) {
            throw new SupvisorsFault(Fault.ABNORMAL_TERMINATION, "failed to trigger start sequence");
        }
        answer(wait, reply, () -> commander().hasStartingJobs() ? Optional.empty() : Optional.of(Boolean.TRUE));
    }

    /** Enables a program on the local instance (persisted); supervisord's autostart applies. */
    public void enable(String program, boolean wait, Reply reply) {
        api.checkState(OPERATION);
        var local = supvisors.localSupervisor();
        if (!local.hasProgram(program)) {
            throw new SupvisorsFault(Fault.BAD_NAME, "program=" + program + " unknown to Supvisors");
        }
        local.setDisabled(program, false);
        reply.value(Boolean.TRUE);
    }

    /** Disables a program on the local instance (persisted) and stops its processes there. */
    public void disable(String program, boolean wait, Reply reply) {
        api.checkState(OPERATION);
        var local = supvisors.localSupervisor();
        if (!local.hasProgram(program)) {
            throw new SupvisorsFault(Fault.BAD_NAME, "program=" + program + " unknown to Supvisors");
        }
        String localIdentifier = supvisors.context().instances().local().identifier();
        List<ProcessStatus> processes = local.setDisabled(program, true);
        for (ProcessStatus process : processes) {
            if (process.isRunningOn(localIdentifier)) {
                commander().stopProcess(process, List.of(localIdentifier));
            }
        }
        answer(wait, reply, () -> {
            if (commander().hasStoppingJobs()) {
                return Optional.empty();
            }
            List<String> running = namespecs(processes, p -> p.isRunningOn(localIdentifier));
            if (!running.isEmpty()) {
                throw new SupvisorsFault(Fault.STILL_RUNNING, "processes=" + PythonRepr.list(running));
            }
            return Optional.of(Boolean.TRUE);
        });
    }

    /**
     * Changes the {@code numprocs} of a program on the local instance (see
     * {@link org.supvisors.core.supervisor.NumprocsUpdater} for the phases and the answers).
     *
     * @param numprocs as sent: an integer or a string convertible to one
     */
    public void updateNumprocs(String program, Object numprocs, boolean wait, boolean lazy, Reply reply) {
        api.checkState(OPERATION);
        supvisors.numprocs().request(program, numprocs, wait, lazy, reply);
    }

    /**
     * {@code supervisor.startProcess} through the agent: refused with {@code DISABLED} (text = the name) when the
     * program is disabled locally; answers true when supervisord may be asked.
     */
    public boolean checkStartAllowed(String name) {
        org.supvisors.core.process.Namespec parsed = org.supvisors.core.process.Namespec.parse(name);
        var local = supvisors.context().instances().local();
        String namespec = parsed.isGroup() ? parsed.group()
                : org.supvisors.core.process.Namespec.of(parsed.group(), parsed.process());
        local.process(namespec).filter(supvisors.localSupervisor()::isDisabled).ifPresent(p -> {
            throw new SupvisorsFault(Fault.DISABLED, name);
        });
        return true;
    }

    /** Applies a conciliation strategy to every conflict; false (nothing done) for USER. */
    public void conciliate(org.supvisors.core.strategy.ConciliationStrategy strategy, Reply reply) {
        api.checkState(EnumSet.of(SupvisorsState.CONCILIATION));
        if (strategy == org.supvisors.core.strategy.ConciliationStrategy.USER) {
            reply.value(Boolean.FALSE);
            return;
        }
        commander().conciliate(strategy);
        reply.value(Boolean.TRUE);
    }

    // ---- helpers

    /**
     * Non-empty extra arguments need the launcher (supervisord cannot change a command line): refused with
     * {@code NOT_APPLICABLE} when no instance runs the process through it.
     */
    private static void checkLauncher(List<ProcessStatus> processes, String extraArgs) {
        if (extraArgs.isEmpty()) {
            return;
        }
        for (ProcessStatus process : processes) {
            if (process.infos().stream().noneMatch(info -> info.launcher())) {
                throw new SupvisorsFault(Fault.NOT_APPLICABLE, "extra arguments need the launcher: the command of "
                        + process.namespec() + " must start with supvisors-launch");
            }
        }
    }

    /** Answers at once without {@code wait}, else when {@code outcome} gives one. */
    private void answer(boolean wait, Reply reply, java.util.function.Supplier<Optional<Object>> outcome) {
        if (!wait) {
            reply.value(Boolean.TRUE);
        } else {
            waiters.add(outcome, reply);
        }
    }

    private static List<String> namespecs(List<ProcessStatus> processes,
                                          java.util.function.Predicate<ProcessStatus> filter) {
        return processes.stream().filter(filter).map(ProcessStatus::namespec).collect(Collectors.toList());
    }

}
