package org.supvisors.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PythonTextTest {

    @Test
    void scalars_are_written_as_python_str_writes_them() {
        assertThat(PythonText.str(true)).isEqualTo("True");
        assertThat(PythonText.str(false)).isEqualTo("False");
        assertThat(PythonText.str(null)).isEqualTo("None");
        assertThat(PythonText.str(42)).isEqualTo("42");
        assertThat(PythonText.str("text")).isEqualTo("text");
    }

    @Test
    void floats_take_their_shortest_form_positional_from_1e_minus_4_to_below_1e16() {
        assertThat(PythonText.str(5.0)).isEqualTo("5.0");
        assertThat(PythonText.str(0.1)).isEqualTo("0.1");
        assertThat(PythonText.str(12.25)).isEqualTo("12.25");
        assertThat(PythonText.str(0.0001)).isEqualTo("0.0001");
        assertThat(PythonText.str(0.00001)).isEqualTo("1e-05");
        assertThat(PythonText.str(1e16)).isEqualTo("1e+16");
        assertThat(PythonText.str(123456789012345.0)).isEqualTo("123456789012345.0");
        assertThat(PythonText.str(-2.5e-7)).isEqualTo("-2.5e-07");
        assertThat(PythonText.str(-0.0)).isEqualTo("-0.0");
        assertThat(PythonText.str(Double.NaN)).isEqualTo("nan");
        assertThat(PythonText.str(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void containers_hold_the_repr_of_their_items() {
        assertThat(PythonText.str(List.of("a", "b"))).isEqualTo("['a', 'b']");
        assertThat(PythonText.str(new Object[] {1, true, null})).isEqualTo("[1, True, None]");
        assertThat(PythonText.str(List.of())).isEqualTo("[]");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k", 1);
        map.put("l", List.of("x"));
        assertThat(PythonText.str(map)).isEqualTo("{'k': 1, 'l': ['x']}");
    }

    @Test
    void strings_in_containers_are_quoted_as_python_quotes_them() {
        assertThat(PythonText.repr("it's")).isEqualTo("\"it's\"");
        assertThat(PythonText.repr("say \"hi\"")).isEqualTo("'say \"hi\"'");
        assertThat(PythonText.repr("both ' and \"")).isEqualTo("'both \\' and \"'");
        assertThat(PythonText.repr("a\tb\nc\\")).isEqualTo("'a\\tb\\nc\\\\'");
        assertThat(PythonText.repr("\u0001")).isEqualTo("'\\x01'");
    }
}
