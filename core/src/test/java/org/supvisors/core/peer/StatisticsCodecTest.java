package org.supvisors.core.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.core.statistics.CpuTimes;
import org.supvisors.core.statistics.HostSample;
import org.supvisors.core.statistics.IoCounters;
import org.supvisors.core.statistics.ProcessSample;

/** The statistics messages through the codec: round trips, and bounded, validated decoding. */
class StatisticsCodecTest {

    private static final InstanceIdentity SENDER = new InstanceIdentity("10.0.0.1:60000", "rocky51", "10.0.0.1", 60000);

    static HostSample host(double now) {
        return new HostSample(now, List.of(new CpuTimes(8_669_220L, 7_471_830L),
                new CpuTimes(4_391_680L, 3_685_920L), new CpuTimes(4_277_530L, 3_785_900L)), 3.9,
                Map.of("eth0", new IoCounters(51_031_406L, 9_000_000_000L), "lo", new IoCounters(0, 0)),
                Map.of("vda", new IoCounters(2_563_617_792L, 1_831_194_624L)), Map.of("/", 8.7, "/my data", 0.0));
    }

    static StatisticsMessage message() {
        return new StatisticsMessage(List.of(host(12_345.5), host(12_350.5)), List.of(
                new ProcessSample("web:server_01", 4242, 12_345.5, 12.25, 0.75, 0),
                new ProcessSample(ProcessSample.SUPERVISORD, 17, 12_345.5, 3.5, 0.4, 2),
                ProcessSample.stopped("db", 12_346.0)));
    }

    private static Map<String, Object> wire(PeerMessage message) {
        return PeerCodec.encode(message);
    }

    private static PeerMessage decode(PeerMessage.Kind kind, Map<String, Object> wire)
            throws MalformedMessageException {
        return PeerCodec.decode(kind, wire, SENDER);
    }

    @Test
    void a_statistics_message_round_trips() throws Exception {
        assertThat(decode(PeerMessage.Kind.STATISTICS, wire(message()))).isEqualTo(message());
        StatisticsMessage empty = new StatisticsMessage(List.of(), List.of());
        assertThat(decode(PeerMessage.Kind.STATISTICS, wire(empty))).isEqualTo(empty);
        assertThat(PeerMessage.Kind.fromCode(12)).isEqualTo(PeerMessage.Kind.STATISTICS);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstHost(Map<String, Object> wire) {
        return (Map<String, Object>) ((List<Object>) wire.get("hosts")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstProcess(Map<String, Object> wire) {
        return (Map<String, Object>) ((List<Object>) wire.get("processes")).get(0);
    }

    @Test
    void wire_keys_are_those_of_0_19_samples() {
        assertThat(wire(message())).containsOnlyKeys("hosts", "processes");
        assertThat(firstHost(wire(message()))).containsOnlyKeys("now", "cpu", "mem", "net_io", "disk_io",
                "disk_usage");
        assertThat(firstHost(wire(message())).get("cpu")).isEqualTo(List.of(List.of(8_669_220L, 7_471_830L),
                List.of(4_391_680L, 3_685_920L), List.of(4_277_530L, 3_785_900L)));
        assertThat(firstProcess(wire(message()))).containsOnlyKeys("namespec", "pid", "now", "proc_work",
                "proc_memory", "nb_cores");
    }

    private static Map<String, Object> hostWith(String key, Object value) {
        Map<String, Object> host = new LinkedHashMap<>(firstHost(wire(message())));
        host.put(key, value);
        return Map.of("hosts", List.of(host), "processes", List.of());
    }

    @Test
    void a_host_sample_with_bad_content_is_refused_field_by_field() {
        assertRefused(hostWith("cpu", List.of()), "STATISTICS.hosts[0].cpu: [] (expected: 1 to 8193 lines)");
        assertRefused(hostWith("cpu", List.of(List.of(1L, -1L))),
                "STATISTICS.hosts[0].cpu[0]: [1, -1]");
        assertRefused(hostWith("cpu", List.of(List.of(1L, -1L))), "(expected: two non-negative integers)");
        assertRefused(hostWith("cpu", List.of(List.of(1L, 2L, 3L))), "STATISTICS.hosts[0].cpu[0]");
        assertRefused(hostWith("cpu", List.of(List.of(1.5, 2L))), "STATISTICS.hosts[0].cpu[0]");
        assertRefused(hostWith("cpu", Collections.nCopies(8194, List.of(1L, 1L))),
                "STATISTICS.hosts[0].cpu: 8194 items (expected: at most 8193)");
        assertRefused(hostWith("mem", 100.5), "STATISTICS.hosts[0].mem: 100.5 (expected: a % in [0;100])");
        assertRefused(hostWith("mem", Double.NaN),
                "STATISTICS.hosts[0].mem: NaN of type Double (expected: a finite number)");
        assertRefused(hostWith("now", "soon"), "STATISTICS.hosts[0].now");
        assertRefused(hostWith("net_io", Map.of("eth0", List.of(1L))), "STATISTICS.hosts[0].net_io.eth0");
        assertRefused(hostWith("net_io", Map.of("", List.of(1L, 1L))), "STATISTICS.hosts[0].net_io: name ");
        assertRefused(hostWith("disk_io", Map.of("x".repeat(1025), List.of(1L, 1L))),
                "(expected: 1 to 1024 characters)");
        assertRefused(hostWith("disk_usage", Map.of("/", -0.1)), "STATISTICS.hosts[0].disk_usage./: -0.1");
        Map<String, Object> many = new LinkedHashMap<>();
        for (int i = 0; i < 4097; i++) {
            many.put("veth" + i, List.of(1L, 1L));
        }
        assertRefused(hostWith("net_io", many), "STATISTICS.hosts[0].net_io: 4097 names (expected: at most 4096)");
        Map<String, Object> missing = new LinkedHashMap<>(firstHost(wire(message())));
        missing.remove("disk_usage");
        assertRefused(Map.of("hosts", List.of(missing), "processes", List.of()),
                "STATISTICS.hosts[0].disk_usage: missing");
        assertRefused(Map.of("hosts", Collections.nCopies(3601, Map.of()), "processes", List.of()),
                "STATISTICS.hosts: 3601 items (expected: at most 3600)");
        assertRefused(Map.of("processes", List.of()), "STATISTICS.hosts: missing");
    }

    private static Map<String, Object> processWith(String key, Object value) {
        Map<String, Object> sample = new LinkedHashMap<>(firstProcess(wire(message())));
        sample.put(key, value);
        return Map.of("hosts", List.of(), "processes", List.of(sample));
    }

    @Test
    void a_process_sample_with_bad_content_is_refused_field_by_field() {
        assertRefusedProcess(processWith("pid", -1),
                "STATISTICS.processes[0]: pid -1, nb_cores 0 (expected: 0 or more)");
        assertRefusedProcess(processWith("proc_work", -0.5),
                "STATISTICS.processes[0].proc_work: -0.5 (expected: 0 or more)");
        assertRefusedProcess(processWith("proc_memory", Double.POSITIVE_INFINITY),
                "STATISTICS.processes[0].proc_memory");
        assertRefusedProcess(processWith("namespec", ""), "STATISTICS.processes[0].namespec");
        assertRefusedProcess(processWith("pid", 1L << 40), "STATISTICS.processes[0].pid");
        List<Object> tooMany = new ArrayList<>(Collections.nCopies(100_001, Map.of()));
        assertRefusedProcess(Map.of("hosts", List.of(), "processes", tooMany),
                "STATISTICS.processes: 100001 items (expected: at most 100000)");
        assertRefusedProcess(Map.of("hosts", List.of(), "processes", List.of("x")),
                "STATISTICS.processes[0]: x of type String (expected: a struct)");
    }

    private static void assertRefused(Map<String, Object> wire, String message) {
        assertThatThrownBy(() -> decode(PeerMessage.Kind.STATISTICS, wire))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining(message);
    }

    private static void assertRefusedProcess(Map<String, Object> wire, String message) {
        assertThatThrownBy(() -> decode(PeerMessage.Kind.STATISTICS, wire))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining(message);
    }

    @Test
    void every_message_type_has_its_own_kind() {
        assertThat(PeerMessage.class.getPermittedSubclasses()).hasSize(PeerMessage.Kind.values().length);
        assertThat(message().kind()).isEqualTo(PeerMessage.Kind.STATISTICS);
    }
}
