package org.supvisors.core.peer;

/**
 * {@code supvisors.restart} or {@code supvisors.shutdown} called on another instance and forwarded to the Master,
 * which drives the whole platform to RESTARTING or SHUTTING_DOWN.
 *
 * @param restart true for restart, false for shutdown
 */
public record ClosingRequest(boolean restart) implements PeerMessage {

    @Override
    public Kind kind() {
        return Kind.CLOSING_REQUEST;
    }
}
