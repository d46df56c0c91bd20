package org.supvisors.transport.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the configuration files say of one program section, for {@code update_numprocs}.
 *
 * @param kind the section kind: {@code program}, {@code fcgi-program} or {@code eventlistener}
 * @param name the program name ({@code x} of {@code [program:x]})
 * @param numprocs its {@code numprocs}
 * @param processName its {@code process_name} as written, before expansion ({@code %(program_name)s} by default)
 * @param processes the names of the processes it generates, by group (a program may be in several groups), in
 *     index order
 */
public record ProgramSection(String kind, String name, int numprocs, String processName,
                             Map<String, List<String>> processes) {

    public ProgramSection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(processName, "processName");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        processes.forEach((group, names) -> copy.put(group, List.copyOf(names)));
        processes = java.util.Collections.unmodifiableMap(copy);
    }

    /** The section header, e.g. {@code program:x}. */
    public String header() {
        return kind + ":" + name;
    }

    /** The same section, with the processes it generates in one more group. */
    ProgramSection inGroup(String group, List<String> names) {
        Map<String, List<String>> more = new LinkedHashMap<>(processes);
        more.put(group, names);
        return new ProgramSection(kind, name, numprocs, processName, more);
    }
}
