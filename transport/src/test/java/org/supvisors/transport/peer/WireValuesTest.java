package org.supvisors.transport.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;

/** The tagged binary body: every type round trips; malformed bodies are refused with the place and the reason. */
class WireValuesTest {

    private static Object read(byte... bytes) throws WireValues.MalformedBodyException {
        return WireValues.read(Unpooled.wrappedBuffer(bytes));
    }

    private static String refusal(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return refusal(bytes);
    }

    private static String refusal(byte[] bytes) {
        try {
            Object value = read(bytes);
            throw new AssertionError("read " + value + " from " + Arrays.toString(bytes));
        } catch (WireValues.MalformedBodyException e) {
            return e.getMessage();
        }
    }

    @Test
    void every_type_round_trips_with_its_java_type() throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("null", null);
        map.put("booleans", List.of(true, false));
        map.put("ints", List.of(0, -1, 1, 63, -64, 64, Integer.MAX_VALUE, Integer.MIN_VALUE));
        map.put("longs", List.of(0L, -1L, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE));
        map.put("doubles", List.of(0.0, -0.0, 1.5e300, Double.MIN_VALUE, Double.NaN, Double.NEGATIVE_INFINITY));
        map.put("strings", List.of("", "ascii", "é€😀", "x".repeat(300)));
        map.put("nested", Map.of("list", List.of(List.of(), Map.of())));
        map.put("é€😀 key", 1);

        Object read = WireValues.read(Unpooled.wrappedBuffer(Frames.body(map)));

        assertThat(read).isEqualTo(map);
        assertThat(new ArrayList<Object>(((Map<?, ?>) read).keySet())).containsExactlyElementsOf(map.keySet());
        assertThat(((List<?>) ((Map<?, ?>) read).get("ints")).get(0)).isInstanceOf(Integer.class);
        assertThat(((List<?>) ((Map<?, ?>) read).get("longs")).get(0)).isInstanceOf(Long.class);
    }

    @Test
    void small_values_take_few_bytes() {
        assertThat(Frames.body(1)).containsExactly(0x03, 0x02);
        assertThat(Frames.body(-1L)).containsExactly(0x04, 0x01);
        assertThat(Frames.body(300)).containsExactly(0x03, 0xD8, 0x04);
        assertThat(Frames.body("ab")).containsExactly(0x06, 0x02, 'a', 'b');
        assertThat(Frames.body(Map.of("k", true))).containsExactly(0x08, 0x01, 0x01, 'k', 0x02);
    }

    @Test
    void malformed_bodies_are_refused_with_the_place_and_the_reason() {
        assertThat(refusal()).isEqualTo("body at byte 0: body ends (expected: a tag)");
        assertThat(refusal(0x03, 0x80)).isEqualTo("body at byte 2: body ends (expected: the rest of a varint)");
        assertThat(refusal(0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F))
                .isEqualTo("body at byte 6: integer varint beyond 32 bits (expected: an Integer)");
        assertThat(refusal(0x04, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                0xFF, 0xFF, 0xFF, 0x02)).isEqualTo("body at byte 11: varint beyond 64 bits");
        assertThat(refusal(0x05, 1, 2, 3)).isEqualTo("body at byte 1: body ends (expected: a double of 8 bytes)");
        assertThat(refusal(0x06, 0x05, 'a')).isEqualTo("body at byte 2: string of 5 bytes with 1 bytes left");
        assertThat(refusal(0x06, 0x02, 0xC3, 0x28))
                .isEqualTo("body at byte 2: string of 2 bytes that is not UTF-8 (expected: well-formed UTF-8)");
        assertThat(refusal(0x08, 0x02, 0x01, 'k', 0x00, 0x01, 'k', 0x01))
                .isEqualTo("body at byte 7: key k repeated (expected: unique keys)");
        assertThat(refusal(0x08, 0x01, 0x01, 'k', 0x07, 0x01, 0x0A))
                .isEqualTo("body.k[0] at byte 7: tag 0xa (expected: 0x00 to 0x08)");
        assertThat(refusal(0x08, 0x03, 0x00, 0x00)).isEqualTo("body at byte 2: count 3 with 2 bytes left (expected:"
                + " at most 1)");
        assertThat(refusal(0x00, 0x00)).isEqualTo("body at byte 1: 1 bytes after the value (expected: none)");
    }

    @Test
    void a_body_of_too_many_values_is_refused_before_they_are_all_read() {
        int count = WireValues.MAX_VALUES + 1;
        byte[] body = new byte[5 + count];
        body[0] = 0x07;
        body[1] = (byte) (0x80 | (count & 0x7F));
        body[2] = (byte) (0x80 | ((count >>> 7) & 0x7F));
        body[3] = (byte) ((count >>> 14) & 0x7F);
        byte[] trimmed = Arrays.copyOf(body, 4 + count);

        assertThat(refusal(trimmed)).endsWith(": more than 1048576 values (expected: at most 1048576)");
    }

    @Test
    void values_without_a_wire_form_are_refused_when_written() {
        List<Object> deep = new ArrayList<>();
        List<Object> current = deep;
        for (int i = 0; i < WireValues.MAX_DEPTH; i++) {
            List<Object> inner = new ArrayList<>();
            current.add(inner);
            current = inner;
        }

        assertThatThrownBy(() -> Frames.body(Map.of("when", new java.util.Date(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("body.when: java.util.Date (expected: null, Boolean, Integer, Long, Double, String, List"
                        + " or Map)");
        assertThatThrownBy(() -> Frames.body(Map.of(1, "x"))).hasMessage("body: key 1 (expected: a string)");
        assertThatThrownBy(() -> Frames.body(deep)).hasMessageEndingWith(": nested 33 levels deep (expected: at"
                + " most 32)");
        assertThat(Frames.body(deep.get(0))).hasSize(2 * WireValues.MAX_DEPTH);
    }
}
