package org.supvisors.client.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network identification of a Supvisors instance ({@code get_network_info}).
 *
 * @param identifier the identifier, {@code host:http_port}
 * @param nickIdentifier the nickname
 * @param hostId the host part as declared
 * @param httpPort the supervisord HTTP port
 * @param stereotypes the stereotypes the instance advertises
 * @param network what the instance found about its host, when known
 * @param raw the whole struct as received, unknown keys included
 */
public record NetworkInfo(String identifier, String nickIdentifier, String hostId, int httpPort,
                          List<String> stereotypes, Optional<Network> network, Map<String, Object> raw) {

    /** Copies the collections into read-only ones. */
    public NetworkInfo {
        stereotypes = List.copyOf(stereotypes);
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as the agent sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static NetworkInfo fromMap(Map<String, ?> map) {
        Struct s = Struct.of("NetworkInfo", map);
        return new NetworkInfo(s.string("identifier"), s.string("nick_identifier"), s.string("host_id"),
                s.integer("http_port"), s.strings("stereotypes"), s.optionalStruct("network").map(Network::of),
                s.raw());
    }

    /**
     * The {@code network} struct: the host as its instance sees it (loopback interfaces excluded).
     *
     * @param machineId the MAC-derived node identifier, {@code aa:bb:cc:dd:ee:ff}
     * @param fqdn the fully qualified host name
     * @param addresses per network interface name, its addresses
     */
    public record Network(String machineId, String fqdn, Map<String, NicAddresses> addresses) {

        /** Copies the map into a read-only one. */
        public Network {
            addresses = Struct.frozenMap(addresses);
        }

        static Network of(Struct s) {
            return new Network(s.string("machine_id"), s.string("fqdn"), s.mapOf("addresses", NicAddresses::of));
        }
    }

    /**
     * The addresses of one network interface (an {@code addresses} entry, {@code nic_info} flattened).
     *
     * @param hostName the host name from reverse DNS of the interface address, empty if unresolved
     * @param aliases the aliases from reverse DNS
     * @param ipv4Addresses the addresses from reverse DNS
     * @param nicName the interface name
     * @param ipv4Address the interface address
     * @param netmask the interface netmask, dotted
     */
    public record NicAddresses(String hostName, List<String> aliases, List<String> ipv4Addresses, String nicName,
                               String ipv4Address, String netmask) {

        /** Copies the lists into read-only ones. */
        public NicAddresses {
            aliases = List.copyOf(aliases);
            ipv4Addresses = List.copyOf(ipv4Addresses);
        }

        static NicAddresses of(Struct s) {
            Struct nic = s.struct("nic_info");
            return new NicAddresses(s.string("host_name"), s.strings("aliases"), s.strings("ipv4_addresses"),
                    nic.string("nic_name"), nic.string("ipv4_address"), nic.string("netmask"));
        }
    }
}
