package org.supvisors.core.instance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The network identification of a node, as {@code get_network_info} shows it (loopback interfaces excluded).
 *
 * @param machineId the MAC-derived 48-bit hardware address, {@code aa:bb:cc:dd:ee:ff}: instances reporting the
 *     same one are on the same node
 * @param fqdn the fully qualified domain name
 * @param addresses per network interface
 */
public record NetworkInfo(String machineId, String fqdn, Map<String, NicAddresses> addresses) {

    public NetworkInfo {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(fqdn, "fqdn");
        addresses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(addresses));
    }

    /**
     * One interface.
     *
     * @param hostName reverse DNS of the address, empty if unresolved
     * @param aliases host aliases
     * @param ipv4Addresses the addresses of the host name
     * @param nicName the interface name
     * @param ipv4Address the interface address
     * @param netmask the interface netmask, dotted
     */
    public record NicAddresses(String hostName, List<String> aliases, List<String> ipv4Addresses, String nicName,
                               String ipv4Address, String netmask) {

        public NicAddresses {
            aliases = List.copyOf(aliases);
            ipv4Addresses = List.copyOf(ipv4Addresses);
        }
    }

    /** The {@code network} structure of {@code get_network_info}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("machine_id", machineId);
        map.put("fqdn", fqdn);
        Map<String, Object> nics = new LinkedHashMap<>();
        addresses.forEach((nic, a) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("host_name", a.hostName());
            entry.put("aliases", a.aliases());
            entry.put("ipv4_addresses", a.ipv4Addresses());
            Map<String, Object> nicInfo = new LinkedHashMap<>();
            nicInfo.put("nic_name", a.nicName());
            nicInfo.put("ipv4_address", a.ipv4Address());
            nicInfo.put("netmask", a.netmask());
            entry.put("nic_info", nicInfo);
            nics.put(nic, entry);
        });
        map.put("addresses", nics);
        return map;
    }
}
