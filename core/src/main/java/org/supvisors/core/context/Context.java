package org.supvisors.core.context;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.supvisors.core.InstanceLog;
import org.supvisors.core.application.ApplicationRules;
import org.supvisors.core.application.ApplicationStatus;
import org.supvisors.core.instance.InstanceRegistry;
import org.supvisors.core.instance.SupvisorsInstance;
import org.supvisors.core.process.ProcessEvent;
import org.supvisors.core.process.ProcessSnapshot;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.publication.ModelListener;
import org.supvisors.core.time.Clock;

/**
 * The shared model: instances, applications by name, and their processes, kept up to date from the snapshots and
 * events of every instance. Applications and processes are kept in the order of their names, not in the order of
 * their discovery, which differs from one instance to another: every instance lists them in the same order.
 */
public final class Context {

    private final InstanceRegistry instances;
    private final Map<String, ApplicationStatus> applications = new TreeMap<>();
    private final RulesProvider rules;
    private final Clock clock;
    private final InstanceLog log;
    private ModelListener listener = ModelListener.NONE;
    private java.util.function.BiConsumer<ProcessStatus, String> eventObserver = (process, identifier) -> { };

    public Context(InstanceRegistry instances, RulesProvider rules, Clock clock, InstanceLog log) {
        this.instances = instances;
        this.rules = rules;
        this.clock = clock;
        this.log = log.forClass(Context.class);
    }

    /** Who hears about the changes of the model (the event interface). */
    public void setListener(ModelListener listener) {
        this.listener = listener;
        instances.setListener(listener::instanceChanged);
    }

    public ModelListener listener() { return listener; }

    /** Who is told after a process event was applied (the commander, whose jobs wait for events). */
    public void observeEvents(java.util.function.BiConsumer<ProcessStatus, String> observer) {
        this.eventObserver = observer;
    }

    public InstanceRegistry instances() { return instances; }
    public Clock clock() { return clock; }

    /** Applications in the order of their names. */
    public Collection<ApplicationStatus> applications() { return Collections.unmodifiableCollection(applications.values()); }
    public Optional<ApplicationStatus> application(String name) { return Optional.ofNullable(applications.get(name)); }

    public Optional<ProcessStatus> process(String group, String name) {
        ApplicationStatus application = applications.get(group);
        return application == null ? Optional.empty() : application.process(name);
    }

    /**
     * Replaces everything known of the processes of an instance by a snapshot (handshake, local load, or a reload
     * after lost events). Processes the instance no longer has are removed from it.
     *
     * @return the processes whose displayed state changed, plus those removed (state DELETED)
     */
    public List<ProcessStatus> loadInstance(SupvisorsInstance instance, List<ProcessSnapshot> snapshots) {
        double now = clock.monotonic();
        Set<String> seen = new HashSet<>();
        List<ProcessStatus> changed = new ArrayList<>();
        for (ProcessSnapshot snapshot : snapshots) {
            seen.add(snapshot.namespec());
            ProcessStatus process = getOrCreate(snapshot.group(), snapshot.name(), snapshot.programName());
            ProcessState before = process.displayedState();
            boolean known = instance.process(process.namespec()).isPresent();
            process.addInfo(instance.identity(), snapshot, now);
            instance.addProcess(process);
            if (!known || before != process.displayedState()) {
                changed.add(process);
                listener.processChanged(process, false);
            }
        }
        for (ProcessStatus process : new ArrayList<>(instance.processes())) {
            if (!seen.contains(process.namespec())) {
                changed.addAll(removeFromInstance(instance, process));
            }
        }
        updateApplications(changed);
        return changed;
    }

    /**
     * Loads the processes of one group of an instance (a group added at run time), leaving the others alone.
     *
     * @return the processes added or changed
     */
    public List<ProcessStatus> loadGroup(SupvisorsInstance instance, String group, List<ProcessSnapshot> snapshots) {
        double now = clock.monotonic();
        List<ProcessStatus> changed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ProcessSnapshot snapshot : snapshots) {
            if (!snapshot.group().equals(group)) {
                continue;
            }
            seen.add(snapshot.namespec());
            ProcessStatus process = getOrCreate(snapshot.group(), snapshot.name(), snapshot.programName());
            process.addInfo(instance.identity(), snapshot, now);
            instance.addProcess(process);
            changed.add(process);
            listener.processChanged(process, false);
        }
        for (ProcessStatus process : new ArrayList<>(instance.processes())) {
            if (process.applicationName().equals(group) && !seen.contains(process.namespec())) {
                changed.addAll(removeFromInstance(instance, process));
            }
        }
        updateApplications(changed);
        return changed;
    }

    /** Forgets every process of a group on an instance (group removed from its supervisord). */
    public List<ProcessStatus> removeGroup(SupvisorsInstance instance, String group) {
        List<ProcessStatus> removed = new ArrayList<>();
        for (ProcessStatus process : new ArrayList<>(instance.processes())) {
            if (process.applicationName().equals(group)) {
                removed.addAll(removeFromInstance(instance, process));
            }
        }
        updateApplications(removed);
        return removed;
    }

    /**
     * Applies a process event from an instance.
     *
     * @return the process, or empty when the instance does not know it (the event is ignored)
     */
    public Optional<ProcessStatus> applyEvent(SupvisorsInstance instance, ProcessEvent event) {
        Optional<ProcessStatus> process = instance.process(event.namespec());
        if (process.isEmpty()) {
            log.debug(() -> "event ignored for " + event.namespec() + " unknown on " + instance.identity());
            return Optional.empty();
        }
        process.get().updateInfo(instance.identifier(), event, clock.monotonic(), true, clock.zone());
        listener.processEvent(instance, event, process.get().info(instance.identifier())
                .map(info -> info.disabled()).orElse(false));
        listener.processChanged(process.get(), false);
        updateApplications(List.of(process.get()));
        eventObserver.accept(process.get(), instance.identifier());
        return process;
    }

    /**
     * Applies a forced state (state-machines.md §5.3) unless a real event from that instance is more recent.
     *
     * @return the process when the state was applied
     */
    public Optional<ProcessStatus> applyForced(String identifier, String group, String name, ProcessState state,
                                               String reason, long now, double nowMonotonic, String extraArgs) {
        Optional<ProcessStatus> process = process(group, name);
        if (process.isEmpty() || !process.get().force(identifier, state, reason, nowMonotonic, clock.monotonic())) {
            return Optional.empty();
        }
        String nick = instances.get(identifier).map(SupvisorsInstance::nickIdentifier).orElse("");
        log.info("process " + process.get().namespec() + " forced " + state + " (" + reason + ")");
        listener.forcedEvent(identifier, nick, group, name, state.code(), reason, now, nowMonotonic, extraArgs);
        listener.processChanged(process.get(), false);
        updateApplications(List.of(process.get()));
        return process;
    }

    /**
     * Records that a program is disabled (or enabled) on an instance, for every process of that program there.
     *
     * @return the processes concerned
     */
    public List<ProcessStatus> applyDisability(SupvisorsInstance instance, String program, boolean disabled) {
        List<ProcessStatus> concerned = new ArrayList<>();
        for (ProcessStatus process : instance.processes()) {
            if (process.info(instance.identifier()).map(i -> i.programName().equals(program)).orElse(false)) {
                process.setDisabled(instance.identifier(), disabled);
                concerned.add(process);
                listener.disabilityChanged(instance, process);
            }
        }
        return concerned;
    }

    /**
     * Sets FATAL, on an instance that was lost, every process that was running there.
     *
     * @return the processes that are no longer running anywhere (lost processes)
     */
    public List<ProcessStatus> invalidateInstance(SupvisorsInstance instance) {
        List<ProcessStatus> lost = new ArrayList<>();
        List<ProcessStatus> touched = new ArrayList<>();
        for (ProcessStatus process : instance.processes()) {
            if (process.runningIdentifiers().contains(instance.identifier())) {
                touched.add(process);
                if (process.invalidateInstance(instance.identifier(), clock.zone())) {
                    lost.add(process);
                }
                listener.processChanged(process, false);
            }
        }
        updateApplications(touched);
        return lost;
    }

    /** The conflicting processes of managed applications. */
    public List<ProcessStatus> conflicts() {
        List<ProcessStatus> conflicts = new ArrayList<>();
        for (ApplicationStatus application : applications.values()) {
            if (application.isManaged()) {
                for (ProcessStatus process : application.processes()) {
                    if (process.isConflicting()) {
                        conflicts.add(process);
                    }
                }
            }
        }
        return conflicts;
    }

    /**
     * The rules of an application seen for the first time. With the {@code #} sign, the application gets the
     * instance of its index in the sign's reference list, once: the index is N of a name ending with {@code -N} or
     * {@code _N} (N &gt; 0), counted from 1 and rolled over the list; the reference is every instance known now (in
     * {@code supvisors_list} then discovery order) when {@code *} or nothing follows the sign, else the names as
     * listed. A name without such an index cannot be placed: no instance, and no automatic start.
     */
    private ApplicationRules applicationRules(String group) {
        ApplicationRules found = rules.applicationRules(group);
        if (!found.hashSign()) {
            return found;
        }
        java.util.regex.Matcher index = HASH_INDEX.matcher(group);
        long number = index.matches() ? parseIndex(index.group(1)) : 0;
        List<String> identifiers;
        int startSequence = found.startSequence();
        if (number <= 0) {
            log.error("application " + group + ": the # sign needs a name ending with -N or _N (N > 0):"
                    + " no instance for it and no automatic start");
            identifiers = List.of();
            startSequence = 0;
        } else {
            List<String> reference = found.identifiers().isEmpty() || found.identifiers().contains("*")
                    ? instances.all().stream().map(SupvisorsInstance::identifier).toList()
                    : found.identifiers();
            identifiers = List.of(reference.get((int) ((number - 1) % reference.size())));
            log.debug("application " + group + " (#) is bound to " + identifiers.get(0));
        }
        return new ApplicationRules(found.managed(), found.distribution(), identifiers, false, startSequence,
                found.stopSequence(), found.startingStrategy(), found.startingFailureStrategy(),
                found.runningFailureStrategy(), found.statusFormula());
    }

    private static final java.util.regex.Pattern HASH_INDEX = java.util.regex.Pattern.compile(".*[-_](\\d+)");

    private static long parseIndex(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private ProcessStatus getOrCreate(String group, String name, String programName) {
        ApplicationStatus application = applications.get(group);
        if (application == null) {
            application = new ApplicationStatus(group, applicationRules(group));
            applications.put(group, application);
            log.debug("new application " + group);
        }
        Optional<ProcessStatus> existing = application.process(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        ApplicationRules applicationRules = application.rules();
        ProcessStatus process = new ProcessStatus(group, name,
                rules.processRules(applicationRules, group, name, programName));
        application.addProcess(process);
        return process;
    }

    private List<ProcessStatus> removeFromInstance(SupvisorsInstance instance, ProcessStatus process) {
        instance.removeProcess(process.namespec());
        listener.processRemoved(instance, process.applicationName(), process.processName());
        if (process.removeInstance(instance.identifier())) {
            listener.processChanged(process, true);
            ApplicationStatus application = applications.get(process.applicationName());
            if (application != null && application.removeProcess(process.processName())) {
                applications.remove(application.name());
                log.info("application " + application.name() + " is DELETED");
                listener.applicationChanged(application, true);
            }
        } else {
            listener.processChanged(process, false);
        }
        return List.of(process);
    }

    private void updateApplications(Collection<ProcessStatus> processes) {
        Set<String> names = new HashSet<>();
        for (ProcessStatus process : processes) {
            names.add(process.applicationName());
        }
        for (String name : names) {
            ApplicationStatus application = applications.get(name);
            if (application != null) {
                String formulaErrorBefore = application.formulaError();
                if (application.update()) {
                    log.debug("application " + name + " is " + application.state());
                }
                if (!application.formulaError().equals(formulaErrorBefore) && !application.formulaError().isEmpty()) {
                    log.error("operational status formula of " + name + " cannot be evaluated, major failure: "
                            + application.formulaError());
                }
                listener.applicationChanged(application, false);
            }
        }
    }
}
