package org.supvisors.core.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.supvisors.core.api.WireTime;
import org.supvisors.core.supervisor.LocalProcess;

/**
 * Everything one instance knows of one of its processes at a given time: the structure of
 * {@code get_local_process_info}, exchanged in the handshake and loaded into the model; {@code launcher} (the
 * program uses the launcher of extra arguments) is shared between instances but not part of that structure.
 */
public record ProcessSnapshot(String group, String name, ProcessState state, long start, long stop, long now,
                              int pid, String description, String spawnerr, boolean expected,
                              double startMonotonic, double stopMonotonic, double nowMonotonic, String extraArgs,
                              int startsecs, int stopwaitsecs, int processIndex, String programName,
                              boolean disabled, boolean hasStdout, boolean hasStderr, boolean launcher) {

    public ProcessSnapshot {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(spawnerr, "spawnerr");
        Objects.requireNonNull(extraArgs, "extraArgs");
        Objects.requireNonNull(programName, "programName");
    }

    /**
     * The snapshot of a process of the local supervisord, its POSIX times converted to the local monotonic clock
     * ({@code x_monotonic = now_monotonic - (now - x)}, 0 when never).
     */
    public static ProcessSnapshot ofLocal(LocalProcess p, double nowMonotonic, String extraArgs, boolean disabled) {
        return new ProcessSnapshot(p.group(), p.name(), p.state(), p.start(), p.stop(), p.now(), p.pid(),
                p.description(), p.spawnerr(), p.expected(),
                p.start() == 0 ? 0.0 : nowMonotonic - (p.now() - p.start()),
                p.stop() == 0 ? 0.0 : nowMonotonic - (p.now() - p.stop()),
                nowMonotonic, extraArgs, p.startsecs(), p.stopwaitsecs(), p.processIndex(), p.programName(),
                disabled, p.hasStdout(), p.hasStderr(), p.launcher());
    }

    /** {@code group:name}, or {@code name} when both are equal. */
    public String namespec() {
        return Namespec.of(group, name);
    }

    /** The structure of {@code get_local_process_info}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("group", group);
        map.put("name", name);
        map.put("state", state.code());
        map.put("statename", state.name());
        map.put("start", WireTime.capped(start));
        map.put("stop", WireTime.capped(stop));
        map.put("now", WireTime.capped(now));
        map.put("pid", pid);
        map.put("description", description);
        map.put("spawnerr", spawnerr);
        map.put("expected", expected);
        map.put("start_monotonic", startMonotonic);
        map.put("stop_monotonic", stopMonotonic);
        map.put("now_monotonic", nowMonotonic);
        map.put("extra_args", extraArgs);
        map.put("startsecs", startsecs);
        map.put("stopwaitsecs", stopwaitsecs);
        map.put("process_index", processIndex);
        map.put("program_name", programName);
        map.put("disabled", disabled);
        map.put("has_stdout", hasStdout);
        map.put("has_stderr", hasStderr);
        return map;
    }
}
