package org.supvisors.dist.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.Test;
import org.supvisors.client.event.HostStatistics;
import org.supvisors.client.event.ProcessStatistics;
import org.supvisors.client.event.SupvisorsEventListener;
import org.supvisors.client.event.SupvisorsEventSubscriber;
import org.supvisors.client.event.Topic;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;
import org.supvisors.dist.testing.TestingCluster;

/**
 * Statistics with real agents: the samples of each instance compiled by the other and published on the event
 * interface of each, the controls of 0.19 at run time, and the collector's thread that exists only while something
 * is collected.
 */
class StatisticsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    /** The names of the threads of a process, as the kernel has them (15 characters at most). */
    private static List<String> threads(int pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            List<String> names = new ArrayList<>();
            for (Path task : tasks.collect(Collectors.toList())) {
                try {
                    names.add(Files.readString(task.resolve("comm")).trim());
                } catch (IOException e) {
                    // a thread that ended meanwhile
                }
            }
            return names;
        }
    }

    private static int pid(TestingAgent agent, String name) throws XmlRpcException {
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) agent.supervisor("supervisor.getProcessInfo", name);
        return (Integer) info.get("pid");
    }

    private static Map<String, Object> entry(List<Map<String, Object>> structs, String identifier) {
        return structs.stream().filter(s -> identifier.equals(s.get("identifier"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statistics of " + identifier + " in " + structs));
    }

    /** The {@code hstats} and {@code pstats} messages one subscriber received. Thread-safe. */
    private static final class StatisticsRecorder implements SupvisorsEventListener {
        private final List<HostStatistics> hosts = new CopyOnWriteArrayList<>();
        private final List<ProcessStatistics> processes = new CopyOnWriteArrayList<>();

        @Override
        public void onHostStatistics(HostStatistics statistics) {
            hosts.add(statistics);
        }

        @Override
        public void onProcessStatistics(ProcessStatistics statistics) {
            processes.add(statistics);
        }

        List<HostStatistics> hosts() {
            return List.copyOf(hosts);
        }

        List<ProcessStatistics> processes() {
            return List.copyOf(processes);
        }
    }

    /** WebSocket subscribers to {@code hstats} and {@code pstats}, closed together. */
    private static final class Subscribers implements AutoCloseable {
        private final List<SupvisorsEventSubscriber> open = new ArrayList<>();

        StatisticsRecorder add(TestingAgent agent) {
            StatisticsRecorder recorder = new StatisticsRecorder();
            SupvisorsEventSubscriber subscriber = SupvisorsEventSubscriber.webSocket("127.0.0.1",
                    agent.supervisord().httpPort() + 1).subscribe(Topic.HSTATS, Topic.PSTATS).listener(recorder)
                    .reconnectDelay(Duration.ofMillis(200)).start();
            open.add(subscriber);
            Await.until(DEADLINE, () -> assertThat(subscriber.isConnected()).isTrue());
            return recorder;
        }

        @Override
        public void close() {
            open.forEach(SupvisorsEventSubscriber::close);
        }
    }

    @Test
    void the_statistics_of_each_instance_reach_the_other_and_stop_while_its_collection_is_disabled()
            throws Exception {
        try (TestingCluster cluster = TestingCluster.of("stats", List.of("A", "B"), b -> b
                .option("stats_collecting_period", "1")
                .option("stats_periods", "2")
                .option("event_link", "WS")
                .program("sleeper", "/bin/sleep 1000", "autostart = true")).startAll();
             Subscribers subscribers = new Subscribers()) {
            cluster.awaitOperation(DEADLINE);
            TestingAgent a = cluster.agent(0);
            TestingAgent b = cluster.agent(1);
            StatisticsRecorder atA = subscribers.add(a);
            StatisticsRecorder atB = subscribers.add(b);
            assertThat(a.struct("supvisors.get_statistics_status")).isEqualTo(Map.of("host_stats", true,
                    "process_stats", true, "collecting_period", 1.0));

            for (TestingAgent observer : List.of(a, b)) {
                for (TestingAgent observed : List.of(a, b)) {
                    int sleeper = pid(observed, "sleeper");
                    Await.until(DEADLINE, () -> {
                        Map<String, Object> host = entry(observer.structs("supvisors.ext_get_host_statistics",
                                observed.identifier()), observed.identifier());
                        assertThat(host).containsEntry("target_period", 2.0);
                        @SuppressWarnings("unchecked")
                        Map<String, Object> latest = (Map<String, Object>) host.get("latest");
                        assertThat((Object[]) latest.get("cpu")).hasSize((Integer) host.get("nb_cores") + 1);
                        assertThat(latest).containsKeys("mem", "net_io", "disk_io", "disk_usage", "period");
                        Map<String, Object> process = entry(observer.structs("supvisors.ext_get_process_statistics",
                                "sleeper"), observed.identifier());
                        assertThat(process).containsEntry("pid", sleeper).containsEntry("namespec", "sleeper");
                        assertThat((Object[]) process.get("times")).isNotEmpty();
                        Map<String, Object> self = entry(observer.structs("supvisors.ext_get_process_statistics",
                                "supervisord"), observed.identifier());
                        assertThat(self).containsEntry("pid", (int) observed.supervisord().pid());
                    });
                }
            }
            // and out through the event interface of each instance, with event-interface.md's keys
            for (StatisticsRecorder recorder : List.of(atA, atB)) {
                Await.until(DEADLINE, () -> {
                    assertThat(recorder.hosts()).extracting(HostStatistics::identifier)
                            .contains(a.identifier(), b.identifier());
                    assertThat(recorder.processes()).filteredOn(p -> p.namespec().equals("sleeper"))
                            .extracting(ProcessStatistics::identifier).contains(a.identifier(), b.identifier());
                    assertThat(recorder.processes()).filteredOn(p -> p.namespec().equals("supervisord"))
                            .extracting(ProcessStatistics::identifier).contains(a.identifier(), b.identifier());
                });
                for (HostStatistics host : recorder.hosts()) {
                    assertThat(host.body().keySet()).containsExactly("identifier", "now_monotonic", "target_period",
                            "period", "cpu", "mem", "net_io", "disk_io", "disk_usage");
                    assertThat(host.targetPeriod()).isEqualTo(2.0);
                    assertThat(host.period()).hasSize(2);
                    assertThat(host.period().get(1) - host.period().get(0)).isGreaterThanOrEqualTo(1.9);
                    assertThat(host.cpu()).hasSizeGreaterThan(1).allSatisfy(cpu -> assertThat(cpu).isBetween(0.0,
                            100.0));
                    assertThat(host.mem()).isStrictlyBetween(0.0, 100.0);
                    assertThat(host.netIo()).containsKey("lo");
                }
                for (ProcessStatistics process : recorder.processes()) {
                    assertThat(process.body().keySet()).containsExactly("namespec", "identifier", "pid",
                            "now_monotonic", "target_period", "period", "cpu", "mem");
                    assertThat(process.pid()).isPositive();
                    assertThat(process.cpu()).isGreaterThanOrEqualTo(0.0);
                    assertThat(process.mem()).isStrictlyBetween(0.0, 100.0);
                }
            }

            Map<String, Object> node = a.struct("supvisors.ext_get_node_characteristics");
            assertThat(node).containsKeys("physical_cores", "logical_cores", "frequency_mhz", "total_memory");
            assertThat((Double) node.get("total_memory")).isGreaterThan(1e8);

            // B stops collecting: A receives nothing new from B
            assertThat(b.call("supvisors.enable_host_statistics", false)).isEqualTo(true);
            assertThat(b.call("supvisors.enable_process_statistics", false)).isEqualTo(true);
            int agentB = b.agentPid();
            Await.until(DEADLINE, () -> assertThat(threads(agentB)).doesNotContain("supvisors-stats"));
            assertThat(b.struct("supvisors.get_statistics_status")).containsEntry("host_stats", false)
                    .containsEntry("process_stats", false);
            Object[] frozen = (Object[]) entry(a.structs("supvisors.ext_get_host_statistics", b.identifier()),
                    b.identifier()).get("times");
            Await.until(DEADLINE, () -> assertThat((Object[]) entry(a.structs("supvisors.ext_get_host_statistics",
                    a.identifier()), a.identifier()).get("times")).hasSizeGreaterThan(frozen.length + 1));
            assertThat((Object[]) entry(a.structs("supvisors.ext_get_host_statistics", b.identifier()),
                    b.identifier()).get("times")).hasSize(frozen.length);

            // and again
            assertThat(b.call("supvisors.enable_host_statistics", true)).isEqualTo(true);
            Await.until(DEADLINE, () -> assertThat((Object[]) entry(a.structs("supvisors.ext_get_host_statistics",
                    b.identifier()), b.identifier()).get("times")).hasSizeGreaterThan(frozen.length));
            assertThat(threads(agentB)).contains("supvisors-stats");
        }
    }

    @Test
    void with_stats_off_no_collector_runs_until_enabled_and_the_period_is_checked_and_applied() throws Exception {
        try (TestingAgent agent = TestingAgent.builder("stats-off")
                .option("stats_enabled", "OFF")
                .option("stats_periods", "2")
                .build().start()) {
            agent.awaitOperation(DEADLINE);
            int pid = agent.agentPid();
            assertThat(agent.struct("supvisors.get_statistics_status")).isEqualTo(Map.of("host_stats", false,
                    "process_stats", false, "collecting_period", 5.0));
            assertThat(threads(pid)).doesNotContain("supvisors-stats");
            assertThat(agent.structs("supvisors.ext_get_host_statistics", agent.identifier())).isEmpty();

            assertThatThrownBy(() -> agent.call("supvisors.update_collecting_period", 0.5))
                    .isInstanceOfSatisfying(XmlRpcException.class, e -> assertThat(e.code).isEqualTo(2))
                    .hasMessageContaining("float expected in [1.0;3600.0]");
            assertThatThrownBy(() -> agent.call("supvisors.update_collecting_period", "often"))
                    .isInstanceOfSatisfying(XmlRpcException.class, e -> assertThat(e.code).isEqualTo(2));
            assertThat(agent.call("supvisors.update_collecting_period", 1)).isEqualTo(true);
            assertThat(agent.call("supvisors.enable_host_statistics", true)).isEqualTo(true);

            assertThat(agent.struct("supvisors.get_statistics_status")).isEqualTo(Map.of("host_stats", true,
                    "process_stats", false, "collecting_period", 1.0));
            Await.until(DEADLINE, () -> {
                Object[] times = (Object[]) entry(agent.structs("supvisors.ext_get_host_statistics",
                        agent.identifier()), agent.identifier()).get("times");
                // one result per 2 s period from samples 1 s apart
                assertThat(times).hasSizeGreaterThanOrEqualTo(2);
                assertThat((Double) times[1] - (Double) times[0]).isBetween(1.95, 2.5);
            });
            assertThat(threads(pid)).contains("supvisors-stats");
            assertThat(agent.structs("supvisors.ext_get_process_statistics", "supervisord")).isEmpty();
            assertThat(agent.agentLog()).contains("statistics collection: host on, processes off, every 1.0 s");
        }
    }
}
