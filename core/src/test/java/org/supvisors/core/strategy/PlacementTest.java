package org.supvisors.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlacementTest {

    // A and C share a node; loads A=10, B=15, C=9 (the worked example of state-machines.md §7.1)
    private static final List<Candidate> ABC = List.of(new Candidate("A", 10, 19), new Candidate("B", 15, 15),
            new Candidate("C", 9, 19));

    @Test
    void config_takes_the_first_valid_candidate_in_rule_order() {
        assertThat(Placement.of(StartingStrategy.CONFIG).choose(ABC, 20, "B")).contains("A");
        assertThat(Placement.of(StartingStrategy.CONFIG).choose(ABC, 82, "B")).contains("B");
        assertThat(Placement.of(StartingStrategy.CONFIG).choose(ABC, 86, "B")).isEmpty();
    }

    @Test
    void less_and_most_loaded_sort_by_instance_then_node_load() {
        assertThat(Placement.of(StartingStrategy.LESS_LOADED).choose(ABC, 20, "B")).contains("C");
        assertThat(Placement.of(StartingStrategy.MOST_LOADED).choose(ABC, 20, "B")).contains("B");
    }

    @Test
    void node_strategies_sort_by_node_then_instance_load() {
        assertThat(Placement.of(StartingStrategy.LESS_LOADED_NODE).choose(ABC, 20, "B")).contains("B");
        assertThat(Placement.of(StartingStrategy.MOST_LOADED_NODE).choose(ABC, 20, "B")).contains("A");
    }

    @Test
    void ties_keep_the_rule_order_first_for_less_last_for_most() {
        List<Candidate> even = List.of(new Candidate("X", 5, 5), new Candidate("Y", 5, 5), new Candidate("Z", 5, 5));
        assertThat(Placement.of(StartingStrategy.LESS_LOADED).choose(even, 1, "Y")).contains("X");
        assertThat(Placement.of(StartingStrategy.MOST_LOADED).choose(even, 1, "Y")).contains("Z");
    }

    @Test
    void local_takes_the_local_instance_only_when_it_is_valid() {
        assertThat(Placement.of(StartingStrategy.LOCAL).choose(ABC, 20, "B")).contains("B");
        assertThat(Placement.of(StartingStrategy.LOCAL).choose(ABC, 90, "B")).isEmpty();
        assertThat(Placement.of(StartingStrategy.LOCAL).choose(ABC, 1, "Q")).isEmpty();
    }
}
