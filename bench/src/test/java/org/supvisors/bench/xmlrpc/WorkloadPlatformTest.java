package org.supvisors.bench.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkloadPlatformTest {

    private static final String PROGRAMS = String.join("\n",
            "[program:prepare]",
            "command=/bin/sh -c \"sleep 0.3\"",
            "",
            "[program:acquisition]",
            "command=/bin/sleep 1000000",
            "numprocs=3",
            "",
            "[program:worker]",
            "command=/bin/sleep 1000000",
            "process_name=%(program_name)s_%(process_num)03d",
            "numprocs=50",
            "numprocs_start=1",
            "",
            "[group:bulk]",
            "programs=worker",
            "");

    @Test
    void workerNumprocsMakesUpTheWantedTotal() {
        String programs = WorkloadPlatform.programs(PROGRAMS, 300);

        assertThat(programs).contains("[program:worker]\ncommand=/bin/sleep 1000000\n"
                + "process_name=%(program_name)s_%(process_num)03d\nnumprocs=296\nnumprocs_start=1\n");
        assertThat(programs).contains("[program:acquisition]\ncommand=/bin/sleep 1000000\nnumprocs=3\n");
    }

    @Test
    void totalNotAboveTheOtherProcessesIsRefused() {
        assertThatThrownBy(() -> WorkloadPlatform.programs(PROGRAMS, 4))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("4 processes cannot be reached");
    }

    @Test
    void workerWithoutNumprocsIsRefused() {
        assertThatThrownBy(() -> WorkloadPlatform.programs("[program:worker]\ncommand=/bin/true\n", 10))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("no numprocs line");
    }

    @Test
    void countFindsEveryOccurrence() {
        assertThat(WorkloadPlatform.count("<a><a><b><a>", "<a>")).isEqualTo(3);
        assertThat(WorkloadPlatform.count("", "<a>")).isZero();
    }
}
