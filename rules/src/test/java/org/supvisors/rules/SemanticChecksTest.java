package org.supvisors.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.supvisors.core.application.ApplicationRules;
import org.supvisors.core.process.IdentifierSign;
import org.supvisors.core.process.ProcessRules;
import org.supvisors.core.strategy.StartingStrategy;

/**
 * The checks that 0.19 only logs (resources {@code semantic/}): the file loads, its warnings and errors are those of
 * {@code x.expected} ({@code LEVEL line:column: text}), and the value is ignored or reset as 0.19 does.
 */
class SemanticChecksTest {

    private static final RulesLoader LOADER = new RulesLoader();

    static Stream<Path> semanticFiles() {
        return RulesCorpus.files("semantic");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("semanticFiles")
    void a_doubtful_file_loads_with_its_messages(Path file) throws InvalidRulesException {
        RuleSet rules = LOADER.load(List.of(file), StartingStrategy.CONFIG);

        List<String> expected = RulesCorpus.expected(file).stream()
                .map(line -> line.replaceFirst("^(\\w+) ", "$1 " + file + ":"))
                .toList();
        assertThat(expected).isNotEmpty();
        assertThat(rules.messages().stream().filter(m -> m.level() != Level.INFO).map(RulesMessage::toString))
                .containsExactlyElementsOf(expected);
        assertThat(rules.messages()).first().isEqualTo(RulesMessage.info(file + ": "
                + "%s alias(es), %s model(s), %s application(s)".formatted(count(rules, "alias"),
                count(rules, "model"), count(rules, "application"))));
    }

    private static String count(RuleSet rules, String element) {
        return rules.messages().get(0).text().replaceFirst(".*: (\\d+) alias\\(es\\), (\\d+) model\\(s\\), (\\d+) .*",
                element.equals("alias") ? "$1" : element.equals("model") ? "$2" : "$3");
    }

    private static RuleSet load(String name) throws InvalidRulesException {
        return LOADER.load(List.of(RulesCorpus.resource("semantic/" + name + ".xml")), StartingStrategy.CONFIG);
    }

    private static ProcessRules process(RuleSet rules, String application, String process) {
        return rules.processRules(rules.applicationRules(application), application, process, process);
    }

    @Test
    void a_negative_application_start_sequence_is_ignored() throws InvalidRulesException {
        ApplicationRules web = load("negative-start-sequence-of-application").applicationRules("web");

        assertThat(web.startSequence()).isZero();
        assertThat(web.stopSequence()).isZero();
    }

    @Test
    void a_negative_program_stop_sequence_is_ignored_and_defaults_to_the_start_sequence()
            throws InvalidRulesException {
        ProcessRules server = process(load("negative-stop-sequence-of-program"), "web", "server");

        assertThat(server.startSequence()).isEqualTo(2);
        assertThat(server.stopSequence()).isEqualTo(2);
    }

    @Test
    void a_required_program_without_start_sequence_is_not_required() throws InvalidRulesException {
        assertThat(process(load("required-without-start-sequence"), "web", "server").required()).isFalse();
    }

    @Test
    void a_hash_in_a_program_selected_by_name_is_reset_to_all_instances() throws InvalidRulesException {
        ProcessRules prg = process(load("hash-in-program-selected-by-name"), "hg", "prg_00");

        assertThat(prg.sign()).isEqualTo(IdentifierSign.NONE);
        assertThat(prg.identifiers()).containsExactly("*");
        assertThat(prg.startSequence()).isEqualTo(1);
    }

    @Test
    void an_at_in_a_program_selected_by_name_is_reset_to_all_instances() throws InvalidRulesException {
        ProcessRules prg = process(load("at-in-program-selected-by-name"), "hg", "prg_00");

        assertThat(prg.sign()).isEqualTo(IdentifierSign.NONE);
        assertThat(prg.identifiers()).containsExactly("*");
    }

    /** 0.19 keeps a sign met in a model even when the program then gives plain names; by name, it resets all. */
    @Test
    void a_sign_from_a_model_resets_a_program_selected_by_name() throws InvalidRulesException {
        ProcessRules prg = process(load("sign-from-model-in-program-selected-by-name"), "hg", "prg_00");

        assertThat(prg.sign()).isEqualTo(IdentifierSign.NONE);
        assertThat(prg.identifiers()).containsExactly("*");
    }

    @Test
    void an_element_with_a_name_and_a_pattern_keeps_its_sign_only_when_selected_by_pattern()
            throws InvalidRulesException {
        RuleSet rules = load("sign-in-element-with-name-and-pattern");

        ProcessRules byName = process(rules, "hg", "prg_00");
        ProcessRules byPattern = process(rules, "hg", "prg_01");

        assertThat(byName.sign()).isEqualTo(IdentifierSign.NONE);
        assertThat(byName.identifiers()).containsExactly("*");
        assertThat(byPattern.sign()).isEqualTo(IdentifierSign.HASH);
        assertThat(byPattern.identifiers()).containsExactly("*");
    }

    @Test
    void both_signs_in_a_pattern_keep_the_at_sign() throws InvalidRulesException {
        ProcessRules prg = process(load("both-signs-in-program-pattern"), "hg", "prg_02");

        assertThat(prg.sign()).isEqualTo(IdentifierSign.AT);
        assertThat(prg.identifiers()).containsExactly("supv01");
    }

    @Test
    void an_at_sign_leaves_an_application_without_candidate() throws InvalidRulesException {
        ApplicationRules hci = load("at-in-application").applicationRules("hci_01");

        assertThat(hci.identifiers()).isEmpty();
        assertThat(hci.hashSign()).isFalse();
    }

    @Test
    void both_signs_in_an_application_keep_the_hash_sign() throws InvalidRulesException {
        ApplicationRules hci = load("both-signs-in-application").applicationRules("hci_01");

        assertThat(hci.hashSign()).isTrue();
        assertThat(hci.identifiers()).containsExactly("supv01");
    }

    @Test
    void a_fourth_element_in_a_reference_chain_is_ignored() throws InvalidRulesException {
        ProcessRules server = process(load("references-beyond-three"), "web", "server");

        assertThat(server.expectedLoading()).isEqualTo(1);
        assertThat(server.startSequence()).isEqualTo(2);
        assertThat(server.waitExit()).isFalse();
    }

    @Test
    void a_reference_cycle_stops_at_the_limit() throws InvalidRulesException {
        ProcessRules server = process(load("reference-cycle"), "web", "server");

        assertThat(server).isEqualTo(ProcessRules.defaults(server.startingFailureStrategy(),
                server.runningFailureStrategy()));
    }

    @Test
    void an_unknown_model_is_ignored() throws InvalidRulesException {
        ProcessRules server = process(load("unknown-model"), "web", "server");

        assertThat(server.identifiers()).containsExactly("*");
        assertThat(server.expectedLoading()).isZero();
    }

    @Test
    void a_rejected_formula_leaves_no_formula() throws InvalidRulesException {
        assertThat(load("formula-not-closed").applicationRules("database").statusFormula()).isEmpty();
        assertThat(load("formula-of-two-statements").applicationRules("database").statusFormula()).isEmpty();
        assertThat(load("formula-continued-on-an-indented-line").applicationRules("database").statusFormula())
                .isEmpty();
    }

    @Test
    void an_application_without_name_or_pattern_matches_nothing() throws InvalidRulesException {
        assertThat(load("application-without-name-or-pattern").applicationRules("").managed()).isFalse();
    }

    @Test
    void the_first_application_of_a_name_wins() throws InvalidRulesException {
        assertThat(load("application-name-given-twice").applicationRules("web").startSequence()).isEqualTo(1);
    }

    @Test
    void the_last_application_of_a_pattern_wins() throws InvalidRulesException {
        assertThat(load("application-pattern-given-twice").applicationRules("web_a").startSequence()).isEqualTo(2);
    }

    @Test
    void the_first_program_of_a_name_wins() throws InvalidRulesException {
        assertThat(process(load("program-name-given-twice"), "web", "server").startSequence()).isEqualTo(1);
    }

    @Test
    void the_last_program_of_a_pattern_wins() throws InvalidRulesException {
        assertThat(process(load("program-pattern-given-twice"), "web", "server_1").startSequence()).isEqualTo(2);
    }
}
