package org.supvisors.core.effect;

/**
 * Close the link with an instance that was just declared lost, so that a fresh link (and a fresh handshake)
 * follows if it comes back; the transport keeps trying to reach it while it is in the directory.
 *
 * @param identifier the instance
 * @param reason why, for the logs
 */
public record DisconnectPeer(String identifier, String reason) implements Effect {
}
