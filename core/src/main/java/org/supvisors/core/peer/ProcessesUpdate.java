package org.supvisors.core.peer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.supvisors.core.process.ProcessSnapshot;

/**
 * The sender re-read its supervisord: what it now has replaces what the receiver knew, for one group (added or
 * removed at run time) or for all of them (after events were lost).
 *
 * @param group the group concerned, or empty for every process of the sender
 * @param processes the sender's processes (of that group)
 */
public record ProcessesUpdate(Optional<String> group, List<ProcessSnapshot> processes) implements PeerMessage {

    public ProcessesUpdate {
        Objects.requireNonNull(group, "group");
        processes = List.copyOf(processes);
    }

    @Override
    public Kind kind() {
        return Kind.PROCESSES_UPDATE;
    }
}
