package org.supvisors.core.process;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.supvisors.core.instance.InstanceIdentity;

/**
 * A Supvisors process: all Supervisor processes with the same group and process names over all instances, and
 * the synthetic state computed from them (state-machines.md §5.2), possibly overridden by a forced state (§5.3).
 */
public final class ProcessStatus {

    private final String applicationName;
    private final String processName;
    private final String namespec;
    private final Map<String, InstanceProcessInfo> infoMap = new LinkedHashMap<>();
    private Set<String> runningIdentifiers = new LinkedHashSet<>();
    private ProcessState state = ProcessState.UNKNOWN;
    private boolean expectedExit = true;
    private double lastEventMtime;
    private ProcessState forcedState;
    private String forcedReason = "";
    private String extraArgs = "";
    private String programName;
    private int processIndex;
    private ProcessRules rules;
    private String assignedIdentifier;

    public ProcessStatus(String applicationName, String processName, ProcessRules rules) {
        this.applicationName = applicationName;
        this.processName = processName;
        this.namespec = Namespec.of(applicationName, processName);
        this.programName = processName;
        this.rules = rules;
    }

    /**
     * Loads the information of an instance (handshake or local snapshot), replacing what was known from it.
     * When this information disagrees with the process-wide extra arguments, both are reset (0.19's rule).
     *
     * @return the state before, to detect a change
     */
    public ProcessState addInfo(InstanceIdentity instance, ProcessSnapshot snapshot, double localMtime) {
        ProcessState before = displayedState();
        InstanceProcessInfo info = new InstanceProcessInfo(instance, snapshot, localMtime);
        infoMap.put(instance.identifier(), info);
        if (!extraArgs.equals(snapshot.extraArgs())) {
            // a difference of views: 0.19 resets both (joining instances clear extra arguments)
            extraArgs = "";
            info.clearExtraArgs();
        }
        lastEventMtime = localMtime;
        programName = snapshot.programName();
        processIndex = snapshot.processIndex();
        if (snapshot.state() != ProcessState.STOPPED) {
            clearForcedState();
        }
        updateStatus(instance.identifier(), snapshot.state());
        return before;
    }

    /**
     * Applies an event received from an instance where the process is known.
     *
     * @param external false when the model makes the event up (lost instance): it does not count as a crash
     * @return false when the instance does not know this process (the event is ignored)
     */
    public boolean updateInfo(String identifier, ProcessEvent event, double localMtime, boolean external,
                              ZoneId zone) {
        InstanceProcessInfo info = infoMap.get(identifier);
        if (info == null) {
            return false;
        }
        info.apply(event, localMtime, external, zone);
        lastEventMtime = localMtime;
        extraArgs = event.extraArgs();
        clearForcedState();
        updateStatus(identifier, event.state());
        return true;
    }

    /**
     * Marks the process FATAL on an instance that was lost, if it was running there.
     *
     * @return true when the process is not running anywhere any more (a lost process for the failure handler)
     */
    public boolean invalidateInstance(String identifier, ZoneId zone) {
        if (!runningIdentifiers.contains(identifier)) {
            return false;
        }
        InstanceProcessInfo info = infoMap.get(identifier);
        ProcessEvent lost = new ProcessEvent(applicationName, processName, ProcessState.FATAL, false, info.now(),
                info.nowMonotonic(), 0, "Supervisor " + identifier + " lost", info.extraArgs());
        updateInfo(identifier, lost, lastEventMtime, false, zone);
        return runningIdentifiers.isEmpty();
    }

    /**
     * Forgets an instance where the process no longer exists (group removed, numprocs decreased, instance
     * reloaded).
     *
     * @return true when no instance knows the process any more
     */
    public boolean removeInstance(String identifier) {
        if (infoMap.remove(identifier) != null) {
            runningIdentifiers.remove(identifier);
            if (!infoMap.isEmpty()) {
                evaluateState();
            }
        }
        return infoMap.isEmpty();
    }

    /** The extra arguments of the next start (the value shown until an event says otherwise). */
    public void setExtraArgs(String extraArgs) {
        this.extraArgs = extraArgs;
    }

    /** Records that the program of this process is disabled (or enabled) on an instance. */
    public void setDisabled(String identifier, boolean disabled) {
        InstanceProcessInfo info = infoMap.get(identifier);
        if (info != null) {
            info.setDisabled(disabled);
        }
    }

    /**
     * Refreshes the times shown for this process on an instance after a tick of that instance, received at the
     * local monotonic time {@code receptionMtime}.
     */
    public void refreshTimes(String identifier, long remoteTime, double remoteMtime, double receptionMtime,
                             ZoneId zone) {
        InstanceProcessInfo info = infoMap.get(identifier);
        if (info != null) {
            info.refreshTimes(remoteTime, remoteMtime, receptionMtime, zone);
        }
    }

    /**
     * Applies a forced state (a command that could not complete) unless a real event more recent than the
     * forced one has been received from that instance.
     *
     * @return true when applied
     */
    public boolean force(String identifier, ProcessState forced, String reason, double eventMonotonic,
                         double localMtime) {
        InstanceProcessInfo info = infoMap.get(identifier);
        if (info != null && info.eventTime() > eventMonotonic) {
            return false;
        }
        forcedState = forced;
        forcedReason = reason;
        lastEventMtime = localMtime;
        return true;
    }

    private void clearForcedState() {
        forcedState = null;
        forcedReason = "";
    }

    private void updateStatus(String identifier, ProcessState newState) {
        if (newState.isStopped()) {
            runningIdentifiers.remove(identifier);
        } else if (newState.isRunning()) {
            if (isStopped()) {
                runningIdentifiers = new LinkedHashSet<>(List.of(identifier));
            } else {
                runningIdentifiers.add(identifier);
            }
        }
        evaluateState();
    }

    private void evaluateState() {
        if (runningIdentifiers.size() > 1) {
            state = conflictState();
        } else if (runningIdentifiers.size() == 1) {
            state = infoMap.get(runningIdentifiers.iterator().next()).state();
            expectedExit = true;
        } else if (infoMap.values().stream().anyMatch(i -> i.state() == ProcessState.STOPPING)) {
            state = ProcessState.STOPPING;
            expectedExit = true;
        } else {
            InstanceProcessInfo latest = null;
            for (InstanceProcessInfo info : infoMap.values()) {
                if (latest == null || info.localMtime() > latest.localMtime()) {
                    latest = info;
                }
            }
            if (latest != null) {
                state = latest.state();
                expectedExit = latest.expected();
            }
        }
    }

    private ProcessState conflictState() {
        Set<ProcessState> states = new LinkedHashSet<>();
        for (String identifier : runningIdentifiers) {
            states.add(infoMap.get(identifier).state());
        }
        for (ProcessState candidate : ProcessState.RUNNING_STATES) {
            if (states.contains(candidate)) {
                return candidate;
            }
        }
        return states.contains(ProcessState.STOPPING) ? ProcessState.STOPPING : ProcessState.UNKNOWN;
    }

    public String applicationName() { return applicationName; }
    public String processName() { return processName; }
    public String namespec() { return namespec; }
    /** The real synthetic state. */
    public ProcessState state() { return state; }
    /** The state shown to users: the forced state if any, else the real one. */
    public ProcessState displayedState() { return forcedState != null ? forcedState : state; }
    public Optional<ProcessState> forcedState() { return Optional.ofNullable(forcedState); }
    public String forcedReason() { return forcedReason; }
    public boolean expectedExit() { return expectedExit; }
    public double lastEventMtime() { return lastEventMtime; }
    public String extraArgs() { return extraArgs; }
    public String programName() { return programName; }
    public int processIndex() { return processIndex; }
    public ProcessRules rules() { return rules; }
    public void setRules(ProcessRules rules) { this.rules = rules; }

    /** The instance a {@code #}/{@code @} rule assigned to this process, once resolved. */
    public Optional<String> assignedIdentifier() { return Optional.ofNullable(assignedIdentifier); }

    /** Records the instance a {@code #}/{@code @} rule assigned (final once done). */
    public void assign(String identifier) { this.assignedIdentifier = identifier; }

    /** The instances where the process is running; more than one is a conflict. */
    public Set<String> runningIdentifiers() { return Collections.unmodifiableSet(runningIdentifiers); }
    public Map<String, InstanceProcessInfo> infoMap() { return Collections.unmodifiableMap(infoMap); }
    public Optional<InstanceProcessInfo> info(String identifier) { return Optional.ofNullable(infoMap.get(identifier)); }
    public Collection<InstanceProcessInfo> infos() { return Collections.unmodifiableCollection(infoMap.values()); }

    public boolean isStopped() { return state.isStopped(); }
    public boolean isRunning() { return state.isRunning(); }
    public boolean isRunningOn(String identifier) { return isRunning() && runningIdentifiers.contains(identifier); }
    public boolean isConflicting() { return runningIdentifiers.size() > 1; }
    public boolean isCrashed() { return InstanceProcessInfo.isCrash(state, expectedExit); }

    /** Known somewhere and disabled everywhere it is known. */
    public boolean isDisabled() {
        return !infoMap.isEmpty() && infoMap.values().stream().allMatch(InstanceProcessInfo::disabled);
    }

    /** The structure of {@code get_process_info} and of the {@code process} event. */
    public Map<String, Object> toMap(double nowMonotonic) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("application_name", applicationName);
        map.put("process_name", processName);
        map.put("now_monotonic", nowMonotonic);
        ProcessState shown = displayedState();
        map.put("statecode", shown.code());
        map.put("statename", shown.name());
        map.put("expected_exit", expectedExit);
        map.put("last_event_mtime", lastEventMtime);
        map.put("identifiers", new ArrayList<>(runningIdentifiers));
        map.put("extra_args", extraArgs);
        return map;
    }
}
