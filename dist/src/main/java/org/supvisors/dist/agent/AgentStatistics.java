package org.supvisors.dist.agent;

import java.util.List;
import java.util.Optional;

import org.supvisors.core.effect.CollectStatistics;
import org.supvisors.core.effect.MonitorProcesses;
import org.supvisors.core.statistics.HostSample;
import org.supvisors.core.statistics.NodeCharacteristics;
import org.supvisors.core.statistics.ProcessSample;
import org.supvisors.stats.CollectorSink;
import org.supvisors.stats.SelfProcesses;
import org.supvisors.stats.StatisticsCollector;

/**
 * The agent's statistics collector: the core's {@link CollectStatistics} and {@link MonitorProcesses} effects in,
 * samples posted to the core's thread. The collector's thread exists only while something is collected, so that
 * with {@code stats_enabled = OFF} nothing runs until {@code enable_*_statistics} asks for it.
 */
final class AgentStatistics implements AutoCloseable {

    private final StatisticsCollector collector;
    private final Optional<String> unavailable;

    /**
     * @param underSupervisord the agent runs as supervisord's event listener: supervisord is its parent
     */
    AgentStatistics(AgentLoop loop, boolean underSupervisord) {
        this.unavailable = StatisticsCollector.unavailableReason();
        this.collector = new StatisticsCollector(new CollectorSink() {
            @Override
            public void onHostSample(HostSample sample) {
                loop.post(core -> core.onLocalHostStatistics(sample));
            }

            @Override
            public void onProcessSamples(List<ProcessSample> samples) {
                loop.post(core -> core.onLocalProcessStatistics(samples));
            }

            @Override
            public void onNode(NodeCharacteristics node) {
                loop.post(core -> core.onNodeCharacteristics(node));
            }

            @Override
            public void onUnavailable(String reason) {
                loop.post(core -> core.onStatisticsUnavailable(reason));
            }
        }, () -> System.nanoTime() / 1e9, SelfProcesses.current(underSupervisord));
    }

    /** Why no collector can run here, if so: to be told to the core at start. */
    Optional<String> unavailable() {
        return unavailable;
    }

    /** Never blocks: the collector reschedules itself. */
    void collect(CollectStatistics settings) {
        if (unavailable.isEmpty()) {
            collector.configure(settings.host(), settings.process(), settings.collectingPeriod());
        }
    }

    void monitor(MonitorProcesses processes) {
        collector.monitor(processes.pids());
    }

    @Override
    public void close() {
        collector.close();
    }
}
