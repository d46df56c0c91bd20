package org.supvisors.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The rules files of a corpus in the test resources ({@code invalid/}, {@code semantic/}, {@code valid/}). */
final class RulesCorpus {

    private RulesCorpus() {
    }

    /** The XML files of a corpus, sorted by name. */
    static Stream<Path> files(String corpus) {
        try (Stream<Path> files = Files.list(resource(corpus))) {
            return files.filter(file -> file.toString().endsWith(".xml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resource of the test class path (a file, or the directory of a corpus). */
    static Path resource(String name) {
        try {
            return Path.of(RulesCorpus.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(name + ": not a file URI", e);
        }
    }

    /**
     * The expected lines of a file, from the {@code .expected} file next to it, {@code {file}} replaced by the file's
     * path.
     */
    static List<String> expected(Path file) {
        Path expected = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.xml$", ".expected"));
        try {
            return Files.readAllLines(expected, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(line -> line.replace("{file}", file.toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
