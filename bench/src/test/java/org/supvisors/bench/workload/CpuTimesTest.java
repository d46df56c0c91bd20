package org.supvisors.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CpuTimesTest {

    @Test
    void statLineGivesUserPlusSystemTicksWhateverTheCommandName() {
        String stat = "26968 (sleep (1) x) S 26950 26968 26968 0 -1 4194560 101 0 0 0 17 4 0 0 20 0 1 0 1234 5783552"
                + " 230 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        assertThat(CpuTimes.ofStatLine(stat)).isEqualTo(21);
    }

    @Test
    void cpuLineCountsEveryStateButIdleAndIowait() {
        assertThat(CpuTimes.ofCpuLine("cpu  870431 0 82883 747804 591 0 2692 312 0 0"))
                .isEqualTo(870431 + 82883 + 2692 + 312);
    }

    @Test
    void ownProcessHasSomeTicksAndAGoneOneNone() {
        assertThat(CpuTimes.ofProcesses(List.of(ProcessHandle.current().pid()))).isPositive();
        assertThat(CpuTimes.ofProcesses(List.of(Long.MAX_VALUE))).isZero();
        assertThat(CpuTimes.ofMachine()).isPositive();
    }
}
