package org.supvisors.transport.peer;

import java.util.Optional;

import org.supvisors.core.instance.InstanceIdentity;

/**
 * Decides whether an instance may have a link, from the identity it claims in its hello (before the proof of its
 * credentials is checked). Called on Netty event loop threads: must not block. For instance, the composition root
 * refuses identifiers that the core does not know.
 */
@FunctionalInterface
public interface PeerGate {

    /** Accepts every identity. */
    PeerGate OPEN = claimed -> Optional.empty();

    /**
     * Empty to accept the instance, else the reason of the refusal (logged, and told to the other side).
     *
     * @param claimed the identity claimed by the other side (its identifier is never the local one)
     */
    Optional<String> refusal(InstanceIdentity claimed);
}
