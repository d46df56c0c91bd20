package org.supvisors.core.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.supvisors.core.api.Fault;
import org.supvisors.core.api.SupvisorsFault;
import org.supvisors.core.config.EventLink;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.effect.CollectStatistics;
import org.supvisors.core.effect.MonitorProcesses;
import org.supvisors.core.effect.PublishEvent;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.supervisor.ProcessStateEvent;
import org.supvisors.core.testing.CoreFixture;

/** The statistics of one core: collector settings, the measured processes, local samples to hstats and pstats. */
class StatisticsTest {

    private static CoreFixture started(SupvisorsOptions.Builder options) {
        CoreFixture core = CoreFixture.of(options.eventLink(EventLink.WS), "localhost:60000", "localhost:60000");
        core.supvisors.start();
        core.supvisors.onLocalProcesses(List.of(core.process("web", "server", ProcessState.RUNNING),
                core.process("db", "db", ProcessState.STOPPED)));
        return core;
    }

    private static CoreFixture started() {
        return started(SupvisorsOptions.builder());
    }

    @Test
    void at_start_the_collector_gets_the_options_and_then_the_running_local_processes() {
        CoreFixture core = started(SupvisorsOptions.builder().statsCollectingPeriod(2.0).hostStatsEnabled(false));

        assertThat(core.drain(CollectStatistics.class)).containsExactly(new CollectStatistics(false, true, 2.0));
        assertThat(core.drain(MonitorProcesses.class)).last()
                .isEqualTo(new MonitorProcesses(Map.of("web:server", 4242)));
        assertThat(core.supvisors.api().getStatisticsStatus()).isEqualTo(Map.of("host_stats", false,
                "process_stats", true, "collecting_period", 2.0));
    }

    @Test
    void when_stats_are_off_then_the_collector_is_told_nothing_to_collect_but_still_gets_the_processes() {
        CoreFixture core = started(SupvisorsOptions.builder().hostStatsEnabled(false).processStatsEnabled(false));

        CollectStatistics settings = core.drain(CollectStatistics.class).get(0);
        assertThat(settings.any()).isFalse();
        assertThat(core.drain(MonitorProcesses.class)).isNotEmpty();
    }

    @Test
    void enabling_disabling_and_retiming_at_run_time_reach_the_collector() {
        CoreFixture core = started(SupvisorsOptions.builder().hostStatsEnabled(false).processStatsEnabled(false));
        core.drain(CollectStatistics.class);
        Statistics statistics = core.supvisors.statistics();

        assertThat(statistics.enableHost(true)).isTrue();
        assertThat(statistics.enableProcess(true)).isTrue();
        assertThat(statistics.updateCollectingPeriod(1.0)).isTrue();
        assertThat(statistics.enableHost(false)).isTrue();

        assertThat(core.drain(CollectStatistics.class)).containsExactly(new CollectStatistics(true, false, 5.0),
                new CollectStatistics(true, true, 5.0), new CollectStatistics(true, true, 1.0),
                new CollectStatistics(false, true, 1.0));
        assertThat(statistics.status()).isEqualTo(Map.of("host_stats", false, "process_stats", true,
                "collecting_period", 1.0));
    }

    @Test
    void a_collecting_period_out_of_range_is_refused_and_changes_nothing() {
        CoreFixture core = started();
        core.drain(CollectStatistics.class);

        for (double period : new double[] {0.5, 3600.5, Double.NaN, -1}) {
            assertThatThrownBy(() -> core.supvisors.statistics().updateCollectingPeriod(period))
                    .isInstanceOfSatisfying(SupvisorsFault.class, f -> assertThat(f.fault())
                            .isEqualTo(Fault.INCORRECT_PARAMETERS))
                    .hasMessageContaining("float expected in [1.0;3600.0]");
        }
        assertThat(core.supvisors.statistics().updateCollectingPeriod(3600.0)).isTrue();
        assertThat(core.drain(CollectStatistics.class)).containsExactly(new CollectStatistics(true, true, 3600.0));
    }

    @Test
    void without_a_collector_the_flags_are_false_and_the_controls_answer_not_installed() {
        CoreFixture core = started();
        core.drain(CollectStatistics.class);

        core.supvisors.onStatisticsUnavailable("/proc/stat unreadable");

        assertThat(core.drain(CollectStatistics.class)).containsExactly(new CollectStatistics(false, false, 5.0));
        assertThat(core.supvisors.api().getStatisticsStatus()).containsEntry("host_stats", false)
                .containsEntry("process_stats", false);
        assertThatThrownBy(() -> core.supvisors.statistics().enableHost(true))
                .isInstanceOfSatisfying(SupvisorsFault.class, f -> assertThat(f.fault()).isEqualTo(Fault.NOT_INSTALLED))
                .hasMessageContaining("/proc/stat unreadable");
        assertThatThrownBy(() -> core.supvisors.statistics().updateCollectingPeriod(2.0))
                .isInstanceOf(SupvisorsFault.class);
    }

    @Test
    void when_a_process_stops_then_it_leaves_the_measured_set_and_its_series_ends() {
        CoreFixture core = started();
        Statistics statistics = core.supvisors.statistics();
        statistics.onLocalProcesses(List.of(new ProcessSample("web:server", 4242, 1000, 1.0, 2.0, 0)));
        statistics.onLocalProcesses(List.of(new ProcessSample("web:server", 4242, 1010, 2.0, 2.0, 0)));
        assertThat(statistics.processIdentifiers("web:server")).containsExactly("localhost:60000");
        core.drain(MonitorProcesses.class);

        core.supvisors.onSupervisordEvent(new ProcessStateEvent("web", "server", ProcessState.STOPPING,
                ProcessState.RUNNING, 4242, true, 0));
        assertThat(core.drain(MonitorProcesses.class)).isEmpty();
        core.supvisors.onSupervisordEvent(new ProcessStateEvent("web", "server", ProcessState.STOPPED,
                ProcessState.STOPPING, 0, true, 0));

        assertThat(core.drain(MonitorProcesses.class)).containsExactly(new MonitorProcesses(Map.of()));
        assertThat(statistics.processIdentifiers("web:server")).isEmpty();
        assertThat(statistics.monitored()).isEmpty();
    }

    @Test
    void when_a_process_restarts_with_another_pid_then_the_measured_set_follows() {
        CoreFixture core = started();
        core.drain(MonitorProcesses.class);

        core.supvisors.onSupervisordEvent(new ProcessStateEvent("db", "db", ProcessState.STARTING,
                ProcessState.STOPPED, 0, true, 0));
        assertThat(core.drain(MonitorProcesses.class)).as("STARTING is not measured yet").isEmpty();
        core.supvisors.onSupervisordEvent(new ProcessStateEvent("db", "db", ProcessState.RUNNING,
                ProcessState.STARTING, 777, true, 0));

        assertThat(core.drain(MonitorProcesses.class)).containsExactly(new MonitorProcesses(Map.of(
                "web:server", 4242, "db", 777)));
    }

    @Test
    void a_sample_of_a_process_no_longer_measured_or_of_another_pid_is_dropped() {
        CoreFixture core = started();
        Statistics statistics = core.supvisors.statistics();

        statistics.onLocalProcesses(List.of(new ProcessSample("db", 99, 1000, 1.0, 2.0, 0),
                new ProcessSample("web:server", 1, 1000, 1.0, 2.0, 0),
                new ProcessSample(ProcessSample.SUPERVISORD, 10, 1000, 1.0, 2.0, 2)));

        assertThat(statistics.processIdentifiers("db")).isEmpty();
        assertThat(statistics.processIdentifiers("web:server")).isEmpty();
        assertThat(statistics.processIdentifiers(ProcessSample.SUPERVISORD)).containsExactly("localhost:60000");
        assertThat(statistics.nbCores("localhost:60000")).hasValue(2);
    }

    @Test
    void local_samples_are_published_as_hstats_and_pstats_once_per_period() {
        CoreFixture core = started(SupvisorsOptions.builder().statsPeriods(List.of(5.0, 10.0)));
        core.drain(PublishEvent.class);
        Statistics statistics = core.supvisors.statistics();

        for (int i = 0; i <= 2; i++) {
            statistics.onLocalHost(Samples.at(1000 + 5 * i).cpu(100L * i, 100L * i).build());
            statistics.onLocalProcesses(List.of(new ProcessSample("web:server", 4242, 1000 + 5 * i, i, 1.5, 0)));
        }

        List<PublishEvent> events = core.drain(PublishEvent.class);
        // period 5: two results each; period 10: one each
        assertThat(events).filteredOn(e -> e.topic().equals("hstats")).extracting(e -> e.body().get("target_period"))
                .containsExactly(5.0, 5.0, 10.0);
        assertThat(events).filteredOn(e -> e.topic().equals("pstats")).extracting(e -> e.body().get("cpu"))
                .containsExactly(20.0, 20.0, 20.0);
        assertThat(events).filteredOn(e -> e.topic().equals("hstats")).first()
                .satisfies(e -> assertThat(e.body()).containsEntry("identifier", "localhost:60000")
                        .containsEntry("cpu", List.of(50.0)).containsEntry("period", List.of(0.0, 5.0)));
        assertThat(statistics.latestHost("localhost:60000", 10.0)).isPresent();
        assertThat(statistics.hostHistory("localhost:60000", 5.0).orElseThrow().times()).containsExactly(5.0, 10.0);
        assertThat(statistics.processHistory("web:server", "localhost:60000", 5.0).orElseThrow().values(0))
                .containsExactly(20.0, 20.0);
        assertThat(statistics.processPid("web:server", "localhost:60000")).isEqualTo(4242);
    }

    @Test
    void solaris_mode_divides_the_process_cpu_by_the_cores_of_its_host_and_irix_mode_does_not() {
        for (boolean irix : new boolean[] {false, true}) {
            CoreFixture core = started(SupvisorsOptions.builder().statsIrixMode(irix));
            Statistics statistics = core.supvisors.statistics();
            statistics.onLocalHost(Samples.at(1000).cpu(0, 0, 0, 0, 0, 0, 0, 0, 0, 0).build());
            statistics.onLocalProcesses(List.of(new ProcessSample("web:server", 4242, 1000, 0, 1.5, 0)));
            statistics.onLocalProcesses(List.of(new ProcessSample("web:server", 4242, 1010, 20, 1.5, 0)));

            ProcessStatistics result = statistics.latestProcess("web:server", "localhost:60000", 10.0).orElseThrow();
            assertThat(result.cpu()).isEqualTo(200.0);
            assertThat(statistics.displayedCpu(result)).isEqualTo(irix ? 200.0 : 50.0);
        }
    }

    @Test
    void without_event_link_nothing_is_published_but_everything_is_compiled() {
        CoreFixture core = CoreFixture.alone();
        core.supvisors.start();
        Statistics statistics = core.supvisors.statistics();

        statistics.onLocalHost(Samples.at(0).build());
        statistics.onLocalHost(Samples.at(10).build());

        assertThat(core.drain(PublishEvent.class)).isEmpty();
        assertThat(statistics.latestHost(core.local.identifier(), 10.0)).isPresent();
    }
}
