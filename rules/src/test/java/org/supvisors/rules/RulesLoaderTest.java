package org.supvisors.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supvisors.rules.RulesFiles.process;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supvisors.core.application.ApplicationRules;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.process.IdentifierSign;
import org.supvisors.core.process.ProcessRules;
import org.supvisors.core.strategy.DistributionRule;
import org.supvisors.core.strategy.RunningFailureStrategy;
import org.supvisors.core.strategy.StartingFailureStrategy;
import org.supvisors.core.strategy.StartingStrategy;

/** Real files loaded whole: the workload's, the complete example of the specification, several merged. */
class RulesLoaderTest {

    private static final RulesLoader LOADER = new RulesLoader();

    @TempDir
    Path directory;

    private static ProcessRules rules(List<String> identifiers, IdentifierSign sign, int start, int stop,
                                      boolean required, boolean waitExit, int loading, StartingFailureStrategy starting,
                                      RunningFailureStrategy running) {
        return new ProcessRules(identifiers, sign, start, stop, required, waitExit, loading, starting, running);
    }

    @Test
    void the_workload_rules_load_with_the_expected_rules() throws InvalidRulesException {
        Path file = RulesCorpus.resource("workload/rules.xml");
        RuleSet rules = LOADER.load(List.of(file), StartingStrategy.MOST_LOADED);

        assertThat(rules.messages()).containsExactly(RulesMessage.info(file + ": 0 alias(es), 0 model(s), 5"
                + " application(s)"));
        assertThat(rules.applicationRules("infra")).isEqualTo(new ApplicationRules(true,
                DistributionRule.ALL_INSTANCES, List.of("*"), false, 1, 3, StartingStrategy.MOST_LOADED,
                StartingFailureStrategy.CONTINUE, RunningFailureStrategy.CONTINUE, ""));
        assertThat(process(rules, "infra", "prepare")).isEqualTo(rules(List.of("supv1"), IdentifierSign.NONE, 1, 1,
                true, true, 0, StartingFailureStrategy.CONTINUE, RunningFailureStrategy.CONTINUE));
        assertThat(process(rules, "infra", "config_server")).isEqualTo(rules(List.of("supv1"), IdentifierSign.NONE,
                2, 2, true, false, 0, StartingFailureStrategy.CONTINUE, RunningFailureStrategy.CONTINUE));
        assertThat(rules.applicationRules("core").startSequence()).isEqualTo(2);
        assertThat(process(rules, "core", "acquisition_02")).isEqualTo(rules(List.of("*"), IdentifierSign.HASH, 1, 1,
                true, false, 0, StartingFailureStrategy.ABORT, RunningFailureStrategy.CONTINUE));
        assertThat(process(rules, "core", "processing_1")).isEqualTo(rules(List.of("supv2", "supv3"),
                IdentifierSign.NONE, 2, 2, false, false, 5, StartingFailureStrategy.ABORT,
                RunningFailureStrategy.CONTINUE));
        assertThat(process(rules, "core", "recorder").identifiers()).containsExactly("supv3");
        assertThat(process(rules, "sentinel", "guardian")).isEqualTo(rules(List.of("supv2", "supv3", "supv1"),
                IdentifierSign.NONE, 1, 1, true, false, 0, StartingFailureStrategy.ABORT,
                RunningFailureStrategy.RESTART_PROCESS));
        assertThat(rules.applicationRules("hmi").stopSequence()).isEqualTo(1);
        assertThat(process(rules, "hmi", "web_gateway").identifiers()).containsExactly("supv2");
        ApplicationRules bulk = rules.applicationRules("bulk");
        assertThat(bulk.startSequence()).isZero();
        assertThat(bulk.stopSequence()).isZero();
        assertThat(bulk.startingStrategy()).isEqualTo(StartingStrategy.LESS_LOADED);
        assertThat(process(rules, "bulk", "worker_07")).isEqualTo(rules(List.of("*"), IdentifierSign.NONE, 1, 1,
                false, false, 1, StartingFailureStrategy.CONTINUE, RunningFailureStrategy.CONTINUE));
        assertThat(rules.applicationRules("supvisors").managed()).isFalse();
    }

    @Test
    void the_complete_example_of_the_specification_loads_with_the_expected_rules() throws InvalidRulesException {
        Path file = RulesCorpus.resource("complete-example.xml");
        RuleSet rules = LOADER.load(List.of(file), StartingStrategy.LESS_LOADED);

        assertThat(rules.messages()).containsExactly(RulesMessage.info(file + ": 2 alias(es), 3 model(s), 3"
                + " application(s)"));
        assertThat(rules.applicationRules("import_database")).isEqualTo(new ApplicationRules(true,
                DistributionRule.ALL_INSTANCES, List.of("*"), false, 2, 2, StartingStrategy.LESS_LOADED,
                StartingFailureStrategy.STOP, RunningFailureStrategy.CONTINUE, "all('.*')"));
        assertThat(process(rules, "import_database", "mount_disk_00")).isEqualTo(rules(
                List.of("supv02:60000", "supv-03", "rocky54"), IdentifierSign.AT, 1, 1, true, false, 0,
                StartingFailureStrategy.STOP, RunningFailureStrategy.CONTINUE));
        assertThat(process(rules, "import_database", "copy_error")).isEqualTo(rules(List.of("supv-01"),
                IdentifierSign.NONE, 2, 2, true, true, 25, StartingFailureStrategy.STOP,
                RunningFailureStrategy.CONTINUE));
        assertThat(rules.applicationRules("player")).isEqualTo(new ApplicationRules(true,
                DistributionRule.SINGLE_INSTANCE, List.of("supv-01", "supv-03"), false, 5, 5,
                StartingStrategy.MOST_LOADED, StartingFailureStrategy.ABORT, RunningFailureStrategy.CONTINUE, ""));
        assertThat(process(rules, "player", "test_reader")).isEqualTo(rules(List.of("*"), IdentifierSign.NONE, 1, 1,
                true, true, 2, StartingFailureStrategy.ABORT, RunningFailureStrategy.CONTINUE));
        assertThat(process(rules, "player", "movie_player")).isEqualTo(rules(List.of("*"), IdentifierSign.NONE, 2,
                2, false, false, 13, StartingFailureStrategy.ABORT, RunningFailureStrategy.CONTINUE));
        ApplicationRules web = rules.applicationRules("web_movies");
        assertThat(web.startSequence()).isEqualTo(6);
        assertThat(web.stopSequence()).isEqualTo(2);
        assertThat(web.startingStrategy()).isEqualTo(StartingStrategy.LESS_LOADED_NODE);
        assertThat(process(rules, "web_movies", "web_browser")).isEqualTo(rules(List.of("*"), IdentifierSign.NONE,
                1, 1, false, false, 4, StartingFailureStrategy.ABORT, RunningFailureStrategy.RESTART_PROCESS));
    }

    @Test
    void no_file_gives_no_rule_but_the_default_starting_strategy() throws InvalidRulesException {
        RuleSet rules = LOADER.load(List.of(), StartingStrategy.LOCAL);

        assertThat(rules.messages()).isEmpty();
        assertThat(rules.applicationRules("any")).isEqualTo(ApplicationRules.unmanaged(StartingStrategy.LOCAL));
        assertThat(process(rules, "any", "p")).isEqualTo(ProcessRules.defaults(StartingFailureStrategy.ABORT,
                RunningFailureStrategy.CONTINUE));
    }

    @Test
    void the_options_give_the_files_and_the_default_starting_strategy() throws InvalidRulesException {
        Path file = RulesCorpus.resource("workload/rules.xml");
        SupvisorsOptions options = SupvisorsOptions.builder().rulesFiles(List.of(file.toString()))
                .startingStrategy(StartingStrategy.LESS_LOADED_NODE).build();

        RuleSet rules = LOADER.load(options);

        assertThat(rules.defaultStartingStrategy()).isEqualTo(StartingStrategy.LESS_LOADED_NODE);
        assertThat(rules.applicationRules("infra").startingStrategy()).isEqualTo(StartingStrategy.LESS_LOADED_NODE);
        assertThat(rules.applicationRules("unknown").startingStrategy()).isEqualTo(StartingStrategy.LESS_LOADED_NODE);
        assertThat(LOADER.load(SupvisorsOptions.builder().build()).applicationRules("infra").managed()).isFalse();
    }

    @Test
    void an_empty_root_is_a_valid_file_with_no_rule() {
        RuleSet rules = new RulesFiles(directory).with("").load();

        assertThat(rules.applicationRules("web").managed()).isFalse();
    }

    @Test
    void every_default_applies_to_a_bare_application_and_a_bare_program() {
        RuleSet rules = new RulesFiles(directory)
                .with("<application name=\"web\"><programs><program name=\"server\"/></programs></application>")
                .load(StartingStrategy.MOST_LOADED_NODE);

        assertThat(rules.applicationRules("web")).isEqualTo(new ApplicationRules(true, DistributionRule.ALL_INSTANCES,
                List.of("*"), false, 0, 0, StartingStrategy.MOST_LOADED_NODE, StartingFailureStrategy.ABORT,
                RunningFailureStrategy.CONTINUE, ""));
        assertThat(process(rules, "web", "server")).isEqualTo(ProcessRules.defaults(StartingFailureStrategy.ABORT,
                RunningFailureStrategy.CONTINUE));
    }

    @Test
    void the_stop_sequence_defaults_to_the_start_sequence_even_through_models() {
        RuleSet rules = new RulesFiles(directory).with("""
                <model name="late"><stop_sequence>9</stop_sequence></model>
                <application name="web">
                    <start_sequence>4</start_sequence>
                    <programs>
                        <program name="a"><start_sequence>3</start_sequence></program>
                        <program name="b"><reference>late</reference><start_sequence>3</start_sequence></program>
                        <program name="c"><start_sequence>3</start_sequence><stop_sequence>0</stop_sequence></program>
                    </programs>
                </application>
                """).load();

        assertThat(rules.applicationRules("web").stopSequence()).isEqualTo(4);
        assertThat(process(rules, "web", "a").stopSequence()).isEqualTo(3);
        assertThat(process(rules, "web", "b").stopSequence()).isEqualTo(9);
        assertThat(process(rules, "web", "c").stopSequence()).isZero();
    }

    @Test
    void a_model_chain_applies_the_deepest_model_first_and_the_program_last() {
        RuleSet rules = new RulesFiles(directory).with("""
                <model name="base">
                    <identifiers>A</identifiers><start_sequence>1</start_sequence><expected_loading>5</expected_loading>
                    <running_failure_strategy>RESTART_PROCESS</running_failure_strategy>
                </model>
                <model name="disk"><reference>base</reference><identifiers>B</identifiers><required>1</required></model>
                <application name="web">
                    <programs>
                        <program name="server"><reference>disk</reference><expected_loading>7</expected_loading></program>
                    </programs>
                </application>
                """).load();

        assertThat(process(rules, "web", "server")).isEqualTo(rules(List.of("B"), IdentifierSign.NONE, 1, 1, true,
                false, 7, StartingFailureStrategy.ABORT, RunningFailureStrategy.RESTART_PROCESS));
    }

    /** The second file's pattern element replaces the first one's, programs included; the alias is redefined. */
    @Test
    void a_pattern_of_a_later_file_replaces_the_element_of_the_same_pattern() {
        RuleSet rules = new RulesFiles(directory)
                .with("""
                        <alias name="consoles">c1,c2</alias>
                        <application pattern="web_">
                            <programs><program name="server"><reference>remote</reference></program></programs>
                        </application>
                        """)
                .with("""
                        <alias name="consoles">c3</alias>
                        <model name="remote"><identifiers>consoles,local</identifiers></model>
                        <application pattern="web_"><start_sequence>2</start_sequence></application>
                        """)
                .load();

        assertThat(rules.applicationRules("web_app").startSequence()).isEqualTo(2);
        assertThat(process(rules, "web_app", "server").identifiers()).containsExactly("*");
        assertThat(rules.messages()).filteredOn(m -> m.level() == Level.WARNING)
                .extracting(RulesMessage::text)
                .satisfiesExactly(
                        text -> assertThat(text).contains("application pattern \"web_\": the same pattern again at"),
                        text -> assertThat(text).contains("alias \"consoles\": defined again"));
    }

    @Test
    void a_model_of_a_later_file_serves_a_program_of_an_earlier_one() {
        RuleSet rules = new RulesFiles(directory)
                .with("""
                        <alias name="consoles">c1,c2</alias>
                        <application name="web">
                            <programs><program name="server"><reference>remote</reference></program></programs>
                        </application>
                        """)
                .with("<model name=\"remote\"><identifiers>consoles,local</identifiers></model>")
                .load();

        assertThat(process(rules, "web", "server").identifiers()).containsExactly("c1", "c2", "local");
    }

    @Test
    void identifiers_are_expanded_with_the_aliases_of_every_file() {
        RuleSet rules = new RulesFiles(directory)
                .with("<application name=\"web\"><identifiers>local,consoles,local</identifiers></application>")
                .with("<alias name=\"consoles\">c1, c2 ,,c1</alias>")
                .load();

        assertThat(rules.applicationRules("web").identifiers()).containsExactly("local", "c1", "c2");
    }

    @Test
    void values_accepted_by_the_schema_in_their_other_forms() {
        RuleSet rules = new RulesFiles(directory).with("""
                <application name="web">
                    <start_sequence> +7 </start_sequence>
                    <programs>
                        <program name="server">
                            <start_sequence><![CDATA[003]]></start_sequence>
                            <required>1</required><wait_exit>0</wait_exit>
                            <expected_loading>
                                100
                            </expected_loading>
                        </program>
                    </programs>
                </application>
                """).load();

        assertThat(rules.applicationRules("web").startSequence()).isEqualTo(7);
        ProcessRules server = process(rules, "web", "server");
        assertThat(server.startSequence()).isEqualTo(3);
        assertThat(server.required()).isTrue();
        assertThat(server.waitExit()).isFalse();
        assertThat(server.expectedLoading()).isEqualTo(100);
    }

    @Test
    void empty_string_elements_are_not_considered() {
        RuleSet rules = new RulesFiles(directory).with("""
                <model name=""><expected_loading>9</expected_loading></model>
                <application name="web">
                    <identifiers/>
                    <operational_status></operational_status>
                    <programs>
                        <program name="server"><identifiers></identifiers><reference/></program>
                    </programs>
                </application>
                """).load();

        assertThat(rules.applicationRules("web").identifiers()).containsExactly("*");
        assertThat(rules.applicationRules("web").statusFormula()).isEmpty();
        assertThat(process(rules, "web", "server").identifiers()).containsExactly("*");
        // 0.19 looks models up by the text of reference, even an empty one
        assertThat(process(rules, "web", "server").expectedLoading()).isEqualTo(9);
    }

    @Test
    void a_blank_identifiers_list_leaves_no_candidate_as_in_0_19() {
        RuleSet rules = new RulesFiles(directory)
                .with("<application name=\"web\"><programs><program name=\"server\"><identifiers> </identifiers>"
                        + "</program></programs></application>")
                .load();

        assertThat(process(rules, "web", "server").identifiers()).isEmpty();
    }

    @Test
    void the_formula_is_given_without_its_surrounding_blanks() {
        RuleSet rules = new RulesFiles(directory).with("""
                <application name="database">
                    <operational_status>
                        all("register.*") and any('movie.*')
                    </operational_status>
                </application>
                """).load();

        assertThat(rules.applicationRules("database").statusFormula())
                .isEqualTo("all(\"register.*\") and any('movie.*')");
    }
}
