package org.supvisors.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.supvisors.core.api.Fault;
import org.supvisors.core.api.SupvisorsFault;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.config.SynchronizationOption;
import org.supvisors.core.effect.LoadLocalProcesses;
import org.supvisors.core.fsm.SupvisorsState;
import org.supvisors.core.instance.InstanceState;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.testing.CoreFixture;

class SupvisorsStartupTest {

    @Test
    void when_alone_in_its_list_then_operation_is_reached_as_soon_as_the_local_processes_are_loaded() {
        CoreFixture core = CoreFixture.alone();
        core.supvisors.start();

        assertThat(core.supvisors.fsm().state()).isEqualTo(SupvisorsState.OFF);
        assertThat(core.supvisors.context().instances().local().state()).isEqualTo(InstanceState.CHECKING);
        assertThat(core.drain(LoadLocalProcesses.class)).hasSize(1);

        core.supvisors.onLocalProcesses(List.of(core.process("web", "web", ProcessState.RUNNING)));

        // no time has passed: no tick boundary was waited for
        assertThat(core.supvisors.fsm().state()).isEqualTo(SupvisorsState.OPERATION);
        assertThat(core.supvisors.fsm().masterIdentifier()).isEqualTo("localhost:60000");
        assertThat(core.supvisors.context().instances().local().state()).isEqualTo(InstanceState.RUNNING);
        assertThat(core.supvisors.api().getAllProcessInfo()).hasSize(1);
    }

    @Test
    void when_another_declared_instance_never_shows_then_synchronization_lasts_until_synchro_timeout() {
        SupvisorsOptions.Builder options = SupvisorsOptions.builder()
                .synchroOptions(java.util.EnumSet.of(SynchronizationOption.STRICT, SynchronizationOption.TIMEOUT))
                .synchroTimeout(20);
        CoreFixture core = CoreFixture.of(options, "a:60000", "a:60000", "b:60000");
        core.supvisors.start();
        core.supvisors.onLocalProcesses(List.of());
        assertThat(core.supvisors.fsm().state()).isEqualTo(SupvisorsState.SYNCHRONIZATION);
        assertThatThrownBy(() -> core.supvisors.api().getAllProcessInfo())
                .isInstanceOfSatisfying(SupvisorsFault.class, fault -> {
                    assertThat(fault.fault()).isEqualTo(Fault.BAD_SUPVISORS_STATE);
                    assertThat(fault.faultString()).isEqualTo("BAD_SUPVISORS_STATE: invalid Supvisors"
                            + " state=SYNCHRONIZATION - state expected in ['DISTRIBUTION', 'OPERATION',"
                            + " 'CONCILIATION', 'RESTARTING', 'SHUTTING_DOWN']");
                });

        core.clock.advance(19.9);
        core.supvisors.onTimer();
        assertThat(core.supvisors.fsm().state()).isEqualTo(SupvisorsState.SYNCHRONIZATION);

        core.clock.advance(0.1);
        core.supvisors.onTimer();
        assertThat(core.supvisors.fsm().state()).isEqualTo(SupvisorsState.OPERATION);
        assertThat(core.supvisors.fsm().degradedMode()).isTrue();
        Map<String, Object> state = core.supvisors.api().getSupvisorsState();
        assertThat(state).containsEntry("fsm_statename", "OPERATION").containsEntry("degraded_mode", true)
                .containsEntry("master_identifier", "a:60000");
    }

    @Test
    void when_started_twice_then_it_refuses() {
        CoreFixture core = CoreFixture.alone();
        core.supvisors.start();
        assertThatThrownBy(core.supvisors::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already started");
    }

    @Test
    void when_the_local_processes_never_come_then_it_stays_off() {
        CoreFixture core = CoreFixture.alone();
        core.supvisors.start();
        core.clock.advance(60);
        core.supvisors.onTimer();
        assertThat(core.supvisors.fsm().state()).isEqualTo(SupvisorsState.OFF);
        assertThat(core.supvisors.api().getSupvisorsState()).containsEntry("fsm_statecode", 0);
    }
}
