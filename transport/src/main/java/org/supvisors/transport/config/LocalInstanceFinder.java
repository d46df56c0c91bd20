package org.supvisors.transport.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.supvisors.core.config.InstanceDeclaration;
import org.supvisors.core.instance.InstanceIdentity;

/**
 * Finds which item of {@code supvisors_list} is the local instance: the one whose port (written, or the local
 * HTTP port) is the local supervisord HTTP port and whose host designates this machine, that is
 * <ul>
 *   <li>{@code localhost}, the host name or the fully qualified name (case-insensitive), or</li>
 *   <li>an IPv4 literal of a local interface or of the loopback network, or</li>
 *   <li>a name that resolves (forward only) to such an address.</li>
 * </ul>
 * 0.19 matched only the names that reverse DNS gives for non-loopback interfaces, which failed on loopback-only
 * test rigs. It also refused to start when any host of the list did not resolve; here an unresolvable host is only
 * a warning (the instance will be seen as unreachable), as long as the local instance is found.
 */
final class LocalInstanceFinder {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

    private final HostFacts host;

    LocalInstanceFinder(HostFacts host) {
        this.host = host;
    }

    /**
     * The local identity.
     *
     * @param list the declared instances; when empty, the instance declares itself as
     *     {@code <supervisord identifier>hostname:http_port}
     * @param location {@code file:line: supvisors_list=value} for messages
     * @throws ConfigurationException when no item or several items designate the local instance
     */
    InstanceIdentity find(List<InstanceDeclaration> list, String location, int localPort,
                          String supervisordIdentifier, List<ConfigMessage> messages) throws ConfigurationException {
        if (list.isEmpty()) {
            return InstanceIdentity.ofSelf(supervisordIdentifier, host.hostName(), localPort);
        }
        Set<InetAddress> localAddresses = host.localAddresses();
        List<InstanceIdentity> candidates = new ArrayList<>();
        for (InstanceDeclaration declaration : list) {
            if (declaration.httpPort().orElse(localPort) == localPort
                    && designatesThisMachine(declaration, localAddresses, location, messages)) {
                candidates.add(InstanceIdentity.of(declaration, localPort));
            }
        }
        if (candidates.isEmpty()) {
            throw new ConfigurationException(location + ": could not find the Supvisors in supvisors_list (expected:"
                    + " one item with the local HTTP port " + localPort + " and a host that is localhost, "
                    + host.hostName() + ", " + host.fullyQualifiedName() + ", a local address or a name resolving to"
                    + " one: " + localAddresses.stream().map(InetAddress::getHostAddress)
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (candidates.size() > 1) {
            throw new ConfigurationException(location + ": multiple candidates for the Supvisors identifiers="
                    + candidates.stream().map(InstanceIdentity::toString).collect(Collectors.toList())
                    + " (expected: only one item designating this machine with the HTTP port " + localPort + ")");
        }
        InstanceIdentity identity = candidates.get(0);
        if (!supervisordIdentifier.equals(InstanceIdentity.SUPERVISOR_DEFAULT_IDENTIFIER)
                && !supervisordIdentifier.equals(identity.nickIdentifier())) {
            messages.add(ConfigMessage.warning(location + ": the supervisord identifier '" + supervisordIdentifier
                    + "' differs from the local Supvisors nickname '" + identity.nickIdentifier() + "'"));
        }
        return identity;
    }

    private boolean designatesThisMachine(InstanceDeclaration declaration, Set<InetAddress> localAddresses,
                                          String location, List<ConfigMessage> messages) {
        String name = declaration.host().toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.equals(host.hostName().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (IPV4_LITERAL.matcher(name).matches()) {
            try {
                return isLocal(InetAddress.getByName(name), localAddresses);
            } catch (UnknownHostException e) {
                // a literal out of range (300.1.1.1) is no address of this machine
                return false;
            }
        }
        if (name.equals(host.fullyQualifiedName().toLowerCase(Locale.ROOT))) {
            return true;
        }
        try {
            for (InetAddress address : host.resolve(declaration.host())) {
                if (isLocal(address, localAddresses)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            messages.add(ConfigMessage.warning(location + ": host " + declaration.host() + " of item '"
                    + declaration.item() + "' does not resolve; it will be handled as an unreachable instance"));
            return false;
        }
    }

    private static boolean isLocal(InetAddress address, Set<InetAddress> localAddresses) {
        return address.isLoopbackAddress() || localAddresses.contains(address);
    }
}
