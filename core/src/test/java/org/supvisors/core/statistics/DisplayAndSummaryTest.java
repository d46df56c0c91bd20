package org.supvisors.core.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The display helpers: IRIX and Solaris modes, the derived figures of a series, node characteristics. */
class DisplayAndSummaryTest {

    @Test
    void irix_mode_shows_the_value_and_solaris_mode_divides_it_by_the_cores() {
        assertThat(CpuDisplay.cpu(150.0, 4, true)).isEqualTo(150.0);
        assertThat(CpuDisplay.cpu(150.0, 4, false)).isEqualTo(37.5);
        assertThat(CpuDisplay.cpu(80.0, 1, false)).isEqualTo(80.0);
        assertThatThrownBy(() -> CpuDisplay.cpu(1.0, 0, false)).hasMessage("nbCores: 0 (expected: 1 or more)");
    }

    @Test
    void a_series_has_mean_slope_per_period_and_population_standard_deviation() {
        SeriesSummary summary = SeriesSummary.of(List.of(0.0, 10.0, 20.0, 30.0), List.of(1.0, 3.0, 5.0, 7.0), 10.0)
                .orElseThrow();

        assertThat(summary.latest()).isEqualTo(7.0);
        assertThat(summary.mean()).isEqualTo(4.0);
        // 0.2 per second, 2 per period of 10 s
        assertThat(summary.slopePerPeriod()).isCloseTo(2.0, within(1e-12));
        // population: sqrt((9 + 1 + 1 + 9) / 4)
        assertThat(summary.stdDev()).isCloseTo(Math.sqrt(5.0), within(1e-12));
        assertThat(summary.trend()).isEqualTo(SeriesSummary.Trend.INCREASE);
    }

    @Test
    void a_single_value_has_no_slope_and_no_trend() {
        SeriesSummary summary = SeriesSummary.of(List.of(5.0), List.of(2.0), 10.0).orElseThrow();

        assertThat(summary.slopePerPeriod()).isZero();
        assertThat(summary.stdDev()).isZero();
        assertThat(summary.trend()).isEqualTo(SeriesSummary.Trend.NONE);
        assertThat(SeriesSummary.of(List.of(), List.of(), 10.0)).isEmpty();
    }

    @Test
    void trend_is_the_instant_rate_against_the_previous_value() {
        assertThat(SeriesSummary.trend(0.0, 5.0)).isEqualTo(SeriesSummary.Trend.NONE);
        assertThat(SeriesSummary.trend(100.0, 100.004)).isEqualTo(SeriesSummary.Trend.STABLE);
        assertThat(SeriesSummary.trend(100.0, 100.01)).isEqualTo(SeriesSummary.Trend.INCREASE);
        assertThat(SeriesSummary.trend(100.0, 99.0)).isEqualTo(SeriesSummary.Trend.DECREASE);
    }

    @Test
    void tiny_positive_values_are_shown_as_plus_zero() {
        assertThat(SeriesSummary.format(0.004)).isEqualTo("+0.00");
        assertThat(SeriesSummary.format(0.0)).isEqualTo("0.00");
        assertThat(SeriesSummary.format(12.345)).isEqualTo("12.35");
    }

    @Test
    void total_memory_is_written_in_the_largest_unit_below_1024() {
        assertThat(new NodeCharacteristics(2, 4, 2600, 512L).formattedMemory()).isEqualTo("512.00 B");
        assertThat(new NodeCharacteristics(2, 4, 2600, 3L << 20).formattedMemory()).isEqualTo("3.00 MiB");
        assertThat(new NodeCharacteristics(2, 4, 2600, 25_276_518_400L).formattedMemory()).isEqualTo("23.54 GiB");
    }
}
