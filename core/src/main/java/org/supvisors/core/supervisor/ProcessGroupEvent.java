package org.supvisors.core.supervisor;

import java.util.Objects;

/**
 * {@code PROCESS_GROUP_ADDED} / {@code PROCESS_GROUP_REMOVED}.
 *
 * @param group {@code groupname}
 * @param added true for ADDED, false for REMOVED
 */
public record ProcessGroupEvent(String group, boolean added) implements SupervisordEvent {

    public ProcessGroupEvent {
        Objects.requireNonNull(group, "group");
    }
}
