package org.supvisors.dist.agent;

import java.util.Optional;

import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.transport.discovery.Discovery;
import org.supvisors.transport.discovery.DiscoverySettings;

/**
 * Multicast discovery in the agent: on when {@code multicast_group} is set; what it hears of another instance is
 * put on the core's queue as {@code onDiscovery}, after the core's start.
 */
final class AgentDiscovery {

    private AgentDiscovery() {
    }

    /** Starts discovery if the options ask for it; call after posting the core's start. */
    static Optional<Discovery> start(SupvisorsOptions options, InstanceIdentity local, AgentLoop loop) {
        if (!options.discoveryMode()) {
            return Optional.empty();
        }
        return Optional.of(Discovery.start(DiscoverySettings.of(options, local), (announcement, sender) ->
                loop.post(core -> core.onDiscovery(announcement.identity(), announcement.stereotypes()))));
    }
}
