package org.supvisors.core.effect;

import java.util.List;

/**
 * The instances the transport must keep a link with: every known instance but the local one and the ISOLATED ones.
 * Emitted at start and whenever the set changes (discovery, isolation). Links to instances no longer listed are
 * closed.
 *
 * @param peers the instances
 */
public record PeerDirectory(List<PeerEndpoint> peers) implements Effect {

    public PeerDirectory {
        peers = List.copyOf(peers);
    }

    /**
     * Where an instance is: its agent listens on {@code httpPort} + {@code agent_port_offset} of {@code host}.
     *
     * @param identifier its identifier
     * @param host the host part of its identifier
     * @param httpPort its supervisord HTTP port
     */
    public record PeerEndpoint(String identifier, String host, int httpPort) {
    }
}
