package org.supvisors.transport.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The encoder writes what Python's xmlrpc.client.dumps writes (expected texts produced by Python 3.11). */
class XmlRpcWriterTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = XmlRpcWriterTest.class.getResourceAsStream("/xmlrpc/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] range(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static Map<String, Object> everyType() {
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("int", 7);
        struct.put("neg", Integer.MIN_VALUE);
        struct.put("bool", false);
        struct.put("double", 1.5);
        struct.put("string", "a<b & c>\"'");
        struct.put("bytes", range(60));
        struct.put("date", new Date(1_704_164_645_000L));
        struct.put("list", List.of(1, "two", List.of()));
        struct.put("empty", Map.of());
        struct.put("nil", null);
        return struct;
    }

    @Test
    void response_is_written_as_python_writes_it() throws IOException {
        assertThat(XmlRpcWriter.response(everyType())).isEqualTo(resource("python-response.xml"));
    }

    @Test
    void fault_is_written_as_python_writes_it() throws IOException {
        assertThat(XmlRpcWriter.fault(10, "BAD_NAME: a<b")).isEqualTo(resource("python-fault.xml"));
    }

    @Test
    void call_is_written_as_python_writes_it() throws IOException {
        assertThat(XmlRpcWriter.call("supervisor.startProcess", List.of(1, "a", List.of(true))))
                .isEqualTo(resource("python-call.xml"));
    }

    @Test
    void doubles_never_use_exponent_notation() {
        assertThat(XmlRpcWriter.plain(1e20)).isEqualTo("100000000000000000000.0");
        assertThat(XmlRpcWriter.plain(1.5e-7)).isEqualTo("0.00000015");
        assertThat(XmlRpcWriter.plain(100.0)).isEqualTo("100.0");
        assertThat(XmlRpcWriter.plain(0.1)).isEqualTo("0.1");
        assertThat(XmlRpcWriter.plain(-2.5)).isEqualTo("-2.5");
        assertThat(XmlRpcWriter.plain(0.0)).isEqualTo("0.0");
        assertThat(XmlRpcWriter.plain(-0.0)).isEqualTo("-0.0");
        assertThat(XmlRpcWriter.plain(Double.MAX_VALUE)).doesNotContain("E").endsWith(".0").hasSize(311);
        assertThat(XmlRpcWriter.plain(Double.MIN_VALUE)).startsWith("0.000").doesNotContain("E");
        assertThat(XmlRpcWriter.plain(Double.NaN)).isEqualTo("nan");
        assertThat(XmlRpcWriter.plain(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(XmlRpcWriter.plain(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void integers_use_i8_only_beyond_32_bits() {
        assertThat(XmlRpcWriter.response(5L)).contains("<value><int>5</int></value>");
        assertThat(XmlRpcWriter.response(-(1L << 31))).contains("<value><int>-2147483648</int></value>");
        assertThat(XmlRpcWriter.response(1L << 31)).contains("<value><i8>2147483648</i8></value>");
        assertThat(XmlRpcWriter.response((short) 3)).contains("<value><int>3</int></value>");
    }

    @Test
    void text_that_xml_cannot_carry_is_escaped_or_replaced() {
        assertThat(XmlRpcWriter.response("a\r\nb\tc\u0001d\uD800e\uD83D\uDE00"))
                .contains("<value><string>a&#13;\nb\tc\uFFFDd\uFFFDe\uD83D\uDE00</string></value>");
    }

    @Test
    void every_type_survives_a_round_trip() throws Exception {
        Map<String, Object> struct = everyType();
        struct.put("long", Long.MIN_VALUE);
        struct.put("max", Long.MAX_VALUE);
        struct.put("doubles", Arrays.asList(1e20, -1.5e-300, 0.1, Double.NaN, Double.NEGATIVE_INFINITY, -0.0));
        struct.put("nested", List.of(Map.of("a", List.of(Map.of("b", new byte[0])))));
        struct.put("unicode", "é€😀");
        struct.put("array", new Object[] {1, "x"});
        struct.put("set", Set.of("only"));
        struct.put("float", 0.5f);

        Object decoded = XmlRpcReader.readResponse(new ByteArrayInputStream(
                XmlRpcWriter.response(struct).getBytes(StandardCharsets.UTF_8)));

        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) decoded;
        assertThat(map.keySet()).containsExactlyElementsOf(struct.keySet());
        assertThat(map).containsEntry("int", 7).containsEntry("neg", Integer.MIN_VALUE).containsEntry("bool", false)
                .containsEntry("double", 1.5).containsEntry("string", "a<b & c>\"'")
                .containsEntry("date", new Date(1_704_164_645_000L)).containsEntry("list", List.of(1, "two",
                        List.of()))
                .containsEntry("empty", Map.of()).containsEntry("nil", null).containsEntry("long", Long.MIN_VALUE)
                .containsEntry("max", Long.MAX_VALUE).containsEntry("unicode", "é€😀")
                .containsEntry("array", List.of(1, "x")).containsEntry("set", List.of("only"))
                .containsEntry("float", 0.5);
        assertThat((byte[]) map.get("bytes")).isEqualTo(range(60));
        assertThat(map.get("doubles")).isEqualTo(List.of(1e20, -1.5e-300, 0.1, Double.NaN,
                Double.NEGATIVE_INFINITY, -0.0));
        assertThat(map.get("nested").toString()).startsWith("[{a=[{b=[B@");
    }

    @Test
    void unsupported_values_are_refused_with_their_type() {
        assertThatThrownBy(() -> XmlRpcWriter.response(new StringBuilder("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("value type: java.lang.StringBuilder (expected: String, ");
        assertThatThrownBy(() -> XmlRpcWriter.response(Map.of(1, "x")))
                .hasMessage("struct key: 1 (expected: a String)");
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThatThrownBy(() -> XmlRpcWriter.response(cycle))
                .hasMessage("value nesting: more than 100 levels (expected: at most 100; a cycle?)");
    }

    @Test
    void the_answer_written_into_a_buffer_is_the_utf8_of_the_answer_written_as_text() {
        Object value = java.util.Map.of("text", "caf\u00e9 \ud83d\ude00 <&> \r", "list", List.of(1, 2.5, true));
        io.netty.buffer.ByteBuf buffer = XmlRpcWriter.response(value, io.netty.buffer.UnpooledByteBufAllocator.DEFAULT);
        try {
            assertThat(buffer.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(XmlRpcWriter.response(value));
        } finally {
            buffer.release();
        }
    }
}
