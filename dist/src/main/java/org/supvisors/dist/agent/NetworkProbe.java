package org.supvisors.dist.agent;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.supvisors.core.instance.NetworkInfo;

/**
 * Reads the network identification of this node: the machine id (the hardware address of the first non-loopback
 * interface, like Python's {@code uuid.getnode()}), the FQDN, and every non-loopback IPv4 interface.
 */
final class NetworkProbe {

    private static final System.Logger LOG = System.getLogger(NetworkProbe.class.getName());

    private NetworkProbe() {
    }

    static NetworkInfo probe() {
        String fqdn;
        try {
            fqdn = InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            fqdn = hostName();
        }
        Map<String, NetworkInfo.NicAddresses> addresses = new LinkedHashMap<>();
        String machineId = null;
        try {
            List<NetworkInterface> nics = Collections.list(NetworkInterface.getNetworkInterfaces());
            nics.sort((a, b) -> Integer.compare(a.getIndex(), b.getIndex()));
            for (NetworkInterface nic : nics) {
                if (nic.isLoopback() || !nic.isUp()) {
                    continue;
                }
                byte[] mac = nic.getHardwareAddress();
                if (machineId == null && mac != null && mac.length == 6 && !allZero(mac)) {
                    machineId = format(mac);
                }
                for (InterfaceAddress address : nic.getInterfaceAddresses()) {
                    if (address.getAddress() instanceof Inet4Address) {
                        addresses.put(nic.getName(), nicAddresses(nic.getName(), address));
                        break;
                    }
                }
            }
        } catch (SocketException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list the network interfaces: " + e.getMessage());
        }
        if (machineId == null) {
            machineId = fallbackMachineId();
        }
        return new NetworkInfo(machineId, fqdn, addresses);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "localhost";
        }
    }

    private static NetworkInfo.NicAddresses nicAddresses(String nicName, InterfaceAddress address) {
        InetAddress ip = address.getAddress();
        String literal = ip.getHostAddress();
        String hostName = ip.getCanonicalHostName();
        if (hostName.equals(literal)) {
            hostName = "";
        }
        List<String> ipv4 = new ArrayList<>();
        ipv4.add(literal);
        return new NetworkInfo.NicAddresses(hostName, List.of(), ipv4, nicName, literal,
                netmask(address.getNetworkPrefixLength()));
    }

    static String netmask(int prefixLength) {
        long mask = prefixLength == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
        return ((mask >> 24) & 0xFF) + "." + ((mask >> 16) & 0xFF) + "." + ((mask >> 8) & 0xFF) + "." + (mask & 0xFF);
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String format(byte[] mac) {
        StringBuilder text = new StringBuilder();
        for (byte b : mac) {
            if (text.length() > 0) {
                text.append(':');
            }
            text.append(String.format(Locale.ROOT, "%02x", b & 0xFF));
        }
        return text.toString();
    }

    /**
     * No hardware address (a loopback-only host): a stable id derived from /etc/machine-id, with the multicast bit
     * set as Python does for a random node id, so that instances of this host still share a node.
     */
    private static String fallbackMachineId() {
        String seed;
        try {
            seed = Files.readString(Path.of("/etc/machine-id")).trim();
        } catch (Exception e) {
            seed = hostName();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            byte[] mac = new byte[6];
            System.arraycopy(digest, 0, mac, 0, 6);
            mac[0] |= 0x01;
            return format(mac);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
