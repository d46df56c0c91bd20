package org.supvisors.core.publication;

import org.supvisors.core.application.ApplicationStatus;
import org.supvisors.core.instance.SupvisorsInstance;
import org.supvisors.core.process.ProcessEvent;
import org.supvisors.core.process.ProcessStatus;
import org.supvisors.core.statistics.HostStatistics;
import org.supvisors.core.statistics.ProcessStatistics;

/**
 * What changed in the model, as the event interface reports it. For one process change the calls come in the
 * order {@code processEvent}, {@code processChanged}, {@code applicationChanged}.
 */
public interface ModelListener {

    /** A listener that ignores everything ({@code event_link = NONE}). */
    ModelListener NONE = new ModelListener() {
    };

    /** The state, tick or load of an instance changed. */
    default void instanceChanged(SupvisorsInstance instance) {
    }

    /** A process changed on an instance, as that instance said. */
    default void processEvent(SupvisorsInstance origin, ProcessEvent event, boolean disabled) {
    }

    /** A forced state was applied to a process (a command that could not complete). */
    default void forcedEvent(String identifier, String nickIdentifier, String group, String name, int state,
                             String reason, long now, double nowMonotonic, String extraArgs) {
    }

    /** The program of a process was disabled or enabled on an instance. */
    default void disabilityChanged(SupvisorsInstance origin, ProcessStatus process) {
    }

    /** A process disappeared from an instance. */
    default void processRemoved(SupvisorsInstance origin, String group, String name) {
    }

    /** The synthetic status of a process changed (or it is DELETED when {@code deleted}). */
    default void processChanged(ProcessStatus process, boolean deleted) {
    }

    /** The status of an application changed (or it is DELETED when {@code deleted}). */
    default void applicationChanged(ApplicationStatus application, boolean deleted) {
    }

    /** The state & modes seen locally changed (local ones, or those published by another instance). */
    default void stateModesChanged() {
    }

    /** The host statistics of an instance were integrated over one period. */
    default void hostStatistics(HostStatistics statistics) {
    }

    /** The statistics of a process on an instance were integrated over one period. */
    default void processStatistics(ProcessStatistics statistics) {
    }
}
