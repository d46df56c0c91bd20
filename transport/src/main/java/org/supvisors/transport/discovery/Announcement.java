package org.supvisors.transport.discovery;

import java.util.List;
import java.util.Objects;

import org.supvisors.core.instance.InstanceIdentity;

/**
 * What an instance says of itself on the multicast group: its identity and its stereotypes.
 *
 * @param identity the identifier ({@code host_id:http_port}), nickname, host and HTTP port of the instance
 * @param stereotypes its {@code stereotypes} option, in configuration order
 */
public record Announcement(InstanceIdentity identity, List<String> stereotypes) {

    public Announcement {
        Objects.requireNonNull(identity, "identity");
        stereotypes = List.copyOf(stereotypes);
    }

    @Override
    public String toString() {
        return identity + (stereotypes.isEmpty() ? "" : " " + stereotypes);
    }
}
