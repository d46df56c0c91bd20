package org.supvisors.transport.peer;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Does a connection come from the host that the other side claims? Where the claimed host resolves, the remote
 * address must be one of its addresses, or be local when the host is local too (a loopback name such as
 * {@code localhost}, or the name of this machine). A host that does not resolve is not checked: the proof of the
 * credentials is what authenticates. Blocking (name resolution, interface lookup): never on an event loop.
 */
final class AddressCheck {

    private static final System.Logger LOGGER = System.getLogger(AddressCheck.class.getName());

    private AddressCheck() {
    }

    /** Empty when {@code remote} may be {@code host}, else why not. */
    static Optional<String> mismatch(String host, InetAddress remote) {
        InetAddress[] resolved;
        try {
            resolved = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "peer host {0} does not resolve: the address of {1} is not checked",
                    host, remote.getHostAddress());
            return Optional.empty();
        }
        for (InetAddress address : resolved) {
            if (address.equals(remote)) {
                return Optional.empty();
            }
        }
        boolean hostIsLocal = false;
        List<String> addresses = new ArrayList<>();
        for (InetAddress address : resolved) {
            addresses.add(address.getHostAddress());
            hostIsLocal |= isLocal(address);
        }
        if (hostIsLocal && isLocal(remote)) {
            return Optional.empty();
        }
        return Optional.of("connects from " + remote.getHostAddress() + " but its host " + host + " resolves to "
                + addresses + (hostIsLocal ? " (expected: a local address)" : " (expected: one of them)"));
    }

    /** A loopback, wildcard or own address of this machine. */
    static boolean isLocal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "network interfaces not readable: {0}", e.getMessage());
            return false;
        }
    }
}
