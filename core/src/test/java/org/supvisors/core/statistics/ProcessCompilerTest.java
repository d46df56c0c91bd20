package org.supvisors.core.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The integration of process samples: statistics.md, "Integrated process statistics". */
class ProcessCompilerTest {

    private final ProcessCompiler compiler = new ProcessCompiler("web:server", "10.0.0.1:60000", 10.0, 200);

    private static ProcessSample sample(int pid, double now, double work, double memory) {
        return new ProcessSample("web:server", pid, now, work, memory, 0);
    }

    @Test
    void cpu_is_in_irix_mode_and_may_exceed_one_core() {
        compiler.push(sample(42, 100, 3.0, 1.0));

        ProcessStatistics result = compiler.push(sample(42, 110, 3.0 + 15.0, 2.5)).orElseThrow();

        // 15 CPU seconds in 10 s: one and a half cores
        assertThat(result.cpu()).isCloseTo(150.0, within(1e-9));
        assertThat(result.mem()).isEqualTo(2.5);
        assertThat(result.pid()).isEqualTo(42);
        assertThat(result.toMap(7.5)).containsEntry("namespec", "web:server").containsEntry("pid", 42)
                .containsEntry("target_period", 10.0).containsEntry("period", java.util.List.of(0.0, 10.0))
                .containsEntry("now_monotonic", 7.5).containsKeys("cpu", "mem", "identifier");
    }

    @Test
    void when_the_period_is_not_complete_then_the_reference_is_kept() {
        compiler.push(sample(42, 100, 0.0, 1.0));
        assertThat(compiler.push(sample(42, 105, 1.0, 1.0))).isEmpty();

        assertThat(compiler.push(sample(42, 110, 2.0, 1.0)).orElseThrow().cpu()).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void when_the_pid_changes_then_a_new_series_starts() {
        compiler.push(sample(42, 100, 0.0, 1.0));
        compiler.push(sample(42, 110, 1.0, 1.0));
        assertThat(compiler.history().size()).isEqualTo(1);

        assertThat(compiler.push(sample(43, 120, 0.5, 1.0))).isEmpty();
        assertThat(compiler.history().size()).isZero();
        assertThat(compiler.latest()).isEmpty();
        assertThat(compiler.pid()).isEqualTo(43);

        ProcessStatistics result = compiler.push(sample(43, 130, 1.5, 1.0)).orElseThrow();
        assertThat(result.start()).isEqualTo(0.0);
        assertThat(result.end()).isEqualTo(10.0);
    }

    @Test
    void when_a_descendant_ends_and_the_tree_time_goes_down_then_cpu_is_zero_not_negative() {
        compiler.push(sample(42, 100, 50.0, 1.0));

        assertThat(compiler.push(sample(42, 110, 20.0, 1.0)).orElseThrow().cpu()).isEqualTo(0.0);
    }

    @Test
    void when_time_goes_backwards_then_a_new_series_starts() {
        compiler.push(sample(42, 100, 0.0, 1.0));

        assertThat(compiler.push(sample(42, 50, 1.0, 1.0))).isEmpty();
        assertThat(compiler.push(sample(42, 60, 2.0, 1.0)).orElseThrow().cpu()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void history_keeps_the_latest_stats_histo_entries() {
        ProcessCompiler shallow = new ProcessCompiler("p", "x", 1.0, 10);
        for (int i = 0; i <= 30; i++) {
            shallow.push(new ProcessSample("p", 7, i, i * 0.5, i, 0));
        }

        assertThat(shallow.history().times()).hasSize(10).startsWith(21.0).endsWith(30.0);
        assertThat(shallow.history().values(0)).containsOnly(50.0);
        assertThat(shallow.history().values(1)).startsWith(21.0).endsWith(30.0);
    }
}
