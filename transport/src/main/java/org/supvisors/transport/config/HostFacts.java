package org.supvisors.transport.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * What the configuration reader needs to know about this machine, behind an interface so that tests can play
 * another machine. Implementations answer from the system; none of the methods does reverse name resolution except
 * {@link #fullyQualifiedName()}.
 */
interface HostFacts {

    /** The node name ({@code uname -n}), which {@code %(host_node_name)s} stands for. */
    String hostName();

    /** The fully qualified name of this machine, or {@link #hostName()} when none is known. */
    String fullyQualifiedName();

    /** Every address of every network interface, loopback included. */
    Set<InetAddress> localAddresses();

    /**
     * The addresses that {@code host} resolves to (forward resolution only).
     *
     * @throws UnknownHostException when it resolves to nothing
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The facts of the machine the JVM runs on. */
    static HostFacts system() {
        return new SystemHostFacts();
    }
}
