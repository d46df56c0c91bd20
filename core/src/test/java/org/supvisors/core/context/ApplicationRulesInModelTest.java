package org.supvisors.core.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.supvisors.core.application.ApplicationRules;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.process.ProcessRules;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.strategy.DistributionRule;
import org.supvisors.core.strategy.RunningFailureStrategy;
import org.supvisors.core.strategy.StartingFailureStrategy;
import org.supvisors.core.strategy.StartingStrategy;
import org.supvisors.core.supervisor.ProcessStateEvent;
import org.supvisors.core.testing.CoreFixture;

/** The rules as the model applies them: the {@code #} sign of applications and the operational status formula. */
class ApplicationRulesInModelTest {

    /** hci_* applications with #,<listed>; "database" with a formula; everything else unmanaged. */
    private static RulesProvider rules(List<String> hciIdentifiers) {
        return new RulesProvider() {
            @Override
            public ApplicationRules applicationRules(String name) {
                if (name.startsWith("hci")) {
                    return new ApplicationRules(true, DistributionRule.SINGLE_INSTANCE, hciIdentifiers, true, 1, 1,
                            StartingStrategy.CONFIG, StartingFailureStrategy.ABORT, RunningFailureStrategy.CONTINUE,
                            "");
                }
                if (name.equals("database")) {
                    return new ApplicationRules(true, DistributionRule.ALL_INSTANCES, List.of("*"), false, 1, 1,
                            StartingStrategy.CONFIG, StartingFailureStrategy.ABORT, RunningFailureStrategy.CONTINUE,
                            "all(\"register.*\") and any('movie.*')");
                }
                return ApplicationRules.unmanaged(StartingStrategy.CONFIG);
            }

            @Override
            public ProcessRules processRules(ApplicationRules application, String applicationName, String processName,
                                             String programName) {
                return ProcessRules.defaults(application.startingFailureStrategy(),
                        application.runningFailureStrategy());
            }
        };
    }

    private static CoreFixture core(List<String> hciIdentifiers) {
        CoreFixture core = CoreFixture.withRules(SupvisorsOptions.builder(), rules(hciIdentifiers), "a:60000",
                "a:60000", "b:60000", "c:60000");
        core.supvisors.start();
        return core;
    }

    @Test
    void an_application_with_the_hash_sign_is_bound_to_the_instance_of_its_index() {
        CoreFixture core = core(List.of("*"));
        core.supvisors.onLocalProcesses(List.of(core.process("hci_01", "view", ProcessState.STOPPED),
                core.process("hci_02", "view", ProcessState.STOPPED),
                core.process("hci-4", "view", ProcessState.STOPPED),
                core.process("hci_x", "view", ProcessState.STOPPED),
                core.process("hci_0", "view", ProcessState.STOPPED)));
        assertThat(rules(core, "hci_01"))
                .containsEntry("identifiers", List.of("a:60000")).containsEntry("start_sequence", 1);
        assertThat(rules(core, "hci_02"))
                .containsEntry("identifiers", List.of("b:60000"));
        assertThat(rules(core, "hci-4")).as("rolled over the 3 instances")
                .containsEntry("identifiers", List.of("a:60000"));
        assertThat(rules(core, "hci_x")).as("no index: no instance, no auto-start")
                .containsEntry("identifiers", List.of()).containsEntry("start_sequence", 0);
        assertThat(rules(core, "hci_0")).as("the index counts from 1")
                .containsEntry("identifiers", List.of()).containsEntry("start_sequence", 0);
    }

    @Test
    void a_listed_reference_keeps_the_names_as_written() {
        CoreFixture core = core(List.of("console_1", "console_2"));
        core.supvisors.onLocalProcesses(List.of(core.process("hci_03", "view", ProcessState.STOPPED),
                core.process("hci_02", "view", ProcessState.STOPPED)));
        assertThat(rules(core, "hci_03"))
                .containsEntry("identifiers", List.of("console_1"));
        assertThat(rules(core, "hci_02"))
                .containsEntry("identifiers", List.of("console_2"));
    }

    @Test
    void the_formula_decides_the_major_failure_and_the_failed_processes_the_minor_one() {
        CoreFixture core = core(List.of("*"));
        core.supvisors.onLocalProcesses(List.of(core.process("database", "register_1", ProcessState.RUNNING),
                core.process("database", "movie_1", ProcessState.RUNNING),
                core.process("database", "movie_2", ProcessState.RUNNING),
                core.process("database", "extra", ProcessState.RUNNING)));
        assertThat(failures(core)).containsExactly(false, false);

        event(core, "register_1", ProcessState.EXITED, ProcessState.RUNNING, true);
        assertThat(failures(core)).as("an expected exit is good").containsExactly(false, false);
        event(core, "movie_1", ProcessState.STOPPED, ProcessState.RUNNING, true);
        assertThat(failures(core)).containsExactly(false, false);
        event(core, "movie_2", ProcessState.STOPPED, ProcessState.RUNNING, true);
        assertThat(failures(core)).containsExactly(true, false);
        event(core, "movie_2", ProcessState.STARTING, ProcessState.STOPPED, true);
        event(core, "extra", ProcessState.EXITED, ProcessState.RUNNING, false);
        assertThat(failures(core)).containsExactly(false, true);
        event(core, "register_1", ProcessState.FATAL, ProcessState.EXITED, true);
        assertThat(failures(core)).as("the major failure clears the minor one").containsExactly(true, false);
    }

    private static void event(CoreFixture core, String name, ProcessState state, ProcessState from, boolean expected) {
        core.clock.advance(1);
        core.supvisors.onSupervisordEvent(new ProcessStateEvent("database", name, state, from, 1000, expected, 0));
    }

    private static Map<String, Object> rules(CoreFixture core, String name) {
        return core.supvisors.context().application(name).orElseThrow().rules().toMap(name);
    }

    private static List<Boolean> failures(CoreFixture core) {
        Map<String, Object> info = core.supvisors.context().application("database").orElseThrow().toMap(0);
        return List.of((Boolean) info.get("major_failure"), (Boolean) info.get("minor_failure"));
    }
}
