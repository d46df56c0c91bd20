package org.supvisors.core.peer;

import java.util.Objects;

import org.supvisors.core.process.ProcessEvent;

/**
 * A process of the sender changed state.
 *
 * @param event the change, stamped with the sender's clocks
 */
public record ProcessEventMessage(ProcessEvent event) implements PeerMessage {

    public ProcessEventMessage {
        Objects.requireNonNull(event, "event");
    }

    @Override
    public Kind kind() {
        return Kind.PROCESS_EVENT;
    }
}
