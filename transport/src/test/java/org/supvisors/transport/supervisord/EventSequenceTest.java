package org.supvisors.transport.supervisord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventSequenceTest {

    private final EventSequence sequence = new EventSequence();

    @Test
    void the_first_event_sets_the_base_even_after_other_listeners_consumed_earlier_ones() {
        assertThat(sequence.admit(120, 57)).isEqualTo(EventSequence.Admission.NEW);
        assertThat(sequence.admit(121, 58)).isEqualTo(EventSequence.Admission.NEW);
    }

    @Test
    void events_resent_after_a_fail_elsewhere_are_dropped_on_serial() {
        // 4.2.5 re-queues at the head of every pool: serials 65, 67, 66, 67, 68 (pool serials keep their number)
        assertThat(sequence.admit(65, 10).duplicate()).isFalse();
        assertThat(sequence.admit(67, 12)).isEqualTo(new EventSequence.Admission(false, 11, 11));
        assertThat(sequence.admit(66, 11)).isEqualTo(EventSequence.Admission.NEW);
        assertThat(sequence.admit(67, 12)).isEqualTo(EventSequence.Admission.DUPLICATE);
        assertThat(sequence.admit(68, 13)).isEqualTo(EventSequence.Admission.NEW);
    }

    @Test
    void a_pool_serial_gap_reveals_the_events_dropped_by_a_buffer_overflow() {
        sequence.admit(1, 0);
        EventSequence.Admission admission = sequence.admit(9, 5);
        assertThat(admission.revealsLoss()).isTrue();
        assertThat(admission.firstLost()).isEqualTo(1);
        assertThat(admission.lastLost()).isEqualTo(4);
        assertThat(sequence.admit(10, 6).revealsLoss()).isFalse();
    }

    @Test
    void global_serial_gaps_are_normal_since_every_pool_shares_the_counter() {
        sequence.admit(1, 0);
        assertThat(sequence.admit(50, 1)).isEqualTo(EventSequence.Admission.NEW);
    }

    @Test
    void only_the_last_serials_are_remembered() {
        for (int serial = 0; serial <= EventSequence.REMEMBERED; serial++) {
            sequence.admit(serial, serial);
        }
        assertThat(sequence.admit(EventSequence.REMEMBERED, EventSequence.REMEMBERED).duplicate()).isTrue();
        assertThat(sequence.admit(0, 0).duplicate()).isFalse();
    }
}
