package org.supvisors.transport.peer;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.transport.config.HttpServerSettings;

/**
 * The configuration of the peer links of one instance.
 *
 * @param local the local instance
 * @param agentPortOffset {@code agent_port_offset}, the same on every instance: the agent of an instance listens on
 *     its supervisord HTTP port plus this offset
 * @param username supervisord's user name, if credentials are configured (the same on every instance)
 * @param password supervisord's password (as written in its configuration)
 * @param handshakeTimeout how long a new connection may take to authenticate before it is closed
 */
public record PeerSettings(InstanceIdentity local, int agentPortOffset, Optional<String> username,
                           Optional<String> password, Duration handshakeTimeout) {

    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

    public PeerSettings {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout: " + handshakeTimeout + " (expected: > 0)");
        }
    }

    /** The settings of an instance whose supervisord has these credentials, with the default handshake timeout. */
    public static PeerSettings of(InstanceIdentity local, int agentPortOffset, HttpServerSettings supervisord) {
        return new PeerSettings(local, agentPortOffset, supervisord.username(), supervisord.password(),
                DEFAULT_HANDSHAKE_TIMEOUT);
    }

    public PeerSettings withHandshakeTimeout(Duration timeout) {
        return new PeerSettings(local, agentPortOffset, username, password, timeout);
    }
}
