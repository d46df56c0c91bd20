package org.supvisors.core.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supvisors.core.application.ApplicationRules;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.context.RulesProvider;
import org.supvisors.core.effect.PokeSupervisord;
import org.supvisors.core.process.IdentifierSign;
import org.supvisors.core.process.ProcessRules;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.strategy.StartingStrategy;
import org.supvisors.core.testing.CoreFixture;

/**
 * supervisord is poked while its next event matters to the agent soon: a local process in transition, or a one-shot
 * program ({@code wait_exit}) that a start sequence waits for.
 */
class SupervisordPokeTest {

    private CoreFixture core;

    /** {@code prepare} has {@code wait_exit}; {@code server} has not. */
    private static RulesProvider rules() {
        return new RulesProvider() {
            @Override
            public ApplicationRules applicationRules(String applicationName) {
                return ApplicationRules.unmanaged(StartingStrategy.CONFIG);
            }

            @Override
            public ProcessRules processRules(ApplicationRules application, String applicationName,
                                             String processName, String programName) {
                return new ProcessRules(List.of("*"), IdentifierSign.NONE, 1, 0, false,
                        processName.equals("prepare"), 0, application.startingFailureStrategy(),
                        application.runningFailureStrategy());
            }
        };
    }

    @BeforeEach
    void loaded() {
        core = CoreFixture.withRules(SupvisorsOptions.builder(), rules(), "localhost:60000", "localhost:60000");
        core.supvisors.start();
        core.supvisors.onLocalProcesses(List.of(core.process("infra", "prepare", ProcessState.STOPPED),
                core.process("infra", "server", ProcessState.STOPPED)));
        core.effects.clear();
    }

    private void event(String name, ProcessState state, ProcessState from) {
        core.supvisors.onSupervisordEvent(new ProcessStateEvent("infra", name, state, from, 10, true, 0));
    }

    @Test
    void a_process_in_transition_is_poked_for_until_it_is_running() {
        event("server", ProcessState.STARTING, ProcessState.STOPPED);
        assertThat(core.drain(PokeSupervisord.class)).containsExactly(new PokeSupervisord(true));
        core.clock.advance(1);
        event("server", ProcessState.RUNNING, ProcessState.STARTING);
        assertThat(core.drain(PokeSupervisord.class)).containsExactly(new PokeSupervisord(false));
    }

    @Test
    void a_running_one_shot_program_is_poked_for_until_it_exits_or_for_30_s() {
        event("prepare", ProcessState.STARTING, ProcessState.STOPPED);
        event("prepare", ProcessState.RUNNING, ProcessState.STARTING);
        assertThat(core.drain(PokeSupervisord.class)).as("still poked once RUNNING")
                .containsExactly(new PokeSupervisord(true));
        core.clock.advance(0.3);
        event("prepare", ProcessState.EXITED, ProcessState.RUNNING);
        assertThat(core.drain(PokeSupervisord.class)).containsExactly(new PokeSupervisord(false));

        core.clock.advance(1);
        event("prepare", ProcessState.STARTING, ProcessState.EXITED);
        event("prepare", ProcessState.RUNNING, ProcessState.STARTING);
        core.clock.advance(29);
        core.supvisors.onTimer();
        assertThat(core.drain(PokeSupervisord.class)).containsExactly(new PokeSupervisord(true));
        core.clock.advance(2);
        core.supvisors.onTimer();
        assertThat(core.drain(PokeSupervisord.class)).as("a long run is not poked for").containsExactly(
                new PokeSupervisord(false));
    }
}
