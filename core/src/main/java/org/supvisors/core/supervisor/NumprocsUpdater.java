package org.supvisors.core.supervisor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.supvisors.core.InstanceLog;
import org.supvisors.core.api.Fault;
import org.supvisors.core.api.PythonRepr;
import org.supvisors.core.api.Reply;
import org.supvisors.core.api.SupvisorsFault;
import org.supvisors.core.context.Context;
import org.supvisors.core.effect.ApplyNumprocs;
import org.supvisors.core.effect.CheckNumprocs;
import org.supvisors.core.effect.EffectSink;
import org.supvisors.core.effect.StopLocalProcess;
import org.supvisors.core.instance.SupvisorsInstance;
import org.supvisors.core.process.InstanceProcessInfo;
import org.supvisors.core.process.ProcessStatus;

/**
 * {@code supvisors.update_numprocs} on the local instance. supervisord cannot change the {@code numprocs} of a
 * program at run time through XML-RPC, so a change goes through the groups holding the program: the new value is
 * written in the agent's override file, supervisord re-reads its files, and each group is removed and added again
 * ({@link ApplyNumprocs}); its processes that were running are then started again, with their extra arguments.
 *
 * <p>One request per program at a time, in phases:
 * <ol>
 *   <li>the checks that need only the model (0.19's order: the agent's own program, {@code BAD_NAME},
 *       {@code INCORRECT_PARAMETERS}, the same value answered {@code true} at once);</li>
 *   <li>{@link CheckNumprocs}: the configuration files read again ({@code NOT_APPLICABLE} when
 *       {@code process_name} has no {@code %(process_num)} and {@code numprocs} &gt; 1,
 *       {@code SUPVISORS_CONF_ERROR} when supervisord does not read the override file last);</li>
 *   <li>a decrease first waits for the excess processes (the highest indexes) to be stopped: stopped here, or by
 *       themselves with {@code lazy};</li>
 *   <li>{@link ApplyNumprocs}, then the model: the change is done once the model shows the program's new
 *       processes in each group changed (after the group's removal was seen), at most {@value #MODEL_GRACE} s
 *       after supervisord has done it.</li>
 * </ol>
 * An increase answers once the model shows the new processes; a decrease answers then with {@code wait}, at once
 * (after the checks) otherwise, and at once with {@code lazy}.
 */
public final class NumprocsUpdater {

    /** How long, in seconds, the model may take to show a change that supervisord has made. */
    static final double MODEL_GRACE = 5.0;
    /** Added to the longest {@code stopwaitsecs} to bound a stop, in seconds. */
    static final double STOP_MARGIN = 5.0;
    private static final Pattern PYTHON_INT = Pattern.compile("[+-]?\\d(?:_?\\d)*",
            Pattern.UNICODE_CHARACTER_CLASS);

    private enum Phase {
        /** The configuration files are being read again. */
        CHECK,
        /** The excess processes are being stopped, or waited for ({@code lazy}). */
        STOPPING,
        /** supervisord is changing the groups. */
        APPLYING,
        /** supervisord has changed the groups: waiting for the model to show them. */
        MODEL
    }

    private final Context context;
    private final LocalSupervisor local;
    private final EffectSink effects;
    private final InstanceLog log;
    private final BiConsumer<String, String> startLocal;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private long lastRequest;

    /**
     * @param startLocal starts a local process with extra arguments, as a command of a sequencer
     */
    public NumprocsUpdater(Context context, LocalSupervisor local, EffectSink effects, InstanceLog log,
                           BiConsumer<String, String> startLocal) {
        this.context = context;
        this.local = local;
        this.effects = effects;
        this.log = log.forClass(NumprocsUpdater.class);
        this.startLocal = startLocal;
        local.observeGroups(this::onGroupRemoved);
    }

    /**
     * A request (the state is checked by the caller).
     *
     * @param numprocs as sent: an integer, or a string (or anything Python's {@code int()} converts)
     * @throws SupvisorsFault for the checks that need only the model
     */
    public void request(String program, Object numprocs, boolean wait, boolean lazy, Reply reply) {
        if (local.isAgentProgram(program)) {
            throw new SupvisorsFault(Fault.NOT_APPLICABLE, "numprocs not applicable to program=" + program
                    + " (the Supvisors agent itself)");
        }
        if (!local.hasProgram(program)) {
            throw new SupvisorsFault(Fault.BAD_NAME, "program=" + program + " unknown to Supvisors");
        }
        int value = parse(program, numprocs);
        Job pending = jobs.get(program);
        if (pending != null && pending.phase == Phase.STOPPING && pending.lazy) {
            if (pending.numprocs == value) {
                reply.value(Boolean.TRUE);
                return;
            }
            jobs.remove(program);
            log.info("lazy change of numprocs of program " + program + " to " + pending.numprocs
                    + " replaced by a change to " + value);
        } else if (pending != null) {
            throw new SupvisorsFault(Fault.FAILED, "numprocs of program=" + program + " already being changed to "
                    + pending.numprocs);
        }
        int current = currentNumprocs(program);
        if (value == current) {
            reply.value(Boolean.TRUE);
            return;
        }
        Job job = new Job(++lastRequest, program, value, current, wait, lazy, reply);
        jobs.put(program, job);
        log.info("numprocs of program " + program + ": " + current + " -> " + value + (lazy ? " (lazy)" : ""));
        effects.emit(new CheckNumprocs(job.request, program));
    }

    /** What the configuration files say of the program of a request. */
    public void onChecked(long request, NumprocsCheck check) {
        Job job = job(request, Phase.CHECK);
        if (job == null) {
            return;
        }
        if (check.sectionKind().isEmpty()) {
            finish(job, new SupvisorsFault(Fault.SUPVISORS_CONF_ERROR, "program=" + job.program
                    + " not found in the configuration files of supervisord"));
            return;
        }
        if (job.numprocs > 1 && !check.processName().contains("%(process_num)")) {
            finish(job, new SupvisorsFault(Fault.NOT_APPLICABLE, "numprocs not applicable to program="
                    + job.program));
            return;
        }
        if (check.includeProblem().isPresent()) {
            finish(job, new SupvisorsFault(Fault.SUPVISORS_CONF_ERROR, "update_numprocs needs the override file: "
                    + check.includeProblem().get()));
            return;
        }
        job.section = check.sectionKind().get() + ":" + job.program;
        if (job.numprocs > job.current) {
            apply(job);
            return;
        }
        if (job.lazy || !job.wait) {
            job.answer(Boolean.TRUE);
        }
        job.phase = Phase.STOPPING;
        if (!job.lazy) {
            int stopwaitsecs = 0;
            for (ProcessStatus process : runningExcess(job)) {
                stopwaitsecs = Math.max(stopwaitsecs, localInfo(process).map(InstanceProcessInfo::stopwaitsecs)
                        .orElse(0));
                effects.emit(new StopLocalProcess(process.namespec()));
            }
            job.stopDeadline = context.clock().monotonic() + stopwaitsecs + STOP_MARGIN;
        }
    }

    /** What came of the change of the groups in supervisord. */
    public void onApplied(long request, NumprocsOutcome outcome) {
        Job job = job(request, Phase.APPLYING);
        if (job == null) {
            // a failure of the agent while checking
            jobs.values().stream().filter(j -> j.request == request).findFirst().ifPresent(j ->
                    outcome.fault().ifPresent(fault -> finish(j, fault)));
            return;
        }
        job.outcome = outcome;
        job.phase = Phase.MODEL;
        job.modelDeadline = context.clock().monotonic() + MODEL_GRACE;
    }

    /** Moves the requests on: called after every input, when the model may have changed. */
    public void poll() {
        double now = context.clock().monotonic();
        for (Job job : new ArrayList<>(jobs.values())) {
            if (job.phase == Phase.STOPPING) {
                List<ProcessStatus> running = runningExcess(job);
                if (running.isEmpty()) {
                    apply(job);
                } else if (now >= job.stopDeadline) {
                    finish(job, new SupvisorsFault(Fault.STILL_RUNNING, "processes="
                            + PythonRepr.list(namespecs(running))));
                }
            } else if (job.phase == Phase.MODEL && (isShown(job) || now >= job.modelDeadline)) {
                complete(job);
            }
        }
    }

    /** True while a request is under way (a lazy one included). */
    public boolean isBusy() {
        return !jobs.isEmpty();
    }

    // ---- the phases

    private void apply(Job job) {
        SupvisorsInstance instance = context.instances().local();
        Set<String> groups = new LinkedHashSet<>();
        int stopwaitsecs = 0;
        for (ProcessStatus process : local.processesOf(job.program)) {
            groups.add(process.applicationName());
        }
        for (ProcessStatus process : instance.processes()) {
            if (groups.contains(process.applicationName())) {
                stopwaitsecs = Math.max(stopwaitsecs, localInfo(process).map(InstanceProcessInfo::stopwaitsecs)
                        .orElse(0));
                if (!process.extraArgs().isEmpty()) {
                    job.extraArgs.put(process.namespec(), process.extraArgs());
                }
            }
        }
        job.phase = Phase.APPLYING;
        log.info("numprocs of program " + job.program + " set to " + job.numprocs + ": groups " + groups
                + " removed and added again in supervisord");
        effects.emit(new ApplyNumprocs(job.request, job.section, job.program, job.numprocs, List.copyOf(groups),
                stopwaitsecs + STOP_MARGIN));
    }

    /** The model shows the groups changed, or will not in time: the processes are started again, the caller told. */
    private void complete(Job job) {
        for (String namespec : job.outcome.restart()) {
            Optional<ProcessStatus> process = context.instances().local().process(namespec);
            if (process.isEmpty() || local.isDisabled(process.get())) {
                continue;
            }
            String extraArgs = job.extraArgs.getOrDefault(namespec, "");
            if (localInfo(process.get()).map(info -> info.state().isRunning()).orElse(false)) {
                // supervisord's autostart was first; the launcher gave it the same arguments
                process.get().setExtraArgs(extraArgs);
            } else {
                startLocal.accept(namespec, extraArgs);
            }
        }
        if (job.outcome.fault().isPresent()) {
            finish(job, job.outcome.fault().get());
            return;
        }
        if (!isShown(job)) {
            List<String> wrong = new ArrayList<>();
            job.outcome.processes().forEach((group, names) -> {
                Set<String> shown = localNames(job.program, group);
                for (String name : names) {
                    if (!shown.contains(name)) {
                        wrong.add(org.supvisors.core.process.Namespec.of(group, name));
                    }
                }
                for (String name : shown) {
                    if (!names.contains(name)) {
                        wrong.add(org.supvisors.core.process.Namespec.of(group, name));
                    }
                }
            });
            finish(job, new SupvisorsFault(Fault.FAILED, "processes=" + PythonRepr.list(wrong)));
            return;
        }
        finish(job, null);
    }

    private void finish(Job job, SupvisorsFault fault) {
        jobs.remove(job.program);
        if (fault == null) {
            log.info("numprocs of program " + job.program + " is " + job.numprocs);
            job.answer(Boolean.TRUE);
        } else {
            log.warn("numprocs of program " + job.program + " not changed to " + job.numprocs + ": "
                    + fault.faultString());
            job.refuse(fault);
        }
    }

    /** A group of the local supervisord was removed (or, when empty, everything was read again). */
    private void onGroupRemoved(Optional<String> group) {
        for (Job job : jobs.values()) {
            if (job.phase == Phase.APPLYING || job.phase == Phase.MODEL) {
                if (group.isPresent()) {
                    job.removed.add(group.get());
                } else {
                    job.reloaded = true;
                }
            }
        }
    }

    // ---- the model

    /** Each group changed was seen removed, then read with the program's new processes (and no read pending). */
    private boolean isShown(Job job) {
        for (Map.Entry<String, List<String>> entry : job.outcome.processes().entrySet()) {
            if (!job.reloaded && !job.removed.contains(entry.getKey()) || local.isReadingGroup(entry.getKey())) {
                return false;
            }
            if (!localNames(job.program, entry.getKey()).equals(new HashSet<>(entry.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /** The names of the local processes of a program in a group. */
    private Set<String> localNames(String program, String group) {
        Set<String> names = new HashSet<>();
        for (ProcessStatus process : local.processesOf(program)) {
            if (process.applicationName().equals(group)) {
                names.add(process.processName());
            }
        }
        return names;
    }

    /** The number of processes of a program in each of its groups (the largest, should they differ). */
    private int currentNumprocs(String program) {
        Map<String, Integer> counts = new HashMap<>();
        for (ProcessStatus process : local.processesOf(program)) {
            counts.merge(process.applicationName(), 1, Integer::sum);
        }
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The local processes beyond the new numprocs that are not stopped (STOPPING included). */
    private List<ProcessStatus> runningExcess(Job job) {
        List<ProcessStatus> running = new ArrayList<>();
        for (ProcessStatus process : local.processesOf(job.program)) {
            Optional<InstanceProcessInfo> info = localInfo(process);
            if (info.isPresent() && info.get().processIndex() >= job.numprocs && !info.get().state().isStopped()) {
                running.add(process);
            }
        }
        return running;
    }

    private Optional<InstanceProcessInfo> localInfo(ProcessStatus process) {
        return process.info(context.instances().local().identifier());
    }

    private Job job(long request, Phase phase) {
        for (Job job : jobs.values()) {
            if (job.request == request && job.phase == phase) {
                return job;
            }
        }
        return null;
    }

    private static List<String> namespecs(List<ProcessStatus> processes) {
        List<String> namespecs = new ArrayList<>();
        processes.forEach(process -> namespecs.add(process.namespec()));
        return namespecs;
    }

    // ---- the parameter

    /**
     * {@code numprocs} as 0.19 reads it, with Python's {@code int()}: an integer, a boolean, a float (truncated) or a
     * string holding an integer (blanks around, a sign, digits with single underscores between them); it must be
     * &gt; 0 (and fit an int).
     *
     * @throws SupvisorsFault {@code INCORRECT_PARAMETERS} otherwise
     */
    static int parse(String program, Object numprocs) {
        long value = -1;
        if (numprocs instanceof Integer || numprocs instanceof Long) {
            value = ((Number) numprocs).longValue();
        } else if (numprocs instanceof Boolean) {
            value = (Boolean) numprocs ? 1 : 0;
        } else if (numprocs instanceof Double) {
            double number = (Double) numprocs;
            value = Double.isFinite(number) && Math.abs(number) < Long.MAX_VALUE ? (long) number : -1;
        } else if (numprocs instanceof String) {
            Matcher matcher = PYTHON_INT.matcher(((String) numprocs).strip());
            if (matcher.matches()) {
                StringBuilder digits = new StringBuilder();
                for (char c : matcher.group().toCharArray()) {
                    if (c == '-' || c == '+') {
                        digits.append(c);
                    } else if (c != '_') {
                        digits.append(Character.digit(c, 10));
                    }
                }
                try {
                    value = Long.parseLong(digits.toString());
                } catch (NumberFormatException e) {
                    value = -1;
                }
            }
        }
        if (value <= 0 || value > Integer.MAX_VALUE) {
            String shown = numprocs instanceof String ? (String) numprocs : PythonRepr.value(numprocs);
            throw new SupvisorsFault(Fault.INCORRECT_PARAMETERS, "program=" + program + " incorrect numprocs="
                    + shown + " - integer > 0 expected");
        }
        return (int) value;
    }

    /** One request. */
    private static final class Job {
        final long request;
        final String program;
        final int numprocs;
        final int current;
        final boolean wait;
        final boolean lazy;
        private Reply reply;
        Phase phase = Phase.CHECK;
        String section;
        double stopDeadline = Double.MAX_VALUE;
        double modelDeadline;
        NumprocsOutcome outcome;
        final Set<String> removed = new HashSet<>();
        boolean reloaded;
        final Map<String, String> extraArgs = new HashMap<>();

        Job(long request, String program, int numprocs, int current, boolean wait, boolean lazy, Reply reply) {
            this.request = request;
            this.program = program;
            this.numprocs = numprocs;
            this.current = current;
            this.wait = wait;
            this.lazy = lazy;
            this.reply = reply;
        }

        void answer(Object value) {
            if (reply != null) {
                Reply caller = reply;
                reply = null;
                caller.value(value);
            }
        }

        void refuse(SupvisorsFault fault) {
            if (reply != null) {
                Reply caller = reply;
                reply = null;
                caller.fault(fault);
            }
        }
    }
}
