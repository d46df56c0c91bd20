package org.supvisors.transport.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link ProgramLayout} read from the files: placements by group, then by process name. Immutable. */
final class ConfiguredProgramLayout implements ProgramLayout {

    private final Map<String, Map<String, ProcessPlacement>> placements;
    private final Map<String, ProgramSection> programs;

    ConfiguredProgramLayout(Map<String, Map<String, ProcessPlacement>> placements,
                            Map<String, ProgramSection> programs) {
        Map<String, Map<String, ProcessPlacement>> copy = new LinkedHashMap<>();
        placements.forEach((group, processes) -> copy.put(group, Map.copyOf(processes)));
        this.placements = Map.copyOf(copy);
        this.programs = Map.copyOf(programs);
    }

    @Override
    public Optional<ProgramSection> program(String name) {
        return Optional.ofNullable(programs.get(name));
    }

    @Override
    public Optional<ProcessPlacement> placementOf(String group, String process) {
        Map<String, ProcessPlacement> processes = placements.get(group);
        return processes == null ? Optional.empty() : Optional.ofNullable(processes.get(process));
    }

    /** Every placement, by group and process name. */
    Map<String, Map<String, ProcessPlacement>> placements() {
        return placements;
    }

    /** The number of processes placed. */
    int size() {
        return placements.values().stream().mapToInt(Map::size).sum();
    }

    @Override
    public String toString() {
        return "ProgramLayout" + placements;
    }
}
