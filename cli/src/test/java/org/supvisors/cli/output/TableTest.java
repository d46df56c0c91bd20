package org.supvisors.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void variable_columns_are_the_longest_of_title_and_values_plus_two_and_fixed_ones_keep_their_width() {
        List<String> lines = new Table().variable("Application").variable("Process").fixed("State", 12)
                .unpadded("Supervisor")
                .row("web", "front_end_server", "RUNNING", List.of("a:1", "b:2"))
                .row("db", "db", "STOPPED", List.of())
                .lines();

        assertThat(lines).containsExactly(
                "Application  Process           State       Supervisor",
                "web          front_end_server  RUNNING     ['a:1', 'b:2']",
                "db           db                STOPPED     []");
    }

    @Test
    void a_value_longer_than_a_fixed_width_is_never_cut_and_trailing_spaces_are_kept() {
        List<String> lines = new Table().fixed("State", 4).fixed("Load", 6).row("OPERATION", 25).lines();

        assertThat(lines).containsExactly("StateLoad  ", "OPERATION25    ");
    }

    @Test
    void measured_rows_widen_the_columns_without_being_printed() {
        Table table = new Table().variable("Application").fixed("State", 10);
        table.measure("a_very_long_name", "RUNNING");
        table.row("web", true);

        assertThat(table.lines()).containsExactly("Application       State     ", "web               True      ");
        assertThat(table.isEmpty()).isFalse();
    }

    @Test
    void a_row_of_the_wrong_size_is_refused_with_the_counts() {
        assertThatThrownBy(() -> new Table().variable("A").row("x", "y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("row: 2 values (expected: 1)");
    }
}
