package org.supvisors.transport.peer;

import org.supvisors.core.peer.PeerMessage;

/**
 * What happens on the peer links. Called on Netty event loop threads: an implementation must not block (it puts
 * the event on the core's queue and returns). For one identifier, calls come in order and never overlap: every
 * {@code onConnected} is followed by {@code onMessage}s, then exactly one {@code onLost}.
 */
public interface PeerListener {

    /** A link with this instance is authenticated: messages can be sent to it. */
    void onConnected(String identifier);

    /** A message from this instance, in the order it was sent. */
    void onMessage(String identifier, PeerMessage message);

    /**
     * The link with this instance ended: closed by either side, broken, refused by {@link PeerTransport#directory},
     * {@link PeerTransport#disconnect}, or replaced by a newer link (a restarted peer).
     *
     * @param reason why, for the logs
     */
    void onLost(String identifier, String reason);
}
