package org.supvisors.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supvisors.bench.workload.SupervisordInstance;
import org.supvisors.bench.workload.WorkloadConfiguration;

class LaunchPhasesTest {

    private static final LocalDateTime ORIGIN = LocalDateTime.of(2026, 11, 22, 22, 46, 23, 100_000_000);

    @TempDir
    Path directory;

    @Test
    void eachPhaseIsTheFirstMatchingLineOfTheLastInstance() throws IOException {
        List<SupervisordInstance> instances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String nick = "supv" + (i + 1);
            SupervisordInstance instance = new SupervisordInstance(new WorkloadConfiguration.Member(nick, 30000 + i),
                    directory.resolve(nick), "", "");
            Files.writeString(instance.directory().resolve("supervisord.log"), String.join("\n",
                    "2026-11-22 22:46:23,49" + i + " INFO supervisord started with pid 22122",
                    "2026-11-22 22:46:24,50" + i + " INFO spawned: 'supvisors' with pid 22138",
                    ""));
            Files.writeString(instance.directory().resolve("supvisorsd.log"), String.join("\n",
                    "2026-11-22 22:46:25,64" + i + ";INFO;Included extra file \"programs.ini\" during parsing",
                    "2026-11-22 22:46:27,659;INFO;[" + nick + "] Supvisors is DISTRIBUTION",
                    "2026-11-22 22:46:27,68" + i + ";INFO;[" + nick + "] Supvisors is OPERATION",
                    "2026-11-22 22:46:28,063;INFO;[" + nick + "] Supvisors is OPERATION (Master)",
                    ""));
            instances.add(instance);
        }

        Map<String, Long> phases = LaunchPhases.read(instances, ORIGIN.atZone(ZoneId.systemDefault()).toInstant());

        assertThat(phases.get("supervisord started")).isEqualTo(391_000_000L);
        assertThat(phases.get("supervisord spawned the agent")).isEqualTo(1_401_000_000L);
        assertThat(phases.get("agent's first log line (JVM up, configuration read)")).isEqualTo(2_541_000_000L);
        assertThat(phases.get("DISTRIBUTION")).isEqualTo(4_559_000_000L);
        assertThat(phases.get("OPERATION")).isEqualTo(4_581_000_000L);
        assertThat(phases.get("agent serves XML-RPC")).isEqualTo(-1L);
        assertThat(phases.keySet()).containsExactlyElementsOf(LaunchPhases.LABELS);
    }
}
