package org.supvisors.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.supvisors.bench.command.BenchException;

class WorkloadConfigurationTest {

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
        String programs = WorkloadConfiguration.programs(PROGRAMS, 300);

        assertThat(programs).contains("[program:worker]\ncommand=/bin/sleep 1000000\n"
                + "process_name=%(program_name)s_%(process_num)03d\nnumprocs=296\nnumprocs_start=1\n");
        assertThat(programs).contains("[program:acquisition]\ncommand=/bin/sleep 1000000\nnumprocs=3\n");
    }

    @Test
    void totalNotAboveTheOtherProcessesIsRefused() {
        assertThatThrownBy(() -> WorkloadConfiguration.programs(PROGRAMS, 4))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("4 processes cannot be reached");
    }

    @Test
    void workerWithoutNumprocsIsRefused() {
        assertThatThrownBy(() -> WorkloadConfiguration.programs("[program:worker]\ncommand=/bin/true\n", 10))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("no numprocs line");
    }

    @Test
    void startsecsOfOneProgramIsAddedWhenMissing() {
        String programs = WorkloadConfiguration.startsecs(PROGRAMS, "worker", 0);

        assertThat(programs).contains("[program:worker]\nstartsecs=0\ncommand=/bin/sleep 1000000\n");
        assertThat(programs).containsOnlyOnce("startsecs");
    }

    @Test
    void startsecsOfOneProgramIsReplacedAndTheOthersKept() {
        String text = PROGRAMS.replace("numprocs=3\n", "numprocs=3\nstartsecs=1\n")
                .replace("numprocs=50\n", "numprocs=50\nstartsecs = 1\n");

        String programs = WorkloadConfiguration.startsecs(text, "worker", 0);

        assertThat(programs).contains("numprocs=50\nstartsecs=0\n").contains("numprocs=3\nstartsecs=1\n");
    }

    @Test
    void startsecsOfAnUnknownProgramIsRefused() {
        assertThatThrownBy(() -> WorkloadConfiguration.startsecs(PROGRAMS, "nobody", 0))
                .isInstanceOf(BenchException.class)
                .hasMessageContaining("no [program:nobody] section");
    }

    @Test
    void supervisordConfigurationListsEveryMemberAndTheWorkloadOptions() {
        WorkloadConfiguration.Member supv1 = new WorkloadConfiguration.Member("supv1", 30000);
        WorkloadConfiguration.Member supv2 = new WorkloadConfiguration.Member("supv2", 30010);

        String configuration = WorkloadConfiguration.supervisord("test", Path.of("/tmp/b/supv2"), supv2,
                List.of(supv1, supv2), Path.of("/opt/supvisors"), Optional.of(Path.of("/w/rules.xml")));

        assertThat(configuration).contains("identifier = supv2\n", "port = 127.0.0.1:30010\n",
                "supvisors_list = <supv1>127.0.0.1:30000,<supv2>127.0.0.1:30010\nrules_files = /w/rules.xml\n",
                "event_link = WS\nsynchro_timeout = 15\ninactivity_ticks = 2\nstarting_strategy = CONFIG\n"
                        + "conciliation_strategy = USER\n",
                "command = /opt/supvisors/bin/supvisorsd\n", "stderr_logfile = /tmp/b/supv2/supvisorsd.log\n");
    }

    @Test
    void supervisordConfigurationWithoutRulesHasNoRulesFiles() {
        WorkloadConfiguration.Member supv1 = new WorkloadConfiguration.Member("supv1", 30000);

        assertThat(WorkloadConfiguration.supervisord("test", Path.of("/tmp/b"), supv1, List.of(supv1),
                Path.of("/opt/supvisors"), Optional.empty())).doesNotContain("rules_files");
    }

    @Test
    void supervisordConfigurationAddsTheBenchmarksOptionsToSupvisors() {
        WorkloadConfiguration.Member supv1 = new WorkloadConfiguration.Member("supv1", 30000);

        assertThat(WorkloadConfiguration.supervisord("test", Path.of("/tmp/b"), supv1, List.of(supv1),
                Path.of("/opt/supvisors"), Optional.empty(), List.of("stats_enabled = OFF")))
                .contains("conciliation_strategy = USER\nstats_enabled = OFF\n\n[eventlistener:supvisors]\n");
    }
}
