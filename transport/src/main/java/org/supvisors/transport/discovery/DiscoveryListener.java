package org.supvisors.transport.discovery;

import java.net.InetSocketAddress;

/** Told of the announcements of the other instances; called on the discovery thread, must not block. */
@FunctionalInterface
public interface DiscoveryListener {

    /**
     * An announcement from another instance, new or different from the last one of this identifier (repeats are
     * not passed on).
     *
     * @param sender the address the datagram came from
     */
    void onAnnouncement(Announcement announcement, InetSocketAddress sender);
}
