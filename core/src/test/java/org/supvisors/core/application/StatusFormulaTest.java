package org.supvisors.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StatusFormulaTest {

    private static Map<String, Boolean> statuses(Object... pairs) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Boolean) pairs[i + 1]);
        }
        return map;
    }

    private static boolean eval(String formula, Map<String, Boolean> statuses) throws Exception {
        return StatusFormula.parse(formula).evaluate(statuses);
    }

    @Test
    void a_process_name_gives_its_status_and_a_pattern_matches_whole_names() throws Exception {
        Map<String, Boolean> s = statuses("register_1", true, "movie_1", false, "movie_2", true, "movie", false);
        assertThat(eval("'register_1'", s)).isTrue();
        assertThat(eval("'movie'", s)).as("an exact name wins over the pattern").isFalse();
        assertThat(eval("'register.*'", s)).as("one match is one status").isTrue();
        assertThat(eval("any('movie_.*')", s)).isTrue();
        assertThat(eval("all('movie_.*')", s)).isFalse();
        assertThat(eval("all(\"register.*\") and any('movie.*')", s)).isTrue();
        assertThat(eval("all('register_1')", s)).as("one status is a list of one").isTrue();
    }

    @Test
    void boolean_operators_follow_python_precedence() throws Exception {
        Map<String, Boolean> s = statuses("a", true, "b", false, "c", true);
        assertThat(eval("not 'b'", s)).isTrue();
        assertThat(eval("'a' and 'b' or 'c'", s)).isTrue();
        assertThat(eval("'a' and ('b' or 'c')", s)).isTrue();
        assertThat(eval("'b' or 'b' and 'a'", s)).isFalse();
        assertThat(eval("not 'a' or not 'b'", s)).isTrue();
        assertThat(eval("not ('a' and 'c')", s)).isFalse();
        assertThat(eval("  'a'  and\n 'c' ", s)).isTrue();
        assertThat(eval("'a' 'nd'", statuses("and", false, "a", true))).as("adjacent literals are one string")
                .isFalse();
        assertThat(eval("r'a' and u\"c\" and '''a'''", s)).isTrue();
        assertThat(eval("any('a',)", s)).as("a trailing comma is allowed").isTrue();
        assertThatThrownBy(() -> eval("any(('a', 'b'))", s)).as("a tuple is not evaluated")
                .isInstanceOf(StatusFormula.EvaluationError.class);
    }

    @Test
    void what_cannot_be_evaluated_is_an_error_with_the_reason() {
        Map<String, Boolean> s = statuses("movie_1", true, "movie_2", true);
        assertError("'nothing.*'", s, "no process matches 'nothing.*'");
        assertError("'movie.*'", s, "several statuses");
        assertError("'movie.*' and 'movie_1'", s, "'and' applies to one status");
        assertError("not 'movie.*'", s, "'not' applies to one status");
        assertError("len('movie.*')", s, "unsupported function len()");
        assertError("movie_1", s, "unsupported name movie_1");
        assertError("'movie_1' == 'movie_2'", s, "unsupported expression at '== 'movie_2''");
        assertError("all('movie_1', 'movie_2')", s, "all() takes exactly one argument");
        assertError("1", s, "unsupported expression at '1'");
        assertError("b'movie_1'", s, "unsupported name b");
        assertError("all(", s, "the formula ends too early");
        assertError("   ", s, "the formula is empty");
        assertError("'(unclosed'", s, "neither a process name nor a valid regular expression");
    }

    private static void assertError(String formula, Map<String, Boolean> statuses, String reason) {
        assertThatThrownBy(() -> eval(formula, statuses)).isInstanceOf(StatusFormula.EvaluationError.class)
                .hasMessageContaining(reason);
    }
}
