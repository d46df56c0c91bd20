package org.supvisors.transport.supervisord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.supervisor.ProcessGroupEvent;
import org.supvisors.core.supervisor.ProcessStateEvent;
import org.supvisors.core.supervisor.SupervisorStateEvent;
import org.supvisors.core.testing.Await;
import org.supvisors.transport.config.HttpServerSettings;
import org.supvisors.transport.testing.TestingSupervisord;

/** The channel inside a real event listener ({@link EventProbe}) of a real supervisord. */
class EventListenerChannelIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @BeforeAll
    static void harden() {
        XmlRpcHardening.install();
    }

    @Test
    void process_and_group_events_arrive_in_order_and_the_end_of_supervisord_ends_the_listener() throws Exception {
        try (TestingSupervisord supervisord = TestingSupervisord.builder("events")
                .program("web", "/bin/sleep 1000", "startsecs = 1")
                .section(probe("%(test_dir)s/events.txt", 1024))
                .build().start()) {
            SupervisordClient client = client(supervisord);
            Path events = supervisord.directory().resolve("events.txt");
            Await.until(TIMEOUT, () -> assertThat(lines(events)).contains(
                    new ProcessStateEvent("probe", "probe", ProcessState.RUNNING, ProcessState.STARTING,
                            client.getProcessInfo("probe").pid(), true, 0).toString()));

            // len counts characters, not bytes: the events after a non-ASCII payload must still read
            client.call("supervisor.sendRemoteCommEvent", "note", "çà et là ✓\n");
            client.startProcess("web", true);
            int pid = client.getProcessInfo("web").pid();
            client.stopProcess("web", true);
            Await.until(TIMEOUT, () -> assertThat(lines(events)).containsSubsequence(
                    new ProcessStateEvent("web", "web", ProcessState.STARTING, ProcessState.STOPPED, 0, true, 0)
                            .toString(),
                    new ProcessStateEvent("web", "web", ProcessState.RUNNING, ProcessState.STARTING, pid, true, 0)
                            .toString(),
                    new ProcessStateEvent("web", "web", ProcessState.STOPPING, ProcessState.RUNNING, pid, true, 0)
                            .toString(),
                    new ProcessStateEvent("web", "web", ProcessState.STOPPED, ProcessState.STOPPING, pid, true, 0)
                            .toString()));

            Files.writeString(supervisord.configuration(), Files.readString(supervisord.configuration())
                    + "\n[program:late]\ncommand = /bin/sleep 1000\nautostart = false\n");
            client.reloadConfig();
            client.addProcessGroup("late");
            client.removeProcessGroup("late");
            Await.until(TIMEOUT, () -> assertThat(lines(events)).containsSubsequence(
                    new ProcessGroupEvent("late", true).toString(), new ProcessGroupEvent("late", false).toString()));
            Await.until(TIMEOUT, () -> assertThat(lines(events)).anyMatch(line -> line.startsWith("Tick5Event[")));
            assertThat(lines(events)).contains(new SupervisorStateEvent(true).toString())
                    .noneMatch(line -> line.startsWith("LOST"));

            long probePid = client.getProcessInfo("probe").pid();
            supervisord.kill9();
            Await.until(TIMEOUT, () -> assertThat(lines(events)).last().isEqualTo("END"));
            Await.until(TIMEOUT, () -> assertThat(ProcessHandle.of(probePid).map(ProcessHandle::isAlive))
                    .isNotEqualTo(Optional.of(true)));
            assertThat(supervisord.read("supervisord.log")).doesNotContain("UNKNOWN").doesNotContain("overflowed");
        }
    }

    @Test
    void events_dropped_by_a_buffer_overflow_are_reported_as_lost() throws Exception {
        // startsecs > 0: a SIGTERM sent right after the fork is lost before exec, and the stop waits stopwaitsecs
        try (TestingSupervisord supervisord = TestingSupervisord.builder("overflow")
                .program("web", "/bin/sleep 1000", "startsecs = 1")
                .section(probe("%(test_dir)s/events.txt %(test_dir)s/release", 2))
                .build().start()) {
            SupervisordClient client = client(supervisord);
            Path events = supervisord.directory().resolve("events.txt");
            Await.until(TIMEOUT, () -> assertThat(lines(events)).isNotEmpty());
            for (int round = 0; round < 3; round++) {
                client.startProcess("web", true);
                client.stopProcess("web", true);
            }
            Await.until(TIMEOUT, () -> assertThat(supervisord.read("supervisord.log"))
                    .contains("pool probe event buffer overflowed"));
            Files.createFile(supervisord.directory().resolve("release"));
            Await.until(TIMEOUT, () -> assertThat(lines(events)).anyMatch(line -> line.startsWith("LOST ")));
            Await.until(TIMEOUT, () -> assertThat(lines(events)).last().asString()
                    .startsWith("ProcessStateEvent[group=web, name=web, state=STOPPED"));
        }
    }

    private static String probe(String arguments, int bufferSize) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path").replace("%", "%%");
        return "[eventlistener:probe]\n"
                + "command = " + java + " -cp " + classpath + " " + EventProbe.class.getName() + " " + arguments + "\n"
                + "events = PROCESS_STATE,TICK_5,PROCESS_GROUP,SUPERVISOR_STATE_CHANGE,REMOTE_COMMUNICATION\n"
                + "buffer_size = " + bufferSize + "\n";
    }

    private static SupervisordClient client(TestingSupervisord supervisord) {
        return new SupervisordClient(new HttpServerSettings("127.0.0.1", supervisord.httpPort(), Optional.empty(),
                Optional.empty()));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
