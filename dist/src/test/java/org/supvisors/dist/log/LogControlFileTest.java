package org.supvisors.dist.log;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.dist.log.Captured.ASCTIME;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supvisors.core.config.LogLevel;
import org.supvisors.core.config.SupvisorsOptions;

class LogControlFileTest {

    @TempDir
    Path dir;

    private final Captured captured = new Captured();
    private final System.Logger logger = captured.logger("org.supvisors.core.Test");

    @AfterEach
    void closeTheFile() {
        captured.control.configure(LogDestination.stderr(), LogLevel.INFO, "");
    }

    @Test
    void when_fileConfigured_then_linesGoToItAndNotToStderr() throws IOException {
        Path path = dir.resolve("supvisors.log");
        captured.control.configure(LogDestination.file(path, 0, 0), LogLevel.INFO, "Supvisors Tests");

        logger.log(INFO, "started");

        assertThat(Files.readString(path, UTF_8)).isEqualTo("Supvisors Tests;" + ASCTIME + ";INFO;started\n");
        assertThat(captured.stderr()).isEmpty();
    }

    @Test
    void when_configuredFromOptions_then_logfileLevelAndSoftwareNameApply() throws IOException {
        Path path = dir.resolve("supvisors.log");
        captured.control.configure(SupvisorsOptions.builder().logfile(Optional.of(path.toString()))
                .loglevel(LogLevel.DEBUG).softwareName("Supvisors Tests").build());

        logger.log(DEBUG, "debug line");

        assertThat(captured.control.level()).isEqualTo(LogLevel.DEBUG);
        assertThat(Files.readString(path, UTF_8)).isEqualTo("Supvisors Tests;" + ASCTIME + ";DEBG;debug line\n");
    }

    @Test
    void when_reconfiguredToStderr_then_fileGetsNoMoreLines() throws IOException {
        Path path = dir.resolve("supvisors.log");
        captured.control.configure(LogDestination.file(path, 0, 0), LogLevel.INFO, "");
        logger.log(INFO, "to file");

        captured.control.configure(LogDestination.stderr(), LogLevel.INFO, "");
        logger.log(INFO, "to stderr");

        assertThat(Files.readString(path, UTF_8)).isEqualTo(ASCTIME + ";INFO;to file\n");
        assertThat(captured.stderrLines()).containsExactly(ASCTIME + ";INFO;to stderr");
    }

    @Test
    void when_fileCannotBeOpened_then_oneErrorLineOnStderrAndLinesFollowThere() {
        Path path = dir.resolve("missing").resolve("supvisors.log");

        captured.control.configure(LogDestination.file(path, 1024, 2), LogLevel.INFO, "Supvisors Tests");
        logger.log(INFO, "still visible");

        List<String> lines = captured.stderrLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("Supvisors Tests;" + ASCTIME + ";ERRO;logfile: " + path
                + " (expected: a writable file): java.io.FileNotFoundException: " + path)
                .endsWith("; logging to stderr instead");
        assertThat(lines.get(1)).isEqualTo("Supvisors Tests;" + ASCTIME + ";INFO;still visible");
        assertThat(path).doesNotExist();
    }

    @Test
    void when_fileCannotBeReopenedAtRotation_then_theLineGoesToStderrAfterOneErrorLine() throws IOException {
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Path path = logs.resolve("supvisors.log");
        captured.control.configure(LogDestination.file(path, 60, 1), LogLevel.INFO, "");
        logger.log(INFO, "first line");
        Files.delete(path);
        Files.delete(logs);

        logger.log(INFO, "second line, rotating");
        logger.log(INFO, "third line");

        List<String> lines = captured.stderrLines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith(ASCTIME + ";ERRO;logfile: " + path + " (expected: a writable file): ")
                .endsWith("; logging to stderr instead");
        assertThat(lines.subList(1, 3)).containsExactly(ASCTIME + ";INFO;second line, rotating",
                ASCTIME + ";INFO;third line");
    }

    @Test
    void when_manyThreadsWriteThroughRotation_then_everyLineIsWholeAndNoneIsLost() throws Exception {
        int writers = 8;
        int linesPerWriter = 500;
        Path path = dir.resolve("supvisors.log");
        captured.control.configure(LogDestination.file(path, 4096, 1000), LogLevel.INFO, "Supvisors Tests");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int id = writer;
                futures.add(executor.submit(() -> {
                    start.await();
                    for (int line = 0; line < linesPerWriter; line++) {
                        logger.log(INFO, "writer {0} line {1} {2}", id, line, "x".repeat(line % 50));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }

        Pattern whole = Pattern.compile("Supvisors Tests;" + Pattern.quote(ASCTIME)
                + ";INFO;writer (\\d+) line (\\d+) (x*)");
        Set<String> seen = new HashSet<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.toList();
        }
        assertThat(files).hasSizeGreaterThan(2);
        for (Path file : files) {
            assertThat(Files.size(file)).isLessThanOrEqualTo(4096);
            for (String line : Files.readAllLines(file, UTF_8)) {
                Matcher matcher = whole.matcher(line);
                assertThat(matcher.matches()).as("whole line: %s", line).isTrue();
                assertThat(matcher.group(3)).hasSize(Integer.parseInt(matcher.group(2)) % 50);
                assertThat(seen.add(matcher.group(1) + "/" + matcher.group(2))).as("once: %s", line).isTrue();
            }
        }
        assertThat(seen).hasSize(writers * linesPerWriter);
        assertThat(captured.stderr()).isEmpty();
    }
}
