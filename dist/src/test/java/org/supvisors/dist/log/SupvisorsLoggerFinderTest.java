package org.supvisors.dist.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupvisorsLoggerFinderTest {

    private static final String ASCTIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3};";

    @TempDir
    Path dir;

    @Test
    void when_distIsOnTheClassPath_then_theJdkUsesItsLoggerFinder() {
        assertThat(System.LoggerFinder.getLoggerFinder()).isInstanceOf(SupvisorsLoggerFinder.class);
        assertThat(System.getLogger("org.supvisors.core.Anything")).isInstanceOf(SupvisorsLogger.class);
    }

    @Test
    void when_installedInAFreshJvm_then_systemLoggerAndJulGoToStderrAndStdoutStaysEmpty() throws Exception {
        Run run = runForked();

        assertThat(run.exitCode).as("stderr: %s", run.stderr).isZero();
        assertThat(run.stdout).isEmpty();
        assertThat(run.stderr).hasSize(4);
        assertThat(run.stderr.get(0)).matches(ASCTIME + "INFO;early start-up on port 60000");
        assertThat(run.stderr.get(1)).matches(ASCTIME + "WARN;jul warning");
        assertThat(run.stderr.get(2)).matches("Supvisors Tests;" + ASCTIME + "DEBG;netty debug kept");
        assertThat(run.stderr.get(3)).matches("Supvisors Tests;" + ASCTIME + "DEBG;configured");
    }

    @Test
    void when_configuredWithAFileInAFreshJvm_then_linesAfterConfigureGoToTheFile() throws Exception {
        Path file = dir.resolve("supvisors.log");

        Run run = runForked(file.toString());

        assertThat(run.exitCode).as("stderr: %s", run.stderr).isZero();
        assertThat(run.stdout).isEmpty();
        assertThat(run.stderr).hasSize(2);
        assertThat(run.stderr.get(1)).matches(ASCTIME + "WARN;jul warning");
        List<String> lines = Files.readAllLines(file, UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("Supvisors Tests;" + ASCTIME + "DEBG;netty debug kept");
        assertThat(lines.get(1)).matches("Supvisors Tests;" + ASCTIME + "DEBG;configured");
    }

    private Run runForked(String... args) throws IOException, InterruptedException {
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), ForkedSupvisorsd.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("forked JVM still running after 60 s; stderr: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out, UTF_8), Files.readAllLines(err, UTF_8));
    }

    private record Run(int exitCode, String stdout, List<String> stderr) {
    }
}
