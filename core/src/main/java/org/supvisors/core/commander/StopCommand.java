package org.supvisors.core.commander;

import org.supvisors.core.process.ProcessStatus;

/** The stop of one process on one instance, planned or in progress. */
final class StopCommand {

    final ProcessStatus process;
    final String target;
    long reference;
    boolean stopping;

    StopCommand(ProcessStatus process, String target) {
        this.process = process;
        this.target = target;
    }

    @Override
    public String toString() {
        return process.namespec() + "@" + target;
    }
}
