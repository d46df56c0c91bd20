package org.supvisors.bench.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void oddCountHasTheMiddleValueAsMedian() {
        assertThat(Summary.of(List.of(3.0, 1.0, 2.0))).isEqualTo(new Summary(2.0, 1.0, 3.0, 3));
    }

    @Test
    void evenCountHasTheMeanOfTheTwoMiddleValuesAsMedian() {
        assertThat(Summary.of(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(new Summary(2.5, 1.0, 4.0, 4));
    }

    @Test
    void noValueIsNotANumber() {
        Summary summary = Summary.of(List.of());

        assertThat(summary.median()).isNaN();
        assertThat(summary.n()).isZero();
    }

    @Test
    void aboveCountsOnlyValuesStrictlyAboveTheLimit() {
        assertThat(Summary.above(List.of(0.0, 1.0, 2.0, 3.0), 1.0)).isEqualTo(2);
    }
}
