package org.supvisors.core.effect;

import java.util.List;
import java.util.Objects;

import org.supvisors.core.peer.PeerMessage;

/**
 * Send a message to some instances, each over its peer link. A link that is down, or too far behind, drops it
 * (the protocol recovers: heartbeats go on, and a lost instance is handshaken again).
 *
 * @param identifiers the receivers
 * @param message the message
 */
public record SendToPeers(List<String> identifiers, PeerMessage message) implements Effect {

    public SendToPeers {
        identifiers = List.copyOf(identifiers);
        Objects.requireNonNull(message, "message");
    }
}
