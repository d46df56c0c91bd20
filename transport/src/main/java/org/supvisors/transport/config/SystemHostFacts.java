package org.supvisors.transport.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@link HostFacts} from Linux and the JDK; the fully qualified name is looked up once, when first asked. */
final class SystemHostFacts implements HostFacts {

    private static final System.Logger LOGGER = System.getLogger(SystemHostFacts.class.getName());
    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private String hostName;
    private String fullyQualifiedName;

    @Override
    public String hostName() {
        if (hostName == null) {
            hostName = readHostName();
        }
        return hostName;
    }

    private static String readHostName() {
        try {
            String name = Files.readString(KERNEL_HOSTNAME).trim();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "cannot read {0}, asking the JDK: {1}", KERNEL_HOSTNAME, e);
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "no local host name, using localhost: {0}", e);
            return "localhost";
        }
    }

    /** Python's {@code socket.getfqdn()}: the canonical name of the host name, if it has a dot. */
    @Override
    public String fullyQualifiedName() {
        if (fullyQualifiedName == null) {
            String name = hostName();
            try {
                String canonical = InetAddress.getByName(name).getCanonicalHostName();
                fullyQualifiedName = canonical.indexOf('.') > 0 && !Character.isDigit(canonical.charAt(0))
                        ? canonical : name;
            } catch (UnknownHostException e) {
                LOGGER.log(System.Logger.Level.DEBUG, "host name {0} does not resolve: {1}", name, e);
                fullyQualifiedName = name;
            }
        }
        return fullyQualifiedName;
    }

    @Override
    public Set<InetAddress> localAddresses() {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        try {
            for (NetworkInterface networkInterface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                addresses.addAll(Collections.list(networkInterface.getInetAddresses()));
            }
        } catch (SocketException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "cannot list the network interfaces: {0}", e);
        }
        return addresses;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
