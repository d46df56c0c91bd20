package org.supvisors.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The load-time check of operational status formulas: Python syntax, one expression. */
class FormulaSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "all('.*')",
        "all(\"register.*\") and any('movie.*')",
        "not ('a' or \"b\") and all(r'\\w+_\\d')",
        "any(['a', 'b'],)",
        "'a' if 'b' else 'c'",
        "x.y[1:2, ::3](a=1, *b, **c)",
        "1 + 2 * 3 ** -4 // 5 % 6 @ m | 7 ^ 8 & 9 << 10 >> ~11",
        "{'a': 1, **d}",
        "{1, 2}",
        "[x for x in y if x for z in x]",
        "lambda x, *y, z=1: x",
        "a < b <= c is not d not in e in f",
        "'''triple\nline''' \"adjacent\" b'bytes' f'{x}'",
        "all('a') # a comment",
        "all('a') and \\\n any('b')",
        "all(\n    'a',\n    'b'\n)",
        "all('a');",
        "0x1F + 0o7 + 0b1 + 1_000 + 1.5e-3 + .5 + 2j + 00",
        "(a, b)",
        "()",
        "...",
    })
    void python_expressions_are_accepted(String formula) {
        assertThat(FormulaSyntax.check(formula)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "all(",
        "all('a'))",
        "'unclosed",
        "all('a') any('b')",
        "and",
        "1 +",
        "x = 1",
        "$",
        "all('a')\n  and any('b')",
        "007",
        "1abc",
        "not",
        "all('a' 'b' 1)",
        "{1: 2, 3}",
        "a if b",
        "'line\nbreak'",
        "all('a') \\ any('b')",
        "import os",
    })
    void what_python_cannot_parse_is_a_parse_failure(String formula) {
        assertThat(FormulaSyntax.check(formula)).contains(FormulaSyntax.PARSE_FAILURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"all('a'); any('b')", "all('a')\nany('b')", "", "# only a comment"})
    void anything_but_one_statement_is_unsupported(String formula) {
        assertThat(FormulaSyntax.check(formula)).contains(FormulaSyntax.UNSUPPORTED);
    }
}
