package org.supvisors.core.commander;

/** What the sequencers need to know of the instances: their tick counters, and which one is local. */
public interface Sequencing {

    /** The tick counter of an instance (the local one, or the last tick received from a remote one). */
    long tickCounter(String identifier);

    /** The local instance. */
    String localIdentifier();
}
