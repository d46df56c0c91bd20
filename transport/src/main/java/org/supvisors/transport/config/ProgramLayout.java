package org.supvisors.transport.config;

import java.util.Optional;

/**
 * What the configuration files tell about programs and that supervisord's XML-RPC does not: which program
 * generates a process, and at which index; the program sections themselves ({@code update_numprocs}).
 */
public interface ProgramLayout {

    /**
     * The placement of a process known by its Supervisor group and process names, or empty when the files do
     * not declare it (the caller then uses the process name as program name and index 0).
     */
    Optional<ProcessPlacement> placementOf(String group, String process);

    /** The section of a program placed without error, or empty (none by default). */
    default Optional<ProgramSection> program(String name) {
        return Optional.empty();
    }
}
