package org.supvisors.transport.supervisord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventHeaderTest {

    @Test
    void reads_every_field_of_a_supervisord_header() throws Exception {
        assertThat(EventHeader.parse("ver:3.0 server:supervisor serial:21 pool:supvisors poolserial:10 "
                + "eventname:PROCESS_STATE_RUNNING len:54"))
                .isEqualTo(new EventHeader("3.0", "supervisor", 21, "supvisors", 10, "PROCESS_STATE_RUNNING", 54));
    }

    @Test
    void an_identifier_with_spaces_stays_whole() throws Exception {
        assertThat(EventHeader.parse("ver:3.0 server:my host 1 serial:1 pool:p poolserial:0 eventname:TICK_5 len:15")
                .server()).isEqualTo("my host 1");
    }

    @Test
    void a_missing_or_bad_field_is_named() {
        assertThatThrownBy(() -> EventHeader.parse("ver:3.0 server:s serial:1 pool:p eventname:TICK_5 len:15"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("poolserial:");
        assertThatThrownBy(() -> EventHeader.parse("ver:3.0 server:s serial:x pool:p poolserial:0 eventname:E len:1"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("event header: serial: 'x' (expected: a non-negative integer)");
        assertThatThrownBy(() -> EventHeader.parse("hello world"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("event header: 'hello world' (expected: key:value words");
    }

    @Test
    void the_length_of_an_unreadable_header_is_salvaged_when_present() {
        assertThat(EventHeader.salvageLength("ver:9 serial:x len:12")).hasValue(12);
        assertThat(EventHeader.salvageLength("ver:9 len:12 extra:1")).hasValue(12);
        assertThat(EventHeader.salvageLength("garbage")).isEmpty();
    }

    @Test
    void a_header_is_found_after_leftover_payload() {
        assertThat(EventHeader.headerStart("processname:x pid:1ver:3.0 server:s serial:1")).isEqualTo(19);
        assertThat(EventHeader.headerStart("groupname:x")).isEqualTo(-1);
    }
}
