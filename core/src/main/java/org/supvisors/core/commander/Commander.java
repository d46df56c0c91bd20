package org.supvisors.core.commander;

import java.util.List;

import org.supvisors.core.process.ProcessStatus;

/**
 * The Starter and the Stopper, seen from the state machine: whether jobs are in progress, and the automatic
 * actions the state machine triggers. The sequencers themselves come with the commander issue; until then no job
 * is ever planned, which is also 0.19's behaviour when no application is managed.
 */
public final class Commander {

    /** True while the Starter has planned or in-progress commands. */
    public boolean hasStartingJobs() {
        return false;
    }

    /** True while the Stopper has planned or in-progress commands. */
    public boolean hasStoppingJobs() {
        return false;
    }

    /** Drops every job (entry in SYNCHRONIZATION, ELECTION, RESTARTING, SHUTTING_DOWN). */
    public void abortAll() {
        // nothing is ever planned before the commander issue
    }

    /**
     * Plans the automatic start (DISTRIBUTION entry on the Master): managed applications with
     * {@code start_sequence > 0} never started or in failure. None exists without rules.
     */
    public void startApplications() {
        // without rules no application has a start sequence
    }

    /** Plans the stop of every application with running processes (RESTARTING / SHUTTING_DOWN on the Master). */
    public void stopApplications() {
        // nothing to plan before the commander issue
    }

    /** Fails the commands that targeted lost instances. */
    public void onInstancesLost(List<String> identifiers, List<ProcessStatus> lostProcesses) {
        // no command in progress before the commander issue
    }
}
