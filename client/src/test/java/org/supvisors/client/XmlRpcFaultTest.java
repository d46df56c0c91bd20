package org.supvisors.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class XmlRpcFaultTest {

    private static final URI URL = URI.create("http://127.0.0.1:60002/RPC2");

    private static XmlRpcFault fault(int code, String faultString) {
        return new XmlRpcFault(URL, "supvisors.m", code, faultString);
    }

    @Test
    void a_known_code_gives_its_name_and_the_text_after_it() {
        XmlRpcFault fault = fault(10, "BAD_NAME: application=web unknown to Supvisors");
        assertThat(fault.code()).isEqualTo(10);
        assertThat(fault.faultCode()).contains(FaultCode.BAD_NAME);
        assertThat(fault.is(FaultCode.BAD_NAME)).isTrue();
        assertThat(fault.is(FaultCode.FAILED)).isFalse();
        assertThat(fault.faultName()).isEqualTo("BAD_NAME");
        assertThat(fault.text()).isEqualTo("application=web unknown to Supvisors");
        assertThat(fault.faultString()).isEqualTo("BAD_NAME: application=web unknown to Supvisors");
        assertThat(fault.method()).isEqualTo("supvisors.m");
        assertThat(fault.url()).isEqualTo(URL);
        assertThat(fault).hasMessage("supvisors.m: BAD_NAME: application=web unknown to Supvisors (fault 10)");
    }

    @Test
    void a_bare_name_has_an_empty_text() {
        XmlRpcFault fault = fault(2, "INCORRECT_PARAMETERS");
        assertThat(fault.faultName()).isEqualTo("INCORRECT_PARAMETERS");
        assertThat(fault.text()).isEmpty();
    }

    @Test
    void a_text_spanning_lines_is_kept_whole() {
        assertThat(fault(30, "FAILED: line 1\nline 2").text()).isEqualTo("line 1\nline 2");
    }

    @Test
    void an_unknown_code_takes_its_name_from_the_fault_string_when_it_has_one() {
        XmlRpcFault named = fault(999, "CUSTOM_FAULT: something");
        assertThat(named.faultCode()).isEmpty();
        assertThat(named.faultName()).isEqualTo("CUSTOM_FAULT");
        assertThat(named.text()).isEqualTo("something");
        XmlRpcFault anonymous = fault(999, "something went wrong");
        assertThat(anonymous.faultName()).isEmpty();
        assertThat(anonymous.text()).isEqualTo("something went wrong");
    }

    @Test
    void a_fault_string_that_does_not_start_with_the_name_of_its_code_is_the_text() {
        XmlRpcFault fault = fault(10, "no such process");
        assertThat(fault.faultName()).isEqualTo("BAD_NAME");
        assertThat(fault.text()).isEqualTo("no such process");
    }

    @Test
    void every_code_of_0_19_is_known_with_its_name() {
        assertThat(FaultCode.values()).extracting(FaultCode::code).containsExactly(1, 2, 3, 4, 6, 10, 11, 20, 21, 30,
                40, 50, 60, 70, 80, 90, 91, 92, 100, 101, 102, 103, 104, 105);
        assertThat(FaultCode.fromCode(103)).contains(FaultCode.DISABLED);
        assertThat(FaultCode.fromCode(5)).isEmpty();
    }
}
