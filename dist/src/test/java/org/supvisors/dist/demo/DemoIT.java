package org.supvisors.dist.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.xmlrpc.client.XmlRpcClient;
import org.junit.jupiter.api.Test;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingAgent;

/** The README's demo: three instances in OPERATION, the sample applications started in sequence, a clean stop. */
class DemoIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void the_demo_reaches_operation_starts_the_sample_applications_and_stops_cleanly() throws Exception {
        Path output = Files.createTempFile("supvisors-demo-", ".out");
        Process demo = new ProcessBuilder(TestingAgent.HOME.resolve("bin/supvisors-demo").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            Await.until(TIMEOUT, () -> assertThat(Files.readString(output)).contains("Press Ctrl-C"));
            String text = Files.readString(output);
            assertThat(text).contains("Supvisors is in OPERATION on the three instances.")
                    .containsPattern("database +RUNNING").containsPattern("web +RUNNING");
            List<String> agents = new ArrayList<>();
            Matcher matcher = Pattern.compile("agent (http://127\\.0\\.0\\.1:\\d+)/RPC2").matcher(text);
            while (matcher.find()) {
                agents.add(matcher.group(1));
            }
            assertThat(agents).hasSize(3);
            Matcher home = Pattern.compile("Supvisors demo in (\\S+):").matcher(text);
            assertThat(home.find()).isTrue();
            Path directory = Path.of(home.group(1));

            XmlRpcClient supv3 = TestingAgent.client(agents.get(2), null, null);
            Map<?, ?> backup = (Map<?, ?>) ((Object[]) supv3.execute("supvisors.get_process_info",
                    List.of("backup:backup")))[0];
            assertThat(backup.get("statename")).as("the one-shot of sequence 3 ran").isEqualTo("EXITED");
            assertThat(Arrays.asList((Object[]) backup.get("identifiers"))).isEmpty();
            Map<?, ?> api00 = processInfo(supv3, "web:api_00");
            Map<?, ?> api01 = processInfo(supv3, "web:api_01");
            assertThat(Arrays.asList((Object[]) api00.get("identifiers"))).as("# over supv2,supv3")
                    .containsExactly(agentIdentifier(agents.get(1)));
            assertThat(Arrays.asList((Object[]) api01.get("identifiers")))
                    .containsExactly(agentIdentifier(agents.get(2)));
            Map<?, ?> database = processInfo(supv3, "database:database");
            assertThat(Arrays.asList((Object[]) database.get("identifiers")))
                    .containsExactly(agentIdentifier(agents.get(0)));

            demo.destroy();
            assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(output)).contains("Supvisors demo stopped.");
            assertThat(Files.exists(directory)).as("its directory is removed").isFalse();
        } finally {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
            deleteQuietly(output);
        }
    }

    private static Map<?, ?> processInfo(XmlRpcClient client, String namespec) throws Exception {
        return (Map<?, ?>) ((Object[]) client.execute("supvisors.get_process_info", List.of(namespec)))[0];
    }

    /** The identifier of the instance of an agent: its supervisord's address (agent port - 2). */
    private static String agentIdentifier(String agentUrl) {
        int port = Integer.parseInt(agentUrl.substring(agentUrl.lastIndexOf(':') + 1));
        return "127.0.0.1:" + (port - 2);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
