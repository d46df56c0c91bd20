package org.supvisors.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.rules.RulesFiles.process;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supvisors.core.process.IdentifierSign;
import org.supvisors.core.process.ProcessRules;
import org.supvisors.core.strategy.RunningFailureStrategy;
import org.supvisors.core.strategy.StartingFailureStrategy;

/** How an application and a process find their rules: exact name first, then the best pattern. */
class RuleMatchingTest {

    @TempDir
    Path directory;

    /** TC-36: best pattern, names and models. */
    @Test
    void tc36_the_longest_match_wins_a_name_beats_patterns_and_models_chain() {
        RuleSet rules = new RulesFiles(directory).with("""
                <model name="m1"><expected_loading>5</expected_loading><identifiers>A</identifiers></model>
                <model name="m2"><reference>m1</reference><identifiers>B</identifiers></model>
                <application pattern="web_"><start_sequence>6</start_sequence></application>
                <application pattern="web_mo">
                    <start_sequence>7</start_sequence>
                    <programs>
                        <program pattern="conv"><expected_loading>10</expected_loading></program>
                        <program pattern="conv_0"><expected_loading>20</expected_loading></program>
                        <program name="conv_01"><reference>m2</reference></program>
                    </programs>
                </application>
                <application name="web_movies_x"><start_sequence>8</start_sequence></application>
                """).load();

        assertThat(rules.applicationRules("web_movies").startSequence()).isEqualTo(7);
        assertThat(rules.applicationRules("dummy_web_app").startSequence()).isEqualTo(6);
        assertThat(rules.applicationRules("web_movies_x").startSequence()).isEqualTo(8);
        assertThat(rules.applicationRules("other").toMap("other"))
                .isEqualTo(Map.of("application_name", "other", "managed", false));
        assertThat(process(rules, "web_movies", "conv_02").expectedLoading()).isEqualTo(20);
        ProcessRules conv01 = process(rules, "web_movies", "conv_01");
        assertThat(conv01.expectedLoading()).isEqualTo(5);
        assertThat(conv01.identifiers()).containsExactly("B");
        assertThat(conv01.stopSequence()).isEqualTo(conv01.startSequence());
    }

    @Test
    void on_equal_matches_the_first_pattern_in_load_order_wins() {
        RuleSet rules = new RulesFiles(directory)
                .with("<application pattern=\"ab\"><start_sequence>1</start_sequence></application>")
                .with("<application pattern=\"bc\"><start_sequence>2</start_sequence></application>"
                        + "<application pattern=\"[a-z]{2}\"><start_sequence>3</start_sequence></application>")
                .load();

        assertThat(rules.applicationRules("abc").startSequence()).isEqualTo(1);
        assertThat(rules.applicationRules("xbc").startSequence()).isEqualTo(2);
        assertThat(rules.applicationRules("xy").startSequence()).isEqualTo(3);
    }

    @Test
    void the_empty_pattern_is_the_catch_all_of_lowest_priority() {
        RuleSet rules = new RulesFiles(directory).with("""
                <application pattern=""><start_sequence>1</start_sequence></application>
                <application pattern="x"><start_sequence>2</start_sequence></application>
                """).load();

        assertThat(rules.applicationRules("anything").startSequence()).isEqualTo(1);
        assertThat(rules.applicationRules("anything").managed()).isTrue();
        assertThat(rules.applicationRules("box").startSequence()).isEqualTo(2);
    }

    @Test
    void a_pattern_is_searched_anywhere_unless_anchored() {
        RuleSet rules = new RulesFiles(directory).with("""
                <application pattern="^prg_$"><start_sequence>1</start_sequence></application>
                <application pattern="prg_"><start_sequence>2</start_sequence></application>
                """).load();

        assertThat(rules.applicationRules("prg_").startSequence()).isEqualTo(1);
        assertThat(rules.applicationRules("dummy_prg_2").startSequence()).isEqualTo(2);
    }

    /** 0.19 searches {@code (pattern)}: an alternation is measured as a whole, not just its last branch. */
    @Test
    void a_pattern_is_searched_as_a_group() {
        RuleSet rules = new RulesFiles(directory).with("""
                <application pattern="zz|web_mo"><start_sequence>1</start_sequence></application>
                <application pattern="web_"><start_sequence>2</start_sequence></application>
                """).load();

        assertThat(rules.applicationRules("web_movies").startSequence()).isEqualTo(1);
    }

    @Test
    void an_exact_name_is_searched_in_every_file_before_any_pattern() {
        RuleSet rules = new RulesFiles(directory)
                .with("<application pattern=\"web_movies\"><start_sequence>1</start_sequence></application>")
                .with("<application name=\"web_movies\"><start_sequence>2</start_sequence></application>")
                .with("<application name=\"web_movies\"><start_sequence>3</start_sequence></application>")
                .load();

        assertThat(rules.applicationRules("web_movies").startSequence()).isEqualTo(2);
    }

    @Test
    void programs_are_found_by_process_name_within_the_matched_application_element_only() {
        RuleSet rules = new RulesFiles(directory).with("""
                <application name="video">
                    <programs>
                        <program name="converter_03"><expected_loading>30</expected_loading></program>
                        <program name="converter"><expected_loading>99</expected_loading></program>
                    </programs>
                </application>
                <application pattern="vid">
                    <programs><program pattern="conv"><expected_loading>50</expected_loading></program></programs>
                </application>
                """).load();

        assertThat(process(rules, "video", "converter_03").expectedLoading()).isEqualTo(30);
        assertThat(process(rules, "video", "converter_04").expectedLoading()).isZero();
        assertThat(process(rules, "videos", "converter_04").expectedLoading()).isEqualTo(50);
    }

    @Test
    void a_process_name_beats_any_program_pattern() {
        RuleSet rules = new RulesFiles(directory).with("""
                <application name="hg">
                    <programs>
                        <program pattern="prg_\\d+"><identifiers>#</identifiers></program>
                        <program name="prg_00"><identifiers>A</identifiers></program>
                    </programs>
                </application>
                """).load();

        assertThat(process(rules, "hg", "prg_00").sign()).isEqualTo(IdentifierSign.NONE);
        assertThat(process(rules, "hg", "prg_00").identifiers()).containsExactly("A");
        assertThat(process(rules, "hg", "prg_01").sign()).isEqualTo(IdentifierSign.HASH);
        assertThat(process(rules, "hg", "prg_01").identifiers()).containsExactly("*");
    }

    /** TC-37 and TC-38: the signs of a homogeneous program, kept for the core to resolve. */
    @Test
    void tc37_tc38_the_signs_of_a_pattern_program_are_given_with_their_reference_list() {
        RuleSet rules = new RulesFiles(directory).with("""
                <application name="hg">
                    <programs>
                        <program pattern="prg_\\d+">
                            <identifiers>#,C,A</identifiers><start_sequence>1</start_sequence>
                        </program>
                        <program pattern="^at_"><identifiers>@</identifiers></program>
                    </programs>
                </application>
                """).load();

        ProcessRules hash = process(rules, "hg", "prg_00");
        ProcessRules at = process(rules, "hg", "at_03");

        assertThat(hash.sign()).isEqualTo(IdentifierSign.HASH);
        assertThat(hash.identifiers()).containsExactly("C", "A");
        assertThat(hash.toMap(java.util.Optional.empty())).containsEntry("identifiers", java.util.List.of());
        assertThat(at.sign()).isEqualTo(IdentifierSign.AT);
        assertThat(at.identifiers()).containsExactly("*");
    }

    /** TC-39: the hash sign of an application, with an alias; the core picks the instance by the name's index. */
    @Test
    void tc39_the_hash_sign_of_an_application_gives_the_alias_names() {
        RuleSet rules = new RulesFiles(directory).with("""
                <alias name="consoles">A,B,C</alias>
                <application pattern="hci_">
                    <distribution>SINGLE_INSTANCE</distribution>
                    <identifiers>#,consoles</identifiers>
                    <start_sequence>1</start_sequence>
                    <programs><program name="view"><start_sequence>1</start_sequence></program></programs>
                </application>
                """).load();

        assertThat(rules.applicationRules("hci_02").hashSign()).isTrue();
        assertThat(rules.applicationRules("hci_02").identifiers()).containsExactly("A", "B", "C");
        assertThat(rules.applicationRules("hci_x").startSequence()).isEqualTo(1);
        assertThat(process(rules, "hci_x", "view").startSequence()).isEqualTo(1);
    }

    @Test
    void an_unmanaged_application_has_default_process_rules_with_its_strategies() {
        RuleSet rules = new RulesFiles(directory).with("<application name=\"web\"/>").load();

        ProcessRules orphan = process(rules, "other", "orphan");

        assertThat(orphan).isEqualTo(ProcessRules.defaults(StartingFailureStrategy.ABORT,
                RunningFailureStrategy.CONTINUE));
    }

    @Test
    void process_strategies_default_to_those_of_the_application_given() {
        RuleSet rules = new RulesFiles(directory).with("""
                <application name="web">
                    <starting_failure_strategy>STOP</starting_failure_strategy>
                    <running_failure_strategy>RESTART_APPLICATION</running_failure_strategy>
                    <programs>
                        <program name="server"><running_failure_strategy>SHUTDOWN</running_failure_strategy></program>
                    </programs>
                </application>
                """).load();

        ProcessRules server = process(rules, "web", "server");
        ProcessRules other = process(rules, "web", "other");

        assertThat(server.startingFailureStrategy()).isEqualTo(StartingFailureStrategy.STOP);
        assertThat(server.runningFailureStrategy()).isEqualTo(RunningFailureStrategy.SHUTDOWN);
        assertThat(other.startingFailureStrategy()).isEqualTo(StartingFailureStrategy.STOP);
        assertThat(other.runningFailureStrategy()).isEqualTo(RunningFailureStrategy.RESTART_APPLICATION);
    }

    @Test
    void lookups_are_cached_and_answer_the_same() {
        RuleSet rules = new RulesFiles(directory).with("""
                <application pattern="web_"><programs><program pattern="s"/></programs></application>
                """).load();

        assertThat(rules.applicationRules("web_1")).isSameAs(rules.applicationRules("web_1"));
        assertThat(process(rules, "web_1", "s1")).isEqualTo(process(rules, "web_1", "s1"));
    }
}
