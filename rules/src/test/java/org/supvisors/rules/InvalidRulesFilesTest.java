package org.supvisors.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.supvisors.core.strategy.StartingStrategy;

/**
 * The corpus of rules files that the agent refuses (resources {@code invalid/}): each {@code x.xml} with the
 * problems of {@code x.expected}, one a line, {@code line:column: reason}, checked whole and in order.
 */
class InvalidRulesFilesTest {

    private static final RulesLoader LOADER = new RulesLoader();

    static Stream<Path> invalidFiles() {
        return RulesCorpus.files("invalid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void an_invalid_file_is_refused_with_every_problem_named(Path file) {
        InvalidRulesException refusal = catchThrowableOfType(InvalidRulesException.class,
                () -> LOADER.load(List.of(file), StartingStrategy.CONFIG));

        List<String> expected = RulesCorpus.expected(file).stream().map(line -> file + ":" + line).toList();
        assertThat(expected).isNotEmpty();
        assertThat(refusal).isNotNull();
        assertThat(refusal.problems()).containsExactlyElementsOf(expected);
        assertThat(refusal.getMessage()).contains(expected);
    }

    @Test
    void the_corpus_covers_at_least_thirty_invalid_files() {
        assertThat(invalidFiles().count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void the_problems_of_every_file_are_listed_in_file_order() {
        Path unclosed = RulesCorpus.resource("invalid/not-well-formed-unclosed-element.xml");
        Path several = RulesCorpus.resource("invalid/several-problems.xml");
        Path valid = RulesCorpus.resource("workload/rules.xml");

        InvalidRulesException refusal = catchThrowableOfType(InvalidRulesException.class,
                () -> LOADER.load(List.of(unclosed, valid, several), StartingStrategy.CONFIG));

        assertThat(refusal.problems()).hasSize(1 + RulesCorpus.expected(several).size());
        assertThat(refusal.problems().get(0)).startsWith(unclosed + ":5:3: not well-formed");
        assertThat(refusal.problems().subList(1, refusal.problems().size())).allMatch(p -> p.startsWith(several + ":"));
        assertThat(refusal.getMessage()).startsWith("invalid rules files (11 problems):");
    }

    @Test
    void a_missing_file_is_refused_with_its_name(@TempDir Path directory) {
        Path missing = directory.resolve("absent.xml");

        assertThatThrownBy(() -> LOADER.load(List.of(missing), StartingStrategy.CONFIG))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(missing + ": cannot be read: java.nio.file.NoSuchFileException");
    }

    @Test
    void a_directory_is_refused_with_its_name(@TempDir Path directory) {
        assertThatThrownBy(() -> LOADER.load(List.of(directory), StartingStrategy.CONFIG))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(directory + ": cannot be read");
    }

    @Test
    void problems_are_in_english_whatever_the_default_locale(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("rules.xml"), "<root>\n<application name=\"a\">\n</root>\n");
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.FRANCE);
        try {
            InvalidRulesException refusal = catchThrowableOfType(InvalidRulesException.class,
                    () -> new RulesLoader().load(List.of(file), StartingStrategy.CONFIG));

            assertThat(refusal.problems()).containsExactly(file + ":3:3: not well-formed: The element type"
                    + " \"application\" must be terminated by the matching end-tag \"</application>\".");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void validation_messages_are_in_english_whatever_the_default_locale(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("rules.xml"),
                "<root>\n<application name=\"a\"><start_sequence>x</start_sequence><foo/></application>\n</root>\n");
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            InvalidRulesException refusal = catchThrowableOfType(InvalidRulesException.class,
                    () -> new RulesLoader().load(List.of(file), StartingStrategy.CONFIG));

            assertThat(refusal.problems()).containsExactly(
                    file + ":2:39: application \"a\" > start_sequence: \"x\" (expected: an integer in [-128;127])",
                    file + ":2:63: application \"a\" > foo: unknown element (expected in application: distribution,"
                            + " identifiers, start_sequence, stop_sequence, starting_strategy,"
                            + " starting_failure_strategy, running_failure_strategy, operational_status, programs)");
        } finally {
            Locale.setDefault(before);
        }
    }
}
