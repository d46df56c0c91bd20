package org.supvisors.dist.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.supvisors.core.testing.Await;
import org.supvisors.dist.testing.TestingCluster;

/**
 * Python subscribers read the agent's publications: raw clients (the wire format: WebSocket frames, ZMTP 3.0
 * messages) with the standard library, and 0.19's own libraries ({@code websockets}, {@code pyzmq}) when some
 * {@code python3} of the machine has them (Debian: python3-websockets, python3-zmq), skipped otherwise.
 */
class PythonSubscribersIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    @ParameterizedTest(name = "{0} on event_link = {1}")
    @CsvSource({"ws-raw, WS, ", "ws-websockets, WS, websockets", "zmq-raw, ZMQ, ", "zmq-pyzmq, ZMQ, zmq"})
    void a_python_subscriber_reads_the_process_events_with_their_keys(String mode, String link, String module)
            throws Exception {
        String python = interpreter(module).orElse(null);
        Assumptions.assumeTrue(python != null, "no python3 with the module " + module);
        Path script = Files.createTempFile("event_wire_check", ".py");
        try (InputStream in = getClass().getResourceAsStream("event_wire_check.py")) {
            Files.write(script, in.readAllBytes());
        }
        try (TestingCluster cluster = TestingCluster.of("events-py-" + link.toLowerCase(), List.of("A"), b -> b
                .option("event_link", link).program("sleeper", "/bin/sleep 1000")).startAll()) {
            cluster.agent(0).awaitOperation(TIMEOUT);
            int eventPort = cluster.agent(0).supervisord().httpPort() + 1;
            Process process = new ProcessBuilder(python, script.toString(), mode, "127.0.0.1",
                    String.valueOf(eventPort), "sleeper").redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8));
                assertThat(out.readLine()).isEqualTo("READY");
                // PUB/SUB: start and stop until the subscriber saw a start (its subscription may come late)
                Await.until(TIMEOUT, () -> {
                    cluster.agent(0).supervisor("supervisor.startProcess", "sleeper", true);
                    cluster.agent(0).supervisor("supervisor.stopProcess", "sleeper", true);
                    assertThat(process.waitFor(500, TimeUnit.MILLISECONDS)).isTrue();
                });
                List<String> lines = new ArrayList<>();
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
                assertThat(process.exitValue()).as("%s", lines).isZero();
                assertThat(lines).containsExactly(
                        "OK event " + String.join(",", EventShapes.EVENT.keySet()),
                        "OK process " + String.join(",", EventShapes.PROCESS.keySet()));
            } finally {
                process.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** A python3 that can import {@code module} (any when null): the one on the PATH, else Debian's. */
    private static Optional<String> interpreter(String module) throws IOException, InterruptedException {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                Process probe = new ProcessBuilder(python, "-c", module == null ? "pass" : "import " + module)
                        .redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return Optional.of(python);
                }
            } catch (IOException missing) {
                // not installed: the next one
            }
        }
        return Optional.empty();
    }
}
