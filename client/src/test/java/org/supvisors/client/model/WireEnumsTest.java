package org.supvisors.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;

/** The enumerations carry the names and codes of 0.19 (state-machines.md §1), and look them up both ways. */
class WireEnumsTest {

    private static <E extends Enum<E>> Map<String, Integer> table(Class<E> type, ToIntFunction<E> code) {
        Map<String, Integer> table = new LinkedHashMap<>();
        Arrays.stream(type.getEnumConstants()).forEach(e -> table.put(e.name(), code.applyAsInt(e)));
        return table;
    }

    @Test
    void the_codes_are_those_of_0_19() {
        assertThat(table(SupvisorsState.class, SupvisorsState::code)).containsExactly(Map.entry("OFF", 0),
                Map.entry("SYNCHRONIZATION", 1), Map.entry("ELECTION", 2), Map.entry("DISTRIBUTION", 3),
                Map.entry("OPERATION", 4), Map.entry("CONCILIATION", 5), Map.entry("RESTARTING", 6),
                Map.entry("SHUTTING_DOWN", 7), Map.entry("FINAL", 8));
        assertThat(table(InstanceState.class, InstanceState::code)).containsExactly(Map.entry("STOPPED", 0),
                Map.entry("CHECKING", 1), Map.entry("CHECKED", 2), Map.entry("RUNNING", 3), Map.entry("FAILED", 4),
                Map.entry("ISOLATED", 5));
        assertThat(table(ApplicationState.class, ApplicationState::code)).containsExactly(Map.entry("STOPPED", 0),
                Map.entry("STARTING", 1), Map.entry("RUNNING", 2), Map.entry("STOPPING", 3), Map.entry("DELETED", 4));
        assertThat(table(ProcessState.class, ProcessState::code)).containsExactly(Map.entry("DELETED", -1),
                Map.entry("STOPPED", 0), Map.entry("STARTING", 10), Map.entry("RUNNING", 20),
                Map.entry("BACKOFF", 30), Map.entry("STOPPING", 40), Map.entry("EXITED", 100),
                Map.entry("FATAL", 200), Map.entry("UNKNOWN", 1000));
        assertThat(table(StartingStrategy.class, StartingStrategy::code)).containsExactly(Map.entry("CONFIG", 0),
                Map.entry("LESS_LOADED", 1), Map.entry("MOST_LOADED", 2), Map.entry("LOCAL", 3),
                Map.entry("LESS_LOADED_NODE", 4), Map.entry("MOST_LOADED_NODE", 5));
        assertThat(table(ConciliationStrategy.class, ConciliationStrategy::code)).containsExactly(
                Map.entry("SENICIDE", 0), Map.entry("INFANTICIDE", 1), Map.entry("USER", 2), Map.entry("STOP", 3),
                Map.entry("RESTART", 4), Map.entry("RUNNING_FAILURE", 5));
        assertThat(table(StartingFailureStrategy.class, StartingFailureStrategy::code)).containsExactly(
                Map.entry("ABORT", 0), Map.entry("STOP", 1), Map.entry("CONTINUE", 2));
        assertThat(table(RunningFailureStrategy.class, RunningFailureStrategy::code)).containsExactly(
                Map.entry("CONTINUE", 0), Map.entry("RESTART_PROCESS", 1), Map.entry("STOP_APPLICATION", 2),
                Map.entry("RESTART_APPLICATION", 3), Map.entry("SHUTDOWN", 4), Map.entry("RESTART", 5));
        assertThat(table(SupvisorsFailureStrategy.class, SupvisorsFailureStrategy::code)).containsExactly(
                Map.entry("CONTINUE", 0), Map.entry("RESYNC", 1), Map.entry("SHUTDOWN", 2));
        assertThat(table(DistributionRule.class, DistributionRule::code)).containsExactly(
                Map.entry("ALL_INSTANCES", 0), Map.entry("SINGLE_INSTANCE", 1), Map.entry("SINGLE_NODE", 2));
        assertThat(table(SupervisorState.class, SupervisorState::code)).containsExactly(Map.entry("SHUTDOWN", -1),
                Map.entry("RESTARTING", 0), Map.entry("RUNNING", 1), Map.entry("FATAL", 2));
        assertThat(table(LogLevel.class, LogLevel::code)).containsExactly(Map.entry("CRITICAL", 50),
                Map.entry("ERROR", 40), Map.entry("WARN", 30), Map.entry("INFO", 20), Map.entry("DEBUG", 10),
                Map.entry("TRACE", 5), Map.entry("BLATHER", 3));
    }

    @Test
    void lookups_by_code_and_name_name_the_value_and_what_was_expected() {
        assertThat(StartingStrategy.fromCode(3)).isEqualTo(StartingStrategy.LOCAL);
        assertThat(StartingStrategy.fromName("LOCAL")).isEqualTo(StartingStrategy.LOCAL);
        assertThatThrownBy(() -> StartingStrategy.fromName("local")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("StartingStrategy: local (expected: one of [CONFIG, LESS_LOADED, MOST_LOADED, LOCAL,"
                        + " LESS_LOADED_NODE, MOST_LOADED_NODE])");
        assertThatThrownBy(() -> SupvisorsState.fromCode(9))
                .hasMessage("SupvisorsState: 9 (expected: one of [0, 1, 2, 3, 4, 5, 6, 7, 8])");
        assertThat(LogLevel.fromDescription("blather")).isEqualTo(LogLevel.BLATHER);
        assertThat(LogLevel.WARN.description()).isEqualTo("warn");
        assertThatThrownBy(() -> LogLevel.fromDescription("WARN")).hasMessageContaining("expected: one of [critical");
    }

    @Test
    void running_and_stopped_process_states_are_supervisor_s_groups() {
        assertThat(Arrays.stream(ProcessState.values()).filter(ProcessState::isRunning))
                .containsExactly(ProcessState.STARTING, ProcessState.RUNNING, ProcessState.BACKOFF);
        assertThat(Arrays.stream(ProcessState.values()).filter(ProcessState::isStopped))
                .containsExactly(ProcessState.STOPPED, ProcessState.EXITED, ProcessState.FATAL, ProcessState.UNKNOWN);
    }
}
