package org.supvisors.core.commander;

import org.supvisors.core.process.ProcessState;
import org.supvisors.core.process.ProcessStatus;

/**
 * What the sequencers ask of the world: start or stop a process on an instance (local or remote), and force a
 * displayed state that no event will bring. Implementations never block.
 */
public interface ProcessControl {

    /** Starts the process on {@code target} with these extra arguments (as {@code start_args(ns, args, False)}). */
    void start(String target, ProcessStatus process, String extraArgs);

    /** Stops the process on {@code target} (as {@code supervisor.stopProcess(ns, False)}). */
    void stop(String target, ProcessStatus process);

    /**
     * Forces the displayed state of a process (a command that could not complete), on every instance.
     *
     * @param identifier the instance the command targeted, empty when none could be chosen
     */
    void force(ProcessStatus process, String identifier, ProcessState state, String reason);
}
