package org.supvisors.dist.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class SupvisorsdArgumentsTest {

    @Test
    void the_configuration_is_given_with_c_or_configuration() {
        assertThat(Supvisorsd.Arguments.parse(new String[] {"-c", "/etc/s.conf"}).configuration)
                .contains(Path.of("/etc/s.conf"));
        assertThat(Supvisorsd.Arguments.parse(new String[] {"--configuration=/x.conf", "--check"}).check).isTrue();
        assertThat(Supvisorsd.Arguments.parse(new String[0]).configuration).isEmpty();
    }

    @Test
    void a_bad_argument_is_named() {
        assertThatThrownBy(() -> Supvisorsd.Arguments.parse(new String[] {"-x"}))
                .hasMessage("unknown argument: -x");
        assertThatThrownBy(() -> Supvisorsd.Arguments.parse(new String[] {"-c"}))
                .hasMessage("-c requires a file");
    }

    @Test
    void the_netmask_of_a_prefix_is_dotted() {
        assertThat(NetworkProbe.netmask(24)).isEqualTo("255.255.255.0");
        assertThat(NetworkProbe.netmask(0)).isEqualTo("0.0.0.0");
        assertThat(NetworkProbe.netmask(32)).isEqualTo("255.255.255.255");
    }
}
