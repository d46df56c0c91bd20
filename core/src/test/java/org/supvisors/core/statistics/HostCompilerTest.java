package org.supvisors.core.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The integration of host samples: statistics.md, "Integrated host statistics". */
class HostCompilerTest {

    private final HostCompiler compiler = new HostCompiler("10.0.0.1:60000", 10.0, 200, null);

    @Test
    void when_the_first_sample_arrives_then_it_is_the_reference_and_nothing_is_published() {
        assertThat(compiler.push(Samples.at(100).cpu(0, 0).build())).isEmpty();
        assertThat(compiler.history()).isEmpty();
        assertThat(compiler.latest()).isEmpty();
    }

    @Test
    void when_the_period_is_not_complete_then_the_reference_is_kept() {
        compiler.push(Samples.at(100).cpu(1000, 1000).build());
        assertThat(compiler.push(Samples.at(105).cpu(1500, 1500).build())).isEmpty();

        HostStatistics result = compiler.push(Samples.at(110).cpu(1750, 1250).build()).orElseThrow();

        // against the first sample, not the one in between: 750 work, 250 idle
        assertThat(result.cpu()).containsExactly(75.0);
        assertThat(result.start()).isEqualTo(0.0);
        assertThat(result.end()).isEqualTo(10.0);
    }

    @Test
    void cpu_is_the_share_of_work_per_line_with_the_average_first() {
        compiler.push(Samples.at(100).cpu(100, 100, 50, 50, 50, 50).build());

        HostStatistics result = compiler.push(Samples.at(110).cpu(250, 150, 200, 50, 50, 100).build())
                .orElseThrow();

        // average: 150 work, 50 idle; core 0 fully busy; core 1 idle
        assertThat(result.cpu()).containsExactly(75.0, 100.0, 0.0);
    }

    @Test
    void when_no_tick_elapsed_on_a_line_then_its_cpu_is_zero() {
        compiler.push(Samples.at(100).cpu(7, 3).build());

        assertThat(compiler.push(Samples.at(110).cpu(7, 3).build()).orElseThrow().cpu()).containsExactly(0.0);
    }

    @Test
    void io_rates_are_kilobits_per_second_per_name_present_in_both_samples() {
        compiler.push(Samples.at(100).net("eth0", 1_000, 2_000).net("lo", 0, 0).disk("vda", 0, 0).build());

        HostStatistics result = compiler.push(Samples.at(110).net("eth0", 1_000 + 12_800, 2_000 + 1_280)
                .net("lo", 64_000, 128_000).disk("vda", 1_280_000, 0).build()).orElseThrow();

        // Δbytes / duration / 128: 12,800 bytes in 10 s = 10 kbit/s
        assertThat(result.netIo()).containsEntry("eth0", new IoRates(10.0, 1.0))
                .containsEntry("lo", new IoRates(50.0, 100.0));
        assertThat(result.diskIo()).containsOnlyKeys("vda").containsEntry("vda", new IoRates(1000.0, 0.0));
        assertThat(result.toMap(123.0).get("net_io")).isEqualTo(java.util.Map.of("eth0", List.of(10.0, 1.0),
                "lo", List.of(50.0, 100.0)));
    }

    @Test
    void memory_and_disk_usage_are_those_of_the_latest_sample() {
        compiler.push(Samples.at(100).mem(10).usage("/", 40).build());

        HostStatistics result = compiler.push(Samples.at(110).mem(20.5).usage("/", 41.5).usage("/data", 3).build())
                .orElseThrow();

        assertThat(result.mem()).isEqualTo(20.5);
        assertThat(result.diskUsage()).containsEntry("/", 41.5).containsEntry("/data", 3.0);
    }

    @Test
    void when_a_counter_goes_backwards_then_that_interface_is_left_out_of_the_result() {
        compiler.push(Samples.at(100).net("eth0", 5_000, 5_000).net("lo", 0, 0).build());

        HostStatistics result = compiler.push(Samples.at(110).net("eth0", 100, 6_280).net("lo", 1_280, 0).build())
                .orElseThrow();

        assertThat(result.netIo()).containsOnlyKeys("lo");
    }

    @Test
    void when_an_interface_appears_then_it_starts_a_series_and_when_it_vanishes_its_series_is_dropped() {
        HostCompiler logged = new HostCompiler("10.0.0.1:60000", 10.0, 200, null);
        logged.push(Samples.at(100).net("eth0", 0, 0).build());
        logged.push(Samples.at(110).net("eth0", 1280, 0).net("veth1", 0, 0).build());
        // veth1 is in both samples from now on
        logged.push(Samples.at(120).net("eth0", 2560, 0).net("veth1", 12800, 0).build());

        HostHistory history = logged.history().orElseThrow();
        assertThat(history.netIo()).containsOnlyKeys("eth0", "veth1");
        assertThat(history.netIo().get("eth0").times()).containsExactly(10.0, 20.0);
        assertThat(history.netIo().get("veth1").times()).containsExactly(20.0);
        assertThat(history.netIo().get("veth1").values(0)).containsExactly(10.0);

        logged.push(Samples.at(130).net("eth0", 3840, 0).build());

        assertThat(history.netIo()).containsOnlyKeys("eth0");
        assertThat(history.times()).containsExactly(10.0, 20.0, 30.0);
    }

    @Test
    void published_period_and_history_times_are_seconds_since_the_first_sample() {
        compiler.push(Samples.at(1000).build());
        compiler.push(Samples.at(1010).build());
        HostStatistics second = compiler.push(Samples.at(1021).build()).orElseThrow();

        assertThat(second.start()).isEqualTo(10.0);
        assertThat(second.end()).isEqualTo(21.0);
        assertThat(second.toMap(5.0)).containsEntry("period", List.of(10.0, 21.0)).containsEntry("target_period", 10.0)
                .containsEntry("identifier", "10.0.0.1:60000").containsEntry("now_monotonic", 5.0);
        assertThat(compiler.history().orElseThrow().times()).containsExactly(10.0, 21.0);
    }

    @Test
    void history_keeps_the_latest_stats_histo_entries() {
        HostCompiler shallow = new HostCompiler("x", 1.0, 10, null);
        for (int i = 0; i <= 25; i++) {
            shallow.push(Samples.at(i).cpu(i * 10L, i * 10L).mem(i).build());
        }

        HostHistory history = shallow.history().orElseThrow();
        assertThat(history.times()).hasSize(10).startsWith(16.0).endsWith(25.0);
        assertThat(history.mem()).startsWith(16.0).endsWith(25.0);
        assertThat(history.cpu(0)).hasSize(10).containsOnly(50.0);
    }

    @Test
    void when_time_goes_backwards_then_a_new_series_starts_from_that_sample() {
        compiler.push(Samples.at(1000).build());
        compiler.push(Samples.at(1010).build());

        assertThat(compiler.push(Samples.at(5).build())).isEmpty();
        assertThat(compiler.history()).isEmpty();

        HostStatistics result = compiler.push(Samples.at(15).build()).orElseThrow();
        assertThat(result.start()).isEqualTo(0.0);
        assertThat(result.end()).isEqualTo(10.0);
    }

    @Test
    void when_two_samples_have_the_same_time_then_the_second_is_ignored() {
        HostCompiler fast = new HostCompiler("x", 1.0, 10, null);
        fast.push(Samples.at(0).build());
        fast.push(Samples.at(1).build());

        assertThat(fast.push(Samples.at(1).build())).isEmpty();
    }

    @Test
    void when_the_cpu_lines_change_then_a_new_series_starts() {
        compiler.push(Samples.at(100).cpu(10, 10, 5, 5).build());

        assertThat(compiler.push(Samples.at(110).cpu(20, 20, 10, 10, 10, 10).build())).isEmpty();
        assertThat(compiler.push(Samples.at(120).cpu(30, 30, 15, 15, 15, 15).build())).isPresent();
    }

    @Test
    void when_a_cpu_counter_goes_backwards_then_a_new_series_starts() {
        compiler.push(Samples.at(100).cpu(1000, 1000).build());

        assertThat(compiler.push(Samples.at(110).cpu(10, 10).build())).isEmpty();
        assertThat(compiler.push(Samples.at(120).cpu(20, 20).build()).orElseThrow().cpu()).containsExactly(50.0);
    }

    @Test
    void a_sample_a_little_early_completes_the_period_but_not_one_a_collecting_period_early() {
        compiler.push(Samples.at(0).build());
        // 2 % of 10 s: 0.2 s early at most
        assertThat(compiler.push(Samples.at(9.7).build())).isEmpty();
        assertThat(compiler.push(Samples.at(9.85).build())).isPresent();

        HostCompiler hourly = new HostCompiler("x", 3600, 10, null);
        hourly.push(Samples.at(0).build());
        // 0.25 s at most, whatever the period
        assertThat(hourly.push(Samples.at(3599.7).build())).isEmpty();
        assertThat(hourly.push(Samples.at(3599.8).build())).isPresent();
    }

    @Test
    void a_sample_from_time_zero_is_integrated_like_any_other() {
        compiler.push(Samples.at(0).cpu(0, 0).build());

        Optional<HostStatistics> result = compiler.push(Samples.at(10).cpu(1, 3).build());

        assertThat(result.orElseThrow().cpu().get(0)).isCloseTo(25.0, within(1e-9));
    }

    @Test
    void number_of_cores_comes_from_the_cpu_lines() {
        assertThat(Samples.at(0).cpu(1, 1).build().nbCores()).isEqualTo(1);
        assertThat(Samples.at(0).cpu(2, 2, 1, 1, 1, 1).build().nbCores()).isEqualTo(2);
    }
}
