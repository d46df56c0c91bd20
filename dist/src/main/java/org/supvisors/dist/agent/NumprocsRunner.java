package org.supvisors.dist.agent;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.supvisors.core.api.Fault;
import org.supvisors.core.api.PythonRepr;
import org.supvisors.core.api.SupvisorsFault;
import org.supvisors.core.effect.ApplyNumprocs;
import org.supvisors.core.effect.CheckNumprocs;
import org.supvisors.core.supervisor.NumprocsCheck;
import org.supvisors.core.supervisor.NumprocsOutcome;
import org.supvisors.transport.config.ConfigurationException;
import org.supvisors.transport.config.NumprocsOverride;
import org.supvisors.transport.config.ProgramSection;
import org.supvisors.transport.supervisord.ConfigChanges;
import org.supvisors.transport.supervisord.ProcessInfo;
import org.supvisors.transport.supervisord.SupervisordClient;
import org.supvisors.transport.supervisord.SupervisordException;
import org.supvisors.transport.supervisord.SupervisordFaultException;

/**
 * Carries out the {@code update_numprocs} effects in the local supervisord and its files, one at a time on its own
 * thread (they share the override file and supervisord's reloaded configuration), and posts their results on the
 * core's thread. A group is changed as {@code supervisorctl update} would: its processes stopped, the group removed
 * and added again; only the groups of the program that {@code reloadConfig} reports changed are touched.
 */
final class NumprocsRunner implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(NumprocsRunner.class.getName());
    /** Supervisor's {@code SUCCESS} status in the results of {@code stopProcessGroup}. */
    private static final int SUCCESS = 80;
    /** Added to the stop timeout for the reply timeout of the calls. */
    private static final Duration CALL_MARGIN = Duration.ofSeconds(30);

    private final AgentLoop loop;
    private final LayoutHolder layout;
    private final NumprocsOverride override;
    private final Function<Duration, SupervisordClient> clients;
    private final ExtraArgsStore extraArgs;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread created = new Thread(runnable, "supvisors-numprocs");
        created.setDaemon(true);
        return created;
    });
    /** Keeps supervisord's loop turning while a change waits for it (see {@code PokeSupervisord}). */
    private final ScheduledExecutorService poker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread created = new Thread(runnable, "supvisors-numprocs-poke");
        created.setDaemon(true);
        return created;
    });
    private static final long POKE_MILLIS = 20;

    /**
     * @param clients a client of supervisord whose reply timeout is the given duration (stopping a group with
     *     {@code wait} lasts up to its processes' {@code stopwaitsecs})
     */
    NumprocsRunner(AgentLoop loop, LayoutHolder layout, NumprocsOverride override,
                   Function<Duration, SupervisordClient> clients, ExtraArgsStore extraArgs) {
        this.loop = loop;
        this.layout = layout;
        this.override = override;
        this.clients = clients;
        this.extraArgs = extraArgs;
    }

    void check(CheckNumprocs effect) {
        thread.execute(() -> {
            try {
                layout.reload();
                Optional<ProgramSection> section = layout.program(effect.program());
                NumprocsCheck check = new NumprocsCheck(section.map(ProgramSection::kind),
                        section.map(ProgramSection::processName).orElse(""), override.includeProblem());
                loop.post(core -> core.onNumprocsChecked(effect.request(), check));
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "internal error while checking numprocs of " + effect.program(), e);
                fail(effect.request(), new SupvisorsFault(Fault.FAILED, "internal error: " + e));
            }
        });
    }

    void apply(ApplyNumprocs effect) {
        thread.execute(() -> {
            try {
                loop.post(core -> core.onNumprocsApplied(effect.request(), change(effect)));
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "internal error while changing numprocs of " + effect.program(), e);
                fail(effect.request(), new SupvisorsFault(Fault.FAILED, "internal error: " + e));
            }
        });
    }

    private void fail(long request, SupvisorsFault fault) {
        loop.post(core -> core.onNumprocsApplied(request, NumprocsOutcome.failed(fault)));
    }

    private NumprocsOutcome change(ApplyNumprocs effect) {
        String program = effect.program();
        Optional<String> previous;
        try {
            previous = override.write(effect.section(), effect.numprocs());
        } catch (IOException | ConfigurationException e) {
            return NumprocsOutcome.failed(new SupvisorsFault(Fault.FAILED, "cannot write " + override.file() + ": "
                    + e.getMessage()));
        }
        LOG.log(Level.INFO, "[" + effect.section() + "] numprocs = " + effect.numprocs() + " written in "
                + override.file());
        SupervisordClient client = clients.apply(Duration.ofMillis((long) (effect.stopTimeout() * 1000))
                .plus(CALL_MARGIN));
        // supervisord answers a stopProcessGroup(wait) when its loop turns, once a second without I/O
        ScheduledFuture<?> pokes = poker.scheduleWithFixedDelay(() -> {
            try {
                client.getState();
            } catch (SupervisordException e) {
                LOG.log(Level.DEBUG, "poke of supervisord failed: " + e.getMessage());
            }
        }, 0, POKE_MILLIS, TimeUnit.MILLISECONDS);
        try {
            return change(effect, client, previous);
        } finally {
            pokes.cancel(false);
        }
    }

    private NumprocsOutcome change(ApplyNumprocs effect, SupervisordClient client, Optional<String> previous) {
        String program = effect.program();
        ConfigChanges changes;
        try {
            changes = client.reloadConfig();
        } catch (SupervisordException e) {
            restore(previous);
            return NumprocsOutcome.failed(fault(e));
        }
        layout.reload();
        List<String> groups = new ArrayList<>();
        for (String group : effect.groups()) {
            if (changes.changed().contains(group)) {
                groups.add(group);
            } else {
                LOG.log(Level.WARNING, "group " + group + " of program " + program + " not reported changed by"
                        + " supervisord's reloadConfig: left alone");
            }
        }
        if (groups.isEmpty()) {
            return NumprocsOutcome.failed(new SupvisorsFault(Fault.FAILED, "supervisord's reloadConfig reports no"
                    + " change of the groups " + PythonRepr.list(effect.groups()) + " of program=" + program));
        }
        Map<String, List<String>> processes = new LinkedHashMap<>();
        List<String> restart = new ArrayList<>();
        Optional<SupvisorsFault> fault = Optional.empty();
        Map<String, List<String>> names = layout.program(program).map(ProgramSection::processes).orElse(Map.of());
        for (String group : groups) {
            try {
                List<ProcessInfo> before = processesOf(client, group);
                for (ProcessInfo info : before) {
                    if (info.state().isRunning()) {
                        restart.add(info.namespec());
                    }
                }
                stop(client, group);
                try {
                    client.removeProcessGroup(group);
                } catch (SupervisordFaultException e) {
                    List<String> unstopped = new ArrayList<>();
                    for (ProcessInfo info : processesOf(client, group)) {
                        if (!info.state().isStopped()) {
                            unstopped.add(info.namespec());
                        }
                    }
                    fault = Optional.of(new SupvisorsFault(Fault.STILL_RUNNING, "processes="
                            + PythonRepr.list(unstopped)));
                    continue;
                }
                client.addProcessGroup(group);
                List<String> after = names.getOrDefault(group, List.of());
                processes.put(group, after);
                LOG.log(Level.INFO, "group " + group + " removed and added again with " + after);
                for (ProcessInfo info : before) {
                    if (!after.contains(info.name())) {
                        forgetExtraArgs(info.namespec());
                    }
                }
            } catch (SupervisordException e) {
                fault = Optional.of(fault(e));
                break;
            }
        }
        if (processes.isEmpty()) {
            restore(previous);
        }
        return new NumprocsOutcome(processes, restart, fault);
    }

    /** Stops every process of a group and waits ({@code stopProcessGroup(group, True)}). */
    private static void stop(SupervisordClient client, String group) throws SupervisordException {
        Object answer = client.call("supervisor.stopProcessGroup", group, true);
        if (answer instanceof Object[]) {
            for (Object item : (Object[]) answer) {
                if (item instanceof Map && !Integer.valueOf(SUCCESS).equals(((Map<?, ?>) item).get("status"))) {
                    LOG.log(Level.WARNING, "stop of " + ((Map<?, ?>) item).get("group") + ":"
                            + ((Map<?, ?>) item).get("name") + " for numprocs failed: "
                            + ((Map<?, ?>) item).get("description"));
                }
            }
        }
    }

    private static List<ProcessInfo> processesOf(SupervisordClient client, String group)
            throws SupervisordException {
        List<ProcessInfo> found = new ArrayList<>();
        for (ProcessInfo info : client.getAllProcessInfo()) {
            if (info.group().equals(group)) {
                found.add(info);
            }
        }
        return found;
    }

    /** A process that no longer exists keeps no extra arguments for a namesake to come. */
    private void forgetExtraArgs(String namespec) {
        try {
            extraArgs.record(namespec, "");
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove the extra arguments of " + namespec + " from "
                    + extraArgs.directory() + ": " + e.getMessage());
        }
    }

    private void restore(Optional<String> previous) {
        try {
            override.restore(previous);
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot restore " + override.file() + ": " + e.getMessage()
                    + "; supervisord will read the numprocs written there at its next reload");
        }
    }

    private static SupvisorsFault fault(SupervisordException e) {
        if (e instanceof SupervisordFaultException) {
            SupervisordFaultException refusal = (SupervisordFaultException) e;
            return new SupvisorsFault(refusal.fault().orElse(Fault.FAILED), refusal.detail());
        }
        return new SupvisorsFault(Fault.FAILED, "supervisord unreachable: " + e.getMessage());
    }

    @Override
    public void close() {
        thread.shutdownNow();
        poker.shutdownNow();
    }
}
