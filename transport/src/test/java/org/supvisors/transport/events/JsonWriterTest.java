package org.supvisors.transport.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private static String json(Object value) {
        StringBuilder out = new StringBuilder();
        JsonWriter.write(value, "body", out);
        return out.toString();
    }

    @Test
    void writes_what_python_json_dumps_writes_for_the_same_values() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("a", 1);
        body.put("b", Arrays.asList(1.0, 0.5, 1e-05, 0.0001, 1e16, 1234567890123456.0, 1.5e-07, -2.5, 123.456,
                1e100, -0.0, 1099511627776.0, 0.1 + 0.2));
        body.put("c", null);
        body.put("d", true);
        body.put("e", "\u00e9\"\\\n\t\u0001\u007f\ud83d\ude00 /");
        body.put("f", Map.of());
        body.put("g", List.of());
        body.put("h", 3000000000L);
        // python3 -c 'import json; print(json.dumps({...the same...}))'
        assertThat(json(body)).isEqualTo("{\"a\": 1, \"b\": [1.0, 0.5, 1e-05, 0.0001, 1e+16, 1234567890123456.0,"
                + " 1.5e-07, -2.5, 123.456, 1e+100, -0.0, 1099511627776.0, 0.30000000000000004], \"c\": null,"
                + " \"d\": true, \"e\": \"\\u00e9\\\"\\\\\\n\\t\\u0001\\u007f\\ud83d\\ude00 /\", \"f\": {},"
                + " \"g\": [], \"h\": 3000000000}");
    }

    @Test
    void keeps_the_order_of_the_keys() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("zeta", 1);
        body.put("alpha", 2);
        assertThat(json(body)).isEqualTo("{\"zeta\": 1, \"alpha\": 2}");
    }

    @Test
    void a_websocket_message_is_the_json_array_of_topic_and_body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("x", 1);
        assertThat(EventMessages.webSocketText(Topic.PROCESS, body)).isEqualTo("[\"process\", {\"x\": 1}]");
        assertThat(EventMessages.body(body)).isEqualTo("{\"x\": 1}");
    }

    @Test
    void refuses_a_non_finite_number_and_names_its_place() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cpu", new ArrayList<>(List.of(1.0, 2.0, Double.NaN)));
        assertThatThrownBy(() -> json(body)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("body.cpu[2]: NaN (expected: a finite number)");
    }

    @Test
    void refuses_a_value_type_outside_the_bodies_and_a_key_that_is_not_a_string() {
        assertThatThrownBy(() -> json(Map.of("when", new java.util.Date(0)))).isInstanceOf(
                IllegalArgumentException.class).hasMessageStartingWith("body.when: java.util.Date ");
        assertThatThrownBy(() -> json(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("body: key 1 (expected: a String)");
        assertThatThrownBy(() -> json(Map.of("f", 1.5f))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("body.f: java.lang.Float 1.5 (expected:");
    }
}
