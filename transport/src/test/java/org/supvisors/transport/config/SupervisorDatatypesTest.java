package org.supvisors.transport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SupervisorDatatypesTest {

    @ParameterizedTest
    @CsvSource({"12,12", "' 12 ',12", "+3,3", "-4,-4", "007,7", "1_000,1000"})
    void integers_are_read_as_python_int_reads_them(String text, long expected) {
        assertThat(SupervisorDatatypes.integer(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.5", "0x10", "1__0", "_1", "12a", "99999999999999999999"})
    void non_integers_are_refused(String text) {
        assertThatThrownBy(() -> SupervisorDatatypes.integer(text)).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest
    @CsvSource({"1,1.0", "2.5,2.5", "5.,5.0", ".5,0.5", "1e3,1000.0", "' 7 ',7.0"})
    void floats_are_read_as_python_float_reads_them(String text, double expected) {
        assertThat(SupervisorDatatypes.floating(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nan", "inf", "5d", "0x1p3", "1,5"})
    void floats_that_no_option_accepts_are_refused(String text) {
        assertThatThrownBy(() -> SupervisorDatatypes.floating(text)).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest
    @CsvSource({"true,true", "YES,true", "On,true", "1,true", "false,false", "No,false", "OFF,false", "0,false"})
    void booleans_follow_supervisor(String text, boolean expected) {
        assertThat(SupervisorDatatypes.bool(text)).isEqualTo(expected);
    }

    @Test
    void other_booleans_are_refused_with_supervisors_text() {
        assertThatThrownBy(() -> SupervisorDatatypes.bool("maybe"))
                .hasMessage("not a valid boolean value: 'maybe'");
    }

    @ParameterizedTest
    @CsvSource({"1024,1024", "1KB,1024", "1kb,1024", "50MB,52428800", "2Gb,2147483648", "0,0", "' 3 KB',3072"})
    void byte_sizes_follow_supervisor(String text, long expected) {
        assertThat(SupervisorDatatypes.byteSize(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1k", "KB", "1.5MB", "1 TB", "9999999999GB"})
    void bad_byte_sizes_are_refused(String text) {
        assertThatThrownBy(() -> SupervisorDatatypes.byteSize(text)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void lists_of_strings_keep_empty_items_as_supervisor_does() {
        assertThat(SupervisorDatatypes.listOfStrings("a, b ,,c,")).containsExactly("a", "b", "", "c", "");
        assertThat(SupervisorDatatypes.listOfStrings("")).isEmpty();
    }

    @Test
    void key_value_pairs_follow_supervisor_and_shlex() {
        assertThat(SupervisorDatatypes.dictOfKeyValuePairs("A=1,B=\"x, y\",C='z' , D=/a/b.c:d"))
                .isEqualTo(Map.of("A", "1", "B", "x, y", "C", "z", "D", "/a/b.c:d"));
        assertThat(SupervisorDatatypes.dictOfKeyValuePairs("")).isEmpty();
        assertThat(SupervisorDatatypes.shlexTokens("K=v # comment\nL=w")).isEqualTo(List.of("K", "=", "v", "L", "=",
                "w"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "A=", "A=1,B", "A=x@y", "A=\"open"})
    void malformed_key_value_pairs_are_refused(String text) {
        assertThatThrownBy(() -> SupervisorDatatypes.dictOfKeyValuePairs(text))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void process_and_group_names_refuse_spaces_colons_and_slashes() {
        assertThat(SupervisorDatatypes.processOrGroupName(" worker ")).isEqualTo("worker");
        assertThatThrownBy(() -> SupervisorDatatypes.processOrGroupName("a:b"))
                .hasMessage("Invalid name: 'a:b' because of character: ':'");
        assertThatThrownBy(() -> SupervisorDatatypes.processOrGroupName("a b")).hasMessageContaining("' '");
        assertThatThrownBy(() -> SupervisorDatatypes.processOrGroupName("a/b")).hasMessageContaining("'/'");
    }
}
