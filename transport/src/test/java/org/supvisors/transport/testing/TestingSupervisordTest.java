package org.supvisors.transport.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestingSupervisordTest {

    @Test
    void starts_a_real_supervisord_that_answers_xmlrpc_and_stops_it() throws Exception {
        try (TestingSupervisord supervisord = TestingSupervisord.builder("fixture")
                .program("sleeper", "/bin/sleep 1000", "autostart = true")
                .build().start()) {
            assertThat(supervisord.call("supervisor.getState")).contains("RUNNING");
            org.supvisors.core.testing.Await.until(java.time.Duration.ofSeconds(10), () ->
                    assertThat(supervisord.call("supervisor.getAllProcessInfo")).contains("sleeper"));
            long pid = supervisord.pid();
            supervisord.stop();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }
}
