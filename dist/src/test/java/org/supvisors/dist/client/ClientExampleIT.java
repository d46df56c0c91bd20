package org.supvisors.dist.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.dist.client.ClientFixtures.WEB_RULES;
import static org.supvisors.dist.client.ClientFixtures.startWithRules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.supvisors.client.SupvisorsClient;
import org.supvisors.dist.testing.TestingAgent;

/**
 * The example of the user guide ({@code docs/examples/ClientExample.java}), run as the guide says (Java's
 * single-file launcher, the library alone on the class path) against a real agent: it lists the processes, starts
 * the application and finds it running.
 */
class ClientExampleIT {

    private static final Path EXAMPLE = Paths.get("").toAbsolutePath().getParent()
            .resolve("docs/examples/ClientExample.java");

    @Test
    void the_documented_example_starts_an_application_and_waits_until_it_runs() throws Exception {
        try (TestingAgent agent = startWithRules(ClientFixtures.webAgent("example", "1")
                .credentials("admin", "s3cret").build(), WEB_RULES)) {
            Path library = Paths.get(SupvisorsClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Process example = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", library.toString(), EXAMPLE.toString(), agent.agentUrl(), "web", "admin", "s3cret")
                    .redirectErrorStream(true).start();
            String output = new String(example.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(example.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(example.exitValue()).as(output).isZero();

            List<String> lines = output.lines().toList();
            assertThat(lines.get(0)).isEqualTo("Supvisors 0.19 in OPERATION");
            assertThat(lines).anyMatch(line -> line.matches("web:front +STOPPED +\\[]"));
            assertThat(lines.get(lines.size() - 1)).isEqualTo("web is RUNNING");
        }
    }
}
