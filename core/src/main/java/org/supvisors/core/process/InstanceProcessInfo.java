package org.supvisors.core.process;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.supvisors.core.api.WireTime;
import org.supvisors.core.instance.InstanceIdentity;

/**
 * What the model knows of one process on one instance: the snapshot received at the handshake, updated by every
 * event from that instance, plus bookkeeping (reception time, uptime, crash history). 0.19's {@code info_map}
 * entry; the structure of {@code get_inner_process_info}.
 */
public final class InstanceProcessInfo {

    private final InstanceIdentity instance;
    private final String group;
    private final String name;
    private boolean eventReceived;
    private ProcessState state;
    private long start;
    private long stop;
    private long now;
    private int pid;
    private String description;
    private String spawnerr;
    private boolean expected;
    private double startMonotonic;
    private double stopMonotonic;
    private double nowMonotonic;
    private String extraArgs;
    private final int startsecs;
    private final int stopwaitsecs;
    private final int processIndex;
    private final String programName;
    private boolean disabled;
    private final boolean hasStdout;
    private final boolean hasStderr;
    private final boolean launcher;
    private double localMtime;
    private double eventTime;
    private double uptime;
    /** The local monotonic time at which {@link #uptime} was computed (an event or a tick received). */
    private double uptimeMtime;
    private boolean hasCrashed;

    InstanceProcessInfo(InstanceIdentity instance, ProcessSnapshot snapshot, double localMtime) {
        this.instance = instance;
        this.group = snapshot.group();
        this.name = snapshot.name();
        this.state = snapshot.state();
        this.start = snapshot.start();
        this.stop = snapshot.stop();
        this.now = snapshot.now();
        this.pid = snapshot.pid();
        this.description = snapshot.description();
        this.spawnerr = snapshot.spawnerr();
        this.expected = snapshot.expected();
        this.startMonotonic = snapshot.startMonotonic();
        this.stopMonotonic = snapshot.stopMonotonic();
        this.nowMonotonic = snapshot.nowMonotonic();
        this.extraArgs = snapshot.extraArgs();
        this.startsecs = snapshot.startsecs();
        this.stopwaitsecs = snapshot.stopwaitsecs();
        this.processIndex = snapshot.processIndex();
        this.programName = snapshot.programName();
        this.disabled = snapshot.disabled();
        this.hasStdout = snapshot.hasStdout();
        this.hasStderr = snapshot.hasStderr();
        this.launcher = snapshot.launcher();
        this.localMtime = localMtime;
        this.uptimeMtime = localMtime;
        this.eventTime = nowMonotonic;
        this.hasCrashed = isCrash(state, expected);
        updateUptime();
    }

    /**
     * Applies an event: state, times, pid, spawn error, description, uptime and crash history.
     *
     * @param countCrash false when the event is made up by the model (a lost instance), which does not count as a
     *     crash of the process
     */
    void apply(ProcessEvent event, double receptionMtime, boolean countCrash, ZoneId zone) {
        eventReceived = true;
        state = event.state();
        expected = event.expected();
        now = event.now();
        nowMonotonic = event.nowMonotonic();
        pid = event.pid();
        spawnerr = event.spawnerr();
        extraArgs = event.extraArgs();
        localMtime = receptionMtime;
        uptimeMtime = receptionMtime;
        eventTime = nowMonotonic;
        if (state == ProcessState.STARTING || state == ProcessState.BACKOFF) {
            start = now;
            startMonotonic = nowMonotonic;
        } else if (state.isStopped() && state != ProcessState.FATAL) {
            // like Supervisor, FATAL does not set the stop time
            stop = now;
            stopMonotonic = nowMonotonic;
        }
        if (!state.isRunning()) {
            pid = state == ProcessState.STOPPING ? pid : 0;
        }
        updateUptime();
        description = ProcessDescription.of(state, start, stop, now, pid, spawnerr, name, zone);
        if (countCrash) {
            hasCrashed |= isCrash(state, expected);
        }
    }

    /**
     * Refreshes the times shown for this process after a tick of its instance.
     *
     * @param receptionMtime the local monotonic time when the tick was received
     */
    void refreshTimes(long remoteTime, double remoteMtime, double receptionMtime, ZoneId zone) {
        now = remoteTime;
        nowMonotonic = remoteMtime;
        uptimeMtime = receptionMtime;
        updateUptime();
        description = ProcessDescription.of(state, start, stop, now, pid, spawnerr, name, zone);
    }

    void clearExtraArgs() {
        extraArgs = "";
    }

    void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }

    private void updateUptime() {
        uptime = (state == ProcessState.RUNNING || state == ProcessState.STOPPING)
                ? nowMonotonic - startMonotonic : 0.0;
    }

    static boolean isCrash(ProcessState state, boolean expected) {
        return state == ProcessState.FATAL || (state == ProcessState.EXITED && !expected);
    }

    public InstanceIdentity instance() { return instance; }
    public String group() { return group; }
    public String name() { return name; }
    public ProcessState state() { return state; }
    public boolean expected() { return expected; }
    public int pid() { return pid; }
    public long start() { return start; }
    public long stop() { return stop; }
    public long now() { return now; }
    public String spawnerr() { return spawnerr; }
    public String description() { return description; }
    public double startMonotonic() { return startMonotonic; }
    public double nowMonotonic() { return nowMonotonic; }
    public String extraArgs() { return extraArgs; }
    public int startsecs() { return startsecs; }
    public int stopwaitsecs() { return stopwaitsecs; }
    public int processIndex() { return processIndex; }
    public String programName() { return programName; }
    public boolean disabled() { return disabled; }
    public boolean hasStdout() { return hasStdout; }
    public boolean hasStderr() { return hasStderr; }
    /** The program's command starts with the launcher of extra arguments. */
    public boolean launcher() { return launcher; }
    /** Local monotonic time when the last information about this process on this instance was received. */
    public double localMtime() { return localMtime; }
    /** The instance's monotonic time of its last event for this process. */
    public double eventTime() { return eventTime; }
    public double uptime() { return uptime; }

    /**
     * The uptime at a local monotonic time: {@link #uptime()} is only as fresh as the last event or tick of the
     * instance, up to a tick old; the time elapsed since, measured on the local clock, is added (a comparison of
     * uptimes across instances must not depend on when their last ticks came).
     */
    public double uptimeAt(double localMonotonic) {
        if (state != ProcessState.RUNNING && state != ProcessState.STOPPING) {
            return 0.0;
        }
        return uptime + Math.max(0.0, localMonotonic - uptimeMtime);
    }
    public boolean hasCrashed() { return hasCrashed; }
    /** True when this process is crashed on this instance: FATAL, or EXITED unexpectedly. */
    public boolean isCrashed() { return isCrash(state, expected); }

    /** The current information as a snapshot (the local instance answers {@code get_local_process_info} with it). */
    public ProcessSnapshot toSnapshot() {
        return new ProcessSnapshot(group, name, state, start, stop, now, pid, description, spawnerr, expected,
                startMonotonic, stopMonotonic, nowMonotonic, extraArgs, startsecs, stopwaitsecs, processIndex,
                programName, disabled, hasStdout, hasStderr, launcher);
    }

    /**
     * The information as a snapshot taken at another time: {@code now} and the description follow it, as if
     * supervisord was asked now (used for the local instance, whose supervisord is not asked at every query).
     */
    public ProcessSnapshot snapshotAt(long atTime, double atMonotonic, ZoneId zone) {
        String currentDescription = ProcessDescription.of(state, start, stop, atTime, pid, spawnerr, name, zone);
        return new ProcessSnapshot(group, name, state, start, stop, atTime, pid, currentDescription, spawnerr,
                expected, startMonotonic, stopMonotonic, atMonotonic, extraArgs, startsecs, stopwaitsecs,
                processIndex, programName, disabled, hasStdout, hasStderr, launcher);
    }

    /** The structure of {@code get_inner_process_info}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>(toSnapshot().toMap());
        if (eventReceived) {
            map.put("identifier", instance.identifier());
            map.put("nick_identifier", instance.nickIdentifier());
        }
        map.put("start", WireTime.capped(start));
        map.put("local_mtime", localMtime);
        map.put("event_time", eventTime);
        map.put("uptime", uptime);
        map.put("has_crashed", hasCrashed);
        return map;
    }
}
