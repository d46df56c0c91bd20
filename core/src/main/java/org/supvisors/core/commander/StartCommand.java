package org.supvisors.core.commander;

import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.strategy.StartingStrategy;

/** The start of one process, planned or in progress. */
final class StartCommand {

    final ProcessStatus process;
    final StartingStrategy strategy;
    final String extraArgs;
    /** An application start waits for this process to exit (expectedly) rather than to run. */
    final boolean waitExit;
    /** The target, chosen when the command runs (before for SINGLE_INSTANCE / SINGLE_NODE applications). */
    String target;
    /** The target's tick counter when the command was sent (or at its last BACKOFF). */
    long reference;
    boolean starting;

    StartCommand(ProcessStatus process, StartingStrategy strategy, String extraArgs, boolean waitExit) {
        this.process = process;
        this.strategy = strategy;
        this.extraArgs = extraArgs;
        this.waitExit = waitExit;
    }

    int load() {
        return process.rules().expectedLoading();
    }

    @Override
    public String toString() {
        return process.namespec() + (target == null ? "" : "@" + target);
    }
}
