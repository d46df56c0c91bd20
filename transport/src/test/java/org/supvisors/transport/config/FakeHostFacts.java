package org.supvisors.transport.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Another machine, for tests: its names, its interface addresses, and a name service. */
final class FakeHostFacts implements HostFacts {

    private final String hostName;
    private final String fullyQualifiedName;
    private final Set<InetAddress> addresses = new LinkedHashSet<>();
    private final Map<String, List<InetAddress>> names = new HashMap<>();
    final List<String> resolved = new ArrayList<>();

    FakeHostFacts(String hostName, String fullyQualifiedName, String... interfaceAddresses) {
        this.hostName = hostName;
        this.fullyQualifiedName = fullyQualifiedName;
        for (String address : interfaceAddresses) {
            addresses.add(literal(address));
        }
    }

    /** Declares that {@code name} resolves to {@code addresses}. */
    FakeHostFacts resolving(String name, String... addresses) {
        List<InetAddress> list = new ArrayList<>();
        for (String address : addresses) {
            list.add(literal(address));
        }
        names.put(name, list);
        return this;
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    @Override
    public String hostName() {
        return hostName;
    }

    @Override
    public String fullyQualifiedName() {
        return fullyQualifiedName;
    }

    @Override
    public Set<InetAddress> localAddresses() {
        return addresses;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        resolved.add(host);
        List<InetAddress> found = names.get(host);
        if (found == null) {
            throw new UnknownHostException(host);
        }
        return found;
    }
}
