package org.supvisors.client.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SupvisorsEventTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return (Map<String, Object>) JsonReader.read(text);
    }

    @Test
    void a_process_state_change_reads_every_key() {
        ProcessEvent event = (ProcessEvent) SupvisorsEvent.of(Topic.EVENT, json("{\"identifier\": \"10.0.0.1:60000\","
                + " \"nick_identifier\": \"supv01\", \"group\": \"web\", \"name\": \"server_01\", \"state\": 20,"
                + " \"now\": 1700000000.0, \"now_monotonic\": 1234.5, \"pid\": 4321, \"expected\": true,"
                + " \"spawnerr\": \"\", \"extra_args\": \"-v\", \"disabled\": false, \"event_mtime\": 1234.6}"));
        assertThat(event.kind()).isEqualTo(ProcessEvent.Kind.STATE_CHANGE);
        assertThat(event.namespec()).isEqualTo("web:server_01");
        assertThat(event.stateName()).isEqualTo("RUNNING");
        assertThat(event.nickIdentifier()).isEqualTo("supv01");
        assertThat(event.pid()).isEqualTo(4321);
        assertThat(event.now()).isEqualTo(1700000000.0);
        assertThat(event.eventMtime()).isEqualTo(1234.6);
        assertThat(event.extraArgs()).isEqualTo("-v");
    }

    @Test
    void the_four_shapes_of_a_process_event_are_told_apart_and_missing_keys_read_as_defaults() {
        ProcessEvent removed = ProcessEvent.of(json("{\"name\": \"w\", \"group\": \"g\", \"state\": -1}"));
        assertThat(removed.kind()).isEqualTo(ProcessEvent.Kind.REMOVED);
        assertThat(removed.stateName()).isEqualTo("DELETED");
        assertThat(removed.identifier()).isEmpty();
        assertThat(removed.pid()).isZero();
        assertThat(removed.has("identifier")).isFalse();
        ProcessEvent forced = ProcessEvent.of(json("{\"identifier\": \"\", \"group\": \"g\", \"name\": \"g\","
                + " \"state\": 200, \"spawnerr\": \"no resource\", \"event_mtime\": 5.0}"));
        assertThat(forced.kind()).isEqualTo(ProcessEvent.Kind.FORCED_STATE);
        assertThat(forced.namespec()).isEqualTo("g");
        ProcessEvent enablement = ProcessEvent.of(json("{\"group\": \"g\", \"name\": \"p\", \"state\": 0,"
                + " \"disabled\": true, \"command\": \"/bin/sleep\"}"));
        assertThat(enablement.kind()).isEqualTo(ProcessEvent.Kind.ENABLEMENT);
        assertThat(enablement.disabled()).isTrue();
    }

    @Test
    void statuses_tolerate_unknown_keys_and_values_of_another_type() {
        SupvisorsStatus status = SupvisorsStatus.of(json("{\"fsm_statecode\": 3, \"fsm_statename\": \"OPERATION\","
                + " \"starting_jobs\": [\"a\", 1], \"instance_states\": {\"a\": \"RUNNING\"}, \"new_key\": [1],"
                + " \"degraded_mode\": \"yes\"}"));
        assertThat(status.fsmStatename()).isEqualTo("OPERATION");
        assertThat(status.startingJobs()).containsExactly("a");
        assertThat(status.instanceStates()).containsEntry("a", "RUNNING");
        assertThat(status.degradedMode()).isFalse();
        assertThat(status.body()).containsKey("new_key");
        HostStatistics stats = HostStatistics.of(json("{\"identifier\": \"a\", \"target_period\": 10,"
                + " \"period\": [0.0, 10.0], \"cpu\": [12.5, 10, 15], \"mem\": 42.1,"
                + " \"net_io\": {\"eth0\": [1.5, 2.5]}, \"disk_usage\": {\"/\": 55.0}}"));
        assertThat(stats.targetPeriod()).isEqualTo(10.0);
        assertThat(stats.cpu()).containsExactly(12.5, 10.0, 15.0);
        assertThat(stats.netIo()).containsEntry("eth0", List.of(1.5, 2.5));
        assertThat(stats.diskIo()).isEmpty();
        assertThat(stats.diskUsage()).containsEntry("/", 55.0);
        ProcessStatus deleted = ProcessStatus.of(json("{\"application_name\": \"g\", \"process_name\": \"p\","
                + " \"statecode\": -1, \"statename\": \"DELETED\", \"identifiers\": []}"));
        assertThat(deleted.isDeleted()).isTrue();
        assertThat(deleted.namespec()).isEqualTo("g:p");
    }

    @Test
    void every_topic_has_its_type_and_the_default_listener_dispatches_every_type() {
        StringBuilder calls = new StringBuilder();
        SupvisorsEventListener listener = new SupvisorsEventListener() {
            @Override
            public void onSupvisorsStatus(SupvisorsStatus status) {
                calls.append("supvisors ");
            }

            @Override
            public void onInstanceStatus(InstanceStatus status) {
                calls.append("instance ");
            }

            @Override
            public void onApplicationStatus(ApplicationStatus status) {
                calls.append("application ");
            }

            @Override
            public void onProcessEvent(ProcessEvent event) {
                calls.append("event ");
            }

            @Override
            public void onProcessStatus(ProcessStatus status) {
                calls.append("process ");
            }

            @Override
            public void onHostStatistics(HostStatistics statistics) {
                calls.append("hstats ");
            }

            @Override
            public void onProcessStatistics(ProcessStatistics statistics) {
                calls.append("pstats ");
            }
        };
        for (Topic topic : Topic.values()) {
            SupvisorsEvent event = SupvisorsEvent.of(topic, Map.of());
            assertThat(event.topic()).isEqualTo(topic);
            listener.onEvent(event);
        }
        assertThat(calls.toString().trim()).isEqualTo("supvisors instance application event process hstats pstats");
        assertThat(SupvisorsEvent.class.getPermittedSubclasses()).hasSize(Topic.values().length);
    }
}
