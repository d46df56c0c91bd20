package org.supvisors.transport.supervisord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;

class EnvelopeReaderTest {

    @Test
    void a_payload_length_counts_characters_of_utf8_text() throws Exception {
        String payload = "type:x\né ✓ 😀 done";
        EnvelopeReader reader = new EnvelopeReader(new ByteArrayInputStream(
                Envelopes.utf8(payload + "next line\n")));
        assertThat(reader.readPayload(payload.codePointCount(0, payload.length()))).isEqualTo(payload);
        assertThat(reader.readLine()).isEqualTo(new EnvelopeReader.Line("next line", false));
    }

    @Test
    void a_long_payload_is_read_whole_but_kept_in_part() throws Exception {
        int length = EnvelopeReader.MAX_KEPT_CHARACTERS + 10;
        EnvelopeReader reader = new EnvelopeReader(new ByteArrayInputStream(
                Envelopes.utf8("x".repeat(length) + "after\n")));
        assertThat(reader.readPayload(length)).hasSize(EnvelopeReader.MAX_KEPT_CHARACTERS);
        assertThat(reader.readLine().text()).isEqualTo("after");
    }

    @Test
    void a_long_line_is_cut_and_marked() throws Exception {
        EnvelopeReader reader = new EnvelopeReader(new ByteArrayInputStream(
                Envelopes.utf8("y".repeat(EnvelopeReader.MAX_LINE_BYTES + 5) + "\nnext\n")));
        EnvelopeReader.Line line = reader.readLine();
        assertThat(line.truncated()).isTrue();
        assertThat(line.text()).hasSize(EnvelopeReader.MAX_LINE_BYTES);
        assertThat(reader.readLine().text()).isEqualTo("next");
    }

    @Test
    void the_end_of_the_stream_is_null() throws Exception {
        EnvelopeReader reader = new EnvelopeReader(new ByteArrayInputStream(Envelopes.utf8("no line feed")));
        assertThat(reader.readLine()).isNull();
        assertThat(new EnvelopeReader(new ByteArrayInputStream(Envelopes.utf8("ab"))).readPayload(3)).isNull();
        assertThat(new EnvelopeReader(new ByteArrayInputStream(new byte[] {(byte) 0xC3})).readPayload(1)).isNull();
    }
}
