package org.supvisors.transport.supervisord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supvisors.core.api.Fault;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.testing.Await;
import org.supvisors.transport.config.HttpServerSettings;
import org.supvisors.transport.testing.FreePorts;
import org.supvisors.transport.testing.TestingSupervisord;

/** The typed client against a real supervisord with credentials. */
class SupervisordClientIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final System.Logger LOGGER = System.getLogger(SupervisordClientIT.class.getName());

    private static TestingSupervisord supervisord;
    private static SupervisordClient client;

    @BeforeAll
    static void start() {
        XmlRpcHardening.install();
        supervisord = TestingSupervisord.builder("client")
                .identifier("client-it")
                .credentials("user", "s3cret")
                .program("sleeper", "/bin/sleep 1000", "startsecs = 0")
                .program("slow", "/bin/sleep 1000", "startsecs = 3")
                .program("steady", "/bin/sleep 1000", "startsecs = 1")
                .build().start();
        client = new SupervisordClient(settings(supervisord.httpPort(), "s3cret"));
    }

    @AfterAll
    static void stop() {
        if (supervisord != null) {
            supervisord.close();
        }
    }

    @Test
    void state_and_identification() throws Exception {
        assertThat(client.getState()).isEqualTo(SupervisordState.RUNNING);
        assertThat(client.getIdentification()).isEqualTo("client-it");
        assertThat(client.url()).isEqualTo("http://127.0.0.1:" + supervisord.httpPort() + "/RPC2");
    }

    @Test
    void a_process_is_started_and_stopped_and_signalled() throws Exception {
        assertThat(client.startProcess("sleeper", true)).isTrue();
        ProcessInfo running = client.getProcessInfo("sleeper:sleeper");
        assertThat(running.state()).isEqualTo(ProcessState.RUNNING);
        assertThat(running.pid()).isPositive();
        assertThat(running.description()).startsWith("pid " + running.pid() + ", uptime ");
        assertThat(running.start()).isPositive();
        assertThat(running.now()).isGreaterThanOrEqualTo(running.start());
        assertThat(client.getAllProcessInfo()).extracting(ProcessInfo::namespec).containsExactly("sleeper", "slow", "steady");

        assertThatThrownBy(() -> client.startProcess("sleeper", false))
                .isInstanceOfSatisfying(SupervisordFaultException.class, fault -> {
                    assertThat(fault.fault()).contains(Fault.ALREADY_STARTED);
                    assertThat(fault.code()).isEqualTo(60);
                    assertThat(fault.detail()).isEqualTo("sleeper");
                });
        assertThatThrownBy(() -> client.signalProcess("sleeper", "NOPE"))
                .isInstanceOfSatisfying(SupervisordFaultException.class,
                        fault -> assertThat(fault.fault()).contains(Fault.BAD_SIGNAL));
        assertThat(client.signalProcess("sleeper", "CONT")).isTrue();

        assertThat(client.stopProcess("sleeper", true)).isTrue();
        ProcessInfo stopped = client.getProcessInfo("sleeper");
        assertThat(stopped.state()).isEqualTo(ProcessState.STOPPED);
        assertThat(stopped.pid()).isZero();
        assertThatThrownBy(() -> client.stopProcess("sleeper", true))
                .isInstanceOfSatisfying(SupervisordFaultException.class,
                        fault -> assertThat(fault.fault()).contains(Fault.NOT_RUNNING));
    }

    /** The library half-closes the socket after the request; supervisord then dropped answers it gives later. */
    @Test
    void a_start_that_waits_out_startsecs_gets_its_answer() throws Exception {
        long start = System.nanoTime();
        assertThat(client.startProcess("steady", true)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(client.getProcessInfo("steady").state()).isEqualTo(ProcessState.RUNNING);
        assertThat(client.stopProcess("steady", true)).isTrue();
    }

    @Test
    void an_unknown_process_is_a_bad_name_fault_naming_method_argument_and_url() {
        assertThatThrownBy(() -> client.getProcessInfo("nope"))
                .isInstanceOfSatisfying(SupervisordFaultException.class, fault -> {
                    assertThat(fault.fault()).contains(Fault.BAD_NAME);
                    assertThat(fault.faultString()).isEqualTo("BAD_NAME: nope");
                    assertThat(fault.method()).isEqualTo("supervisor.getProcessInfo");
                    assertThat(fault.url()).isEqualTo(client.url());
                    assertThat(fault).hasMessage("supervisor.getProcessInfo('nope'): BAD_NAME (10): nope at "
                            + client.url());
                });
    }

    @Test
    void groups_are_added_and_removed_after_a_reload() throws Exception {
        Files.writeString(supervisord.configuration(), Files.readString(supervisord.configuration())
                + "\n[program:late]\ncommand = /bin/sleep 1000\nautostart = false\n");
        assertThat(client.reloadConfig()).isEqualTo(new ConfigChanges(List.of("late"), List.of(), List.of()));
        assertThat(client.getAllConfigInfo()).filteredOn(ProcessConfigInfo::name, "late")
                .singleElement().satisfies(config -> {
                    assertThat(config.inUse()).isFalse();
                    assertThat(config.stdoutLogfile()).isEqualTo("auto");
                });
        assertThat(client.addProcessGroup("late")).isTrue();
        assertThatThrownBy(() -> client.addProcessGroup("late"))
                .isInstanceOfSatisfying(SupervisordFaultException.class,
                        fault -> assertThat(fault.fault()).contains(Fault.ALREADY_ADDED));
        assertThat(client.getProcessInfo("late").state()).isEqualTo(ProcessState.STOPPED);
        assertThat(client.startProcess("late", false)).isTrue();
        assertThatThrownBy(() -> client.removeProcessGroup("late"))
                .isInstanceOfSatisfying(SupervisordFaultException.class,
                        fault -> assertThat(fault.fault()).contains(Fault.STILL_RUNNING));
        client.stopProcess("late", true);
        assertThat(client.removeProcessGroup("late")).isTrue();
        assertThatThrownBy(() -> client.getProcessInfo("late"))
                .isInstanceOfSatisfying(SupervisordFaultException.class,
                        fault -> assertThat(fault.fault()).contains(Fault.BAD_NAME));
    }

    @Test
    void non_ascii_text_goes_through_but_characters_beyond_u_ffff_are_refused_before_sending() throws Exception {
        assertThat(client.call("supervisor.sendRemoteCommEvent", "note", "çà et là ✓")).isEqualTo(true);
        assertThatThrownBy(() -> client.call("supervisor.sendRemoteCommEvent", "note", "smile 😀"))
                .isInstanceOf(SupervisordTransportException.class)
                .hasMessageContaining("parameter 2: holds U+1F600");
    }

    @Test
    void wrong_credentials_are_a_transport_error_naming_the_url() {
        SupervisordClient intruder = new SupervisordClient(settings(supervisord.httpPort(), "wrong"));
        assertThatThrownBy(intruder::getState)
                .isInstanceOf(SupervisordTransportException.class)
                .hasMessageStartingWith("supervisor.getState at " + intruder.url() + ": ")
                .hasMessageContaining("Unauthorized");
    }

    @Test
    void a_refused_connection_fails_at_once_naming_the_url() {
        SupervisordClient nobody = new SupervisordClient(settings(FreePorts.one(), "x"));
        long start = System.nanoTime();
        assertThatThrownBy(nobody::getState)
                .isInstanceOf(SupervisordTransportException.class)
                .hasMessageContaining(nobody.url())
                .hasMessageContaining("Connection refused");
        // the library alone would retry three times, 100 ms apart
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(250));
    }

    @Test
    void a_call_longer_than_the_reply_timeout_fails() {
        SupervisordClient impatient = new SupervisordClient(settings(supervisord.httpPort(), "s3cret"),
                Duration.ofSeconds(1), Duration.ofMillis(300));
        assertThatThrownBy(() -> impatient.startProcess("slow", true))
                .isInstanceOf(SupervisordTransportException.class)
                .hasMessageContaining(impatient.url())
                .hasMessageContaining("no answer in time");
        Await.until(TIMEOUT, () -> assertThat(client.getProcessInfo("slow").state()).isEqualTo(ProcessState.RUNNING));
        Await.until(TIMEOUT, () -> assertThat(client.stopProcess("slow", true)).isTrue());
    }

    @Test
    void calls_take_about_a_millisecond_not_the_44_ms_of_keep_alive() throws Exception {
        for (int i = 0; i < 20; i++) {
            client.getState();
        }
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            client.getState();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double medianMillis = nanos[nanos.length / 2] / 1e6;
        double p90Millis = nanos[nanos.length * 9 / 10] / 1e6;
        LOGGER.log(System.Logger.Level.INFO, "supervisor.getState latency: median {0} ms, p90 {1} ms",
                String.format("%.2f", medianMillis), String.format("%.2f", p90Millis));
        assertThat(medianMillis).isLessThan(20.0);
    }

    @Test
    void concurrent_calls_from_several_threads_all_succeed() throws Exception {
        List<Thread> threads = Arrays.stream(new int[8]).mapToObj(i -> new Thread(() -> {
            for (int call = 0; call < 25; call++) {
                try {
                    assertThat(client.getIdentification()).isEqualTo("client-it");
                } catch (SupervisordException e) {
                    throw new AssertionError(e);
                }
            }
        })).collect(Collectors.toList());
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        threads.forEach(thread -> {
            thread.setUncaughtExceptionHandler((t, failure) -> failures.add(failure));
            thread.start();
        });
        for (Thread thread : threads) {
            thread.join(TIMEOUT.toMillis());
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void restart_and_shutdown_act_on_supervisord() throws Exception {
        try (TestingSupervisord doomed = TestingSupervisord.builder("doomed")
                .program("sleeper", "/bin/sleep 1000", "autostart = true", "startsecs = 0").build().start()) {
            SupervisordClient doomedClient = new SupervisordClient(settings(doomed.httpPort(), null));
            int firstPid = Await.value(TIMEOUT, () -> {
                ProcessInfo info = doomedClient.getProcessInfo("sleeper");
                return info.state() == ProcessState.RUNNING ? info.pid() : null;
            });
            assertThat(doomedClient.restart()).isTrue();
            Await.until(TIMEOUT, () -> {
                ProcessInfo info = doomedClient.getProcessInfo("sleeper");
                assertThat(info.state()).isEqualTo(ProcessState.RUNNING);
                assertThat(info.pid()).isNotEqualTo(firstPid);
            });
            assertThat(doomedClient.shutdown()).isTrue();
            Await.until(TIMEOUT, () -> assertThat(doomed.isAlive()).isFalse());
        }
    }

    private static HttpServerSettings settings(int port, String password) {
        return new HttpServerSettings("", port, Optional.ofNullable(password).map(p -> "user"),
                Optional.ofNullable(password));
    }
}
