package org.supvisors.dist.netns;

/** How {@link NetnsLab#cut} separates a host from the others on the cluster network. */
enum Cut {

    /**
     * The host's port of the switch goes down ({@code ip link set <port> down} on the bridge side of its veth): a
     * pulled cable or a dead switch port. Nothing crosses either way, multicast included; the host keeps its
     * address and routes, its interface only loses its carrier, so its sends fail locally or vanish and nothing
     * comes back: established TCP connections stay open, silent, until the peers give up on them. The management
     * link is not on the switch: the test still reaches the host.
     */
    LINK_DOWN,

    /**
     * The host and each other host drop what they receive from each other ({@code ip rule add pref 10 from <peer>
     * blackhole} on both sides, policy routing, no packet filter needed): a firewall that silently DROPs the
     * traffic between them on input, links and carriers up. Unicast only: multicast datagrams are delivered without
     * a routing decision, so discovery announcements still cross (like a firewall whose rules name the peers'
     * addresses but not the group). TCP segments are dropped without a reset: silence, as with {@link #LINK_DOWN}.
     * (The lab moves the rule of the local table after these in every host: first, as by default, it would deliver
     * whatever is addressed to the host before any of them is read.)
     */
    DROP
}
