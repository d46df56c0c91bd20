package org.supvisors.transport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supvisors.core.config.InstanceDeclaration;
import org.supvisors.core.instance.InstanceIdentity;

class LocalInstanceFinderTest {

    private static final String PLACE = "/etc/supervisord.conf:12: supvisors_list=...";

    private final List<ConfigMessage> messages = new ArrayList<>();
    private final FakeHostFacts cliche81 = new FakeHostFacts("cliche81", "cliche81.example.org", "127.0.0.1",
            "10.0.0.81", "192.168.1.81")
            .resolving("cliche81-alias", "192.168.1.81")
            .resolving("cliche82", "10.0.0.82")
            .resolving("loopname", "127.0.1.1");

    private static List<InstanceDeclaration> list(String... items) throws InvalidValueException {
        List<InstanceDeclaration> declarations = new ArrayList<>();
        for (String item : items) {
            declarations.add(SupvisorsValues.instance(item));
        }
        return declarations;
    }

    private InstanceIdentity find(HostFacts host, int port, String identifier, String... items) throws Exception {
        return new LocalInstanceFinder(host).find(list(items), PLACE, port, identifier, messages);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cliche81", "CLICHE81", "cliche81.example.org", "localhost", "127.0.0.1", "10.0.0.81",
        "cliche81-alias", "127.0.0.5", "loopname"})
    void a_host_designates_this_machine_by_name_literal_or_forward_resolution(String host) throws Exception {
        InstanceIdentity identity = find(cliche81, 60000, "supervisor", "cliche82", "<me>" + host);

        assertThat(identity).isEqualTo(new InstanceIdentity(host + ":60000", "me", host, 60000));
        assertThat(messages).isEmpty();
    }

    @Test
    void literals_and_direct_names_are_not_resolved() throws Exception {
        find(cliche81, 60000, "supervisor", "10.0.0.82:60000", "cliche81");

        assertThat(cliche81.resolved).isEmpty();
    }

    @Test
    void the_port_tells_instances_of_one_machine_apart() throws Exception {
        InstanceIdentity identity = find(cliche81, 60110, "supervisor", "<supv1>127.0.0.1:60100",
                "<supv2>127.0.0.1:60110", "<supv3>127.0.0.1:60120");

        assertThat(identity).isEqualTo(new InstanceIdentity("127.0.0.1:60110", "supv2", "127.0.0.1", 60110));
    }

    @Test
    void an_item_without_port_takes_the_local_port() throws Exception {
        InstanceIdentity identity = find(cliche81, 61000, "supervisor", "cliche81", "cliche82:61000");

        assertThat(identity).isEqualTo(new InstanceIdentity("cliche81:61000", "cliche81", "cliche81", 61000));
    }

    @Test
    void unresolvable_peers_are_warnings_when_the_local_instance_is_found() throws Exception {
        InstanceIdentity identity = find(cliche81, 60000, "supervisor", "ghost", "cliche81");

        assertThat(identity.identifier()).isEqualTo("cliche81:60000");
        assertThat(messages).containsExactly(ConfigMessage.warning(PLACE + ": host ghost of item 'ghost' does not"
                + " resolve; it will be handled as an unreachable instance"));
    }

    @Test
    void no_match_is_fatal_naming_the_port_names_and_addresses() {
        assertThatThrownBy(() -> find(cliche81, 60000, "supervisor", "cliche82", "cliche81:60100"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(PLACE + ": could not find the Supvisors in supvisors_list (expected: one item with the"
                        + " local HTTP port 60000 and a host that is localhost, cliche81, cliche81.example.org, a"
                        + " local address or a name resolving to one: 127.0.0.1, 10.0.0.81, 192.168.1.81)");
    }

    @Test
    void several_matches_are_fatal_listing_the_candidates() {
        assertThatThrownBy(() -> find(cliche81, 60000, "supervisor", "<a>cliche81", "localhost:60000", "cliche82"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(PLACE + ": multiple candidates for the Supvisors identifiers=[<a>cliche81:60000,"
                        + " localhost:60000] (expected: only one item designating this machine with the HTTP port"
                        + " 60000)");
    }

    @Test
    void an_empty_list_declares_the_instance_itself() throws Exception {
        assertThat(find(cliche81, 60000, "supervisor")).isEqualTo(new InstanceIdentity("cliche81:60000",
                "cliche81:60000", "cliche81", 60000));
        assertThat(find(cliche81, 60000, "supv-01")).isEqualTo(new InstanceIdentity("cliche81:60000", "supv-01",
                "cliche81", 60000));
    }

    @Test
    void a_supervisord_identifier_other_than_the_nickname_is_a_warning() throws Exception {
        find(cliche81, 60000, "supv-01", "<supv-01>cliche81");
        assertThat(messages).isEmpty();

        find(cliche81, 60000, "other", "<supv-01>cliche81");
        assertThat(messages).containsExactly(ConfigMessage.warning(PLACE + ": the supervisord identifier 'other'"
                + " differs from the local Supvisors nickname 'supv-01'"));
    }

    @Test
    void on_this_machine_loopback_localhost_and_the_host_name_are_local() throws Exception {
        HostFacts system = HostFacts.system();
        String hostName = system.hostName();

        assertThat(find(system, 60000, "supervisor", "<a>127.0.0.1", "203.0.113.7").nickIdentifier()).isEqualTo("a");
        assertThat(find(system, 60000, "supervisor", "<b>localhost", "203.0.113.7").nickIdentifier()).isEqualTo("b");
        assertThat(find(system, 60000, "supervisor", "<c>" + hostName, "203.0.113.7").nickIdentifier())
                .isEqualTo("c");
        assertThat(system.localAddresses()).contains(InetAddress.getLoopbackAddress());
    }

    @Test
    void on_this_machine_an_interface_address_is_local() throws Exception {
        HostFacts system = HostFacts.system();
        InetAddress nonLoopback = system.localAddresses().stream()
                .filter(address -> address.getAddress().length == 4 && !address.isLoopbackAddress()).findFirst()
                .orElse(InetAddress.getLoopbackAddress());

        InstanceIdentity identity = find(system, 60000, "supervisor", "<me>" + nonLoopback.getHostAddress(),
                "203.0.113.7");

        assertThat(identity.nickIdentifier()).isEqualTo("me");
    }
}
