package org.supvisors.core.peer;

/**
 * "Tell me who you are and how you see me": sent by an instance that has just put the receiver in CHECKING.
 *
 * @param checkingTime the sender's monotonic time of that CHECKING entry, echoed in the reply so that a reply to an
 *     older handshake is recognised and ignored
 */
public record HandshakeRequest(double checkingTime) implements PeerMessage {

    @Override
    public Kind kind() {
        return Kind.HANDSHAKE_REQUEST;
    }
}
