package org.supvisors.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ColumnsTest {

    @Test
    void words_fill_columns_top_down_in_as_few_rows_as_fit_the_width() {
        List<String> words = List.of("add", "avail", "clear", "exit", "fg", "maintail", "open");

        assertThat(Columns.columnize(words, 20)).as("as Python's cmd.Cmd.columnize(words, 20) prints them")
                .containsExactly("add    fg      ", "avail  maintail", "clear  open    ", "exit ");
    }

    @Test
    void one_row_when_everything_fits() {
        assertThat(Columns.columnize(List.of("a", "bb", "c"), 79)).containsExactly("a  bb  c");
    }

    @Test
    void one_word_per_row_when_a_word_is_wider_than_the_line() {
        assertThat(Columns.columnize(List.of("abcdef", "gh"), 4)).containsExactly("abcdef", "gh");
    }

    @Test
    void no_words_and_a_single_word() {
        assertThat(Columns.columnize(List.of(), 79)).containsExactly("<empty>");
        assertThat(Columns.columnize(List.of("only"), 79)).containsExactly("only");
    }
}
