package org.supvisors.client.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void reads_what_python_json_dumps_writes() {
        Object value = JsonReader.read("{\"a\": 1, \"b\": [1.0, 0.5, 1e-05, 1e+16, -2.5, 3000000000], \"c\": null,"
                + " \"d\": true, \"e\": \"\\u00e9\\\"\\\\\\n\\t\\ud83d\\ude00 /\", \"f\": {}, \"g\": [],"
                + " \"h\": NaN, \"i\": -Infinity}");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        assertThat(map).containsOnlyKeys("a", "b", "c", "d", "e", "f", "g", "h", "i");
        assertThat(map.keySet()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i");
        assertThat(map.get("a")).isEqualTo(1);
        assertThat(map.get("b")).isEqualTo(Arrays.asList(1.0, 0.5, 1e-05, 1e16, -2.5, 3000000000L));
        assertThat(map.get("c")).isNull();
        assertThat(map.get("d")).isEqualTo(true);
        assertThat(map.get("e")).isEqualTo("\u00e9\"\\\n\t\ud83d\ude00 /");
        assertThat(map.get("f")).isEqualTo(Map.of());
        assertThat(map.get("g")).isEqualTo(List.of());
        assertThat((Double) map.get("h")).isNaN();
        assertThat(map.get("i")).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void malformed_texts_are_refused_with_the_offset_and_what_was_expected() {
        assertThatThrownBy(() -> JsonReader.read("[\"event\", {\"a\": 1,}]")).isInstanceOf(
                IllegalArgumentException.class).hasMessage("JSON: '}' at offset 18 (expected: a key string)");
        assertThatThrownBy(() -> JsonReader.read("{\"a\": 01}")).hasMessage(
                "JSON: '1' at offset 7 (expected: ',' or '}')");
        assertThatThrownBy(() -> JsonReader.read("[1] x")).hasMessage("JSON: 'x' at offset 4 (expected: end of text)");
        assertThatThrownBy(() -> JsonReader.read("\"abc")).hasMessageContaining("a closing");
        assertThatThrownBy(() -> JsonReader.read("[".repeat(100))).hasMessageContaining("nested levels");
        assertThatThrownBy(() -> JsonReader.read("\"\\x\"")).hasMessageContaining("an escape among");
    }
}
