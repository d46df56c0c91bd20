package org.supvisors.transport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.supvisors.core.api.SupvisorsFault;
import org.supvisors.core.config.LogLevel;
import org.supvisors.core.strategy.ConciliationStrategy;
import org.supvisors.core.strategy.StartingStrategy;

class ParamsTest {

    @Test
    void a_strategy_is_given_by_its_exact_name_or_its_code() {
        assertThat(Params.enumeration("LESS_LOADED", StartingStrategy.class, "StartingStrategies"))
                .isEqualTo(StartingStrategy.LESS_LOADED);
        assertThat(Params.enumeration(5, StartingStrategy.class, "StartingStrategies"))
                .isEqualTo(StartingStrategy.MOST_LOADED_NODE);
    }

    @Test
    void a_bad_strategy_gets_the_texts_of_0_19() {
        assertThatThrownBy(() -> Params.enumeration("less_loaded", StartingStrategy.class, "StartingStrategies"))
                .isInstanceOfSatisfying(SupvisorsFault.class, f -> assertThat(f.faultString()).isEqualTo(
                        "INCORRECT_PARAMETERS: invalid <enum 'StartingStrategies'> value=less_loaded - string expected"
                                + " in ['CONFIG', 'LESS_LOADED', 'MOST_LOADED', 'LOCAL', 'LESS_LOADED_NODE',"
                                + " 'MOST_LOADED_NODE']"));
        assertThatThrownBy(() -> Params.enumeration(9, ConciliationStrategy.class, "ConciliationStrategies"))
                .isInstanceOfSatisfying(SupvisorsFault.class, f -> assertThat(f.faultString()).isEqualTo(
                        "INCORRECT_PARAMETERS: invalid <enum 'ConciliationStrategies'> value=9 - integer expected in"
                                + " [0, 1, 2, 3, 4, 5]"));
        assertThatThrownBy(() -> Params.enumeration(1.5, StartingStrategy.class, "StartingStrategies"))
                .isInstanceOfSatisfying(SupvisorsFault.class, f -> assertThat(f.faultString()).isEqualTo(
                        "INCORRECT_PARAMETERS: invalid <enum 'StartingStrategies'> value=1.5 type=<class 'float'>"
                                + " - type string or integer expected"));
        assertThatThrownBy(() -> Params.enumeration(true, StartingStrategy.class, "StartingStrategies"))
                .isInstanceOfSatisfying(SupvisorsFault.class, f -> assertThat(f.faultString())
                        .contains("type=<class 'bool'>"));
    }

    @Test
    void a_log_level_is_a_name_in_any_case_or_a_number() {
        assertThat(Params.logLevel("DEBUG")).isEqualTo(LogLevel.DEBUG);
        assertThat(Params.logLevel(5)).isEqualTo(LogLevel.TRACE);
        assertThatThrownBy(() -> Params.logLevel(7))
                .isInstanceOfSatisfying(SupvisorsFault.class, f -> assertThat(f.faultString()).isEqualTo(
                        "INCORRECT_PARAMETERS: invalid logger value=7 - integer expected in [50, 40, 30, 20, 10, 5, 3]"));
        assertThatThrownBy(() -> Params.logLevel(List.of()))
                .isInstanceOfSatisfying(SupvisorsFault.class, f -> assertThat(f.faultString()).isEqualTo(
                        "INCORRECT_PARAMETERS: invalid logger value=[] type=<class 'list'> - type string or integer"
                                + " expected"));
    }

    @Test
    void a_string_parameter_refuses_other_types_and_booleans_accept_ints() {
        assertThat(Params.string(List.of("a"), 0, "namespec")).isEqualTo("a");
        assertThatThrownBy(() -> Params.string(List.of(3), 0, "namespec"))
                .isInstanceOfSatisfying(SupvisorsFault.class, f -> assertThat(f.faultString()).isEqualTo(
                        "INCORRECT_PARAMETERS: invalid namespec=3 type=<class 'int'> - type string expected"));
        assertThat(Params.bool(List.of(1), 0, "wait", false)).isTrue();
        assertThat(Params.bool(List.of(), 0, "wait", true)).isTrue();
    }
}
