package org.supvisors.core.commander;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.supvisors.core.application.ApplicationStatus;

/**
 * The commands of one application in a sequencer: planned ones grouped by process sequence, and those in
 * progress. The next group is taken when none is in progress.
 *
 * @param <C> the command type
 */
final class ApplicationJob<C> {

    final ApplicationStatus application;
    final TreeMap<Integer, List<C>> planned;
    final List<C> inProgress = new ArrayList<>();
    /** SINGLE_INSTANCE / SINGLE_NODE: the instances chosen for the whole application, once chosen. */
    List<String> distributionTargets;
    /** The STOP starting failure strategy fired: stop the application once the job is finished. */
    boolean stopWhenFinished;
    /** An application start (wait_exit applies, the distribution rule applies) rather than process starts. */
    final boolean wholeApplication;

    ApplicationJob(ApplicationStatus application, boolean descending, boolean wholeApplication) {
        this.application = application;
        this.planned = descending ? new TreeMap<>(java.util.Comparator.reverseOrder()) : new TreeMap<>();
        this.wholeApplication = wholeApplication;
    }

    void plan(int sequence, C command) {
        planned.computeIfAbsent(sequence, k -> new ArrayList<>()).add(command);
    }

    /** The sequence of the group in progress, if any. */
    Integer currentSequence;

    /** The next group of commands, removed from the plan; empty when none is left. */
    List<C> nextGroup() {
        Map.Entry<Integer, List<C>> entry = planned.pollFirstEntry();
        currentSequence = entry == null ? null : entry.getKey();
        return entry == null ? List.of() : entry.getValue();
    }

    boolean isFinished() {
        return planned.isEmpty() && inProgress.isEmpty();
    }

    /** Every command, planned or in progress. */
    List<C> all() {
        List<C> all = new ArrayList<>(inProgress);
        planned.values().forEach(all::addAll);
        return all;
    }
}
