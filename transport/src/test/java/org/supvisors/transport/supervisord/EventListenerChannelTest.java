package org.supvisors.transport.supervisord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supvisors.transport.supervisord.Envelopes.envelope;
import static org.supvisors.transport.supervisord.Envelopes.utf8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.supvisors.core.process.ProcessState;
import org.supvisors.core.supervisor.ProcessGroupEvent;
import org.supvisors.core.supervisor.ProcessStateEvent;
import org.supvisors.core.supervisor.SupervisorStateEvent;
import org.supvisors.core.supervisor.SupervisordEvent;
import org.supvisors.core.supervisor.Tick5Event;
import org.supvisors.core.testing.Await;

class EventListenerChannelTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String ACK = "RESULT 2\nOKREADY\n";

    /** One of each event type, a non-ASCII payload in between, as supervisord sends them. */
    private static final String SESSION = envelope(1, 0, "SUPERVISOR_STATE_CHANGE_RUNNING", "")
            + envelope(2, 1, "PROCESS_STATE_STARTING", "processname:web groupname:app from_state:STOPPED tries:0")
            + envelope(4, 2, "REMOTE_COMMUNICATION", "type:note\nçà et là ✓ 😀\n")
            + envelope(5, 3, "PROCESS_STATE_RUNNING", "processname:web groupname:app from_state:STARTING pid:42")
            + envelope(6, 4, "TICK_5", "when:1700000005")
            + envelope(7, 5, "PROCESS_GROUP_ADDED", "groupname:db\n")
            + envelope(9, 6, "PROCESS_STATE_EXITED", "processname:web groupname:app from_state:RUNNING expected:0 pid:42")
            + envelope(10, 7, "PROCESS_GROUP_REMOVED", "groupname:db\n")
            + envelope(11, 8, "SUPERVISOR_STATE_CHANGE_STOPPING", "");

    private static final List<Object> SESSION_HEARD = List.of(
            new SupervisorStateEvent(true),
            new ProcessStateEvent("app", "web", ProcessState.STARTING, ProcessState.STOPPED, 0, true, 0),
            new ProcessStateEvent("app", "web", ProcessState.RUNNING, ProcessState.STARTING, 42, true, 0),
            new Tick5Event(1_700_000_005L),
            new ProcessGroupEvent("db", true),
            new ProcessStateEvent("app", "web", ProcessState.EXITED, ProcessState.RUNNING, 42, false, 0),
            new ProcessGroupEvent("db", false),
            new SupervisorStateEvent(false),
            "END");

    @Test
    void each_event_is_acknowledged_and_decoded_and_stdout_only_carries_ready_and_result() {
        Run run = run(new ByteArrayInputStream(utf8(SESSION)));
        assertThat(run.sink.heard()).isEqualTo(SESSION_HEARD);
        assertThat(run.output()).isEqualTo("READY\n" + ACK.repeat(9));
    }

    @Test
    void events_split_at_every_byte_boundary_decode_the_same() {
        byte[] bytes = utf8(SESSION);
        for (int split = 1; split < bytes.length; split++) {
            Run run = run(new Envelopes.ChunkedInputStream(bytes, Integer.MAX_VALUE, split));
            assertThat(run.sink.heard()).as("split at %d", split).isEqualTo(SESSION_HEARD);
        }
        for (int chunk : new int[] {1, 2, 3, 7, 13}) {
            Run run = run(new Envelopes.ChunkedInputStream(bytes, chunk, 0));
            assertThat(run.sink.heard()).as("chunks of %d", chunk).isEqualTo(SESSION_HEARD);
        }
    }

    @Test
    void the_channel_waits_for_each_acknowledgement_like_supervisord_does() throws Exception {
        PipedOutputStream toChannel = new PipedOutputStream();
        PipedInputStream channelInput = new PipedInputStream(toChannel);
        PipedInputStream fromChannel = new PipedInputStream();
        PipedOutputStream channelOutput = new PipedOutputStream(fromChannel);
        RecordingSink sink = new RecordingSink();
        try (EventListenerChannel channel = new EventListenerChannel(channelInput, channelOutput, sink)) {
            channel.start();
            assertThat(readExactly(fromChannel, 6)).isEqualTo("READY\n");
            String first = envelope(3, 0, "PROCESS_STATE_STOPPING",
                    "processname:web groupname:app from_state:RUNNING pid:42");
            toChannel.write(utf8(first.substring(0, 17)));
            toChannel.flush();
            toChannel.write(utf8(first.substring(17)));
            toChannel.flush();
            assertThat(readExactly(fromChannel, ACK.length())).isEqualTo(ACK);
            Await.until(TIMEOUT, () -> assertThat(sink.heard()).containsExactly(
                    new ProcessStateEvent("app", "web", ProcessState.STOPPING, ProcessState.RUNNING, 42, true, 0)));
            toChannel.write(utf8(envelope(4, 1, "PROCESS_STATE_STOPPED",
                    "processname:web groupname:app from_state:STOPPING pid:42")));
            toChannel.close();
            assertThat(readExactly(fromChannel, ACK.length())).isEqualTo(ACK);
            Await.until(TIMEOUT, () -> assertThat(sink.heard()).hasSize(3).endsWith("END"));
            Await.until(TIMEOUT, () -> assertThat(channel.isRunning()).isFalse());
        }
    }

    @Test
    void a_garbage_line_is_logged_with_its_text_acknowledged_and_the_next_event_decoded() {
        try (LogCapture log = new LogCapture()) {
            // supervisord sends nothing before the acknowledgement: nothing is available after the line
            String garbage = "hello\tworld, not a header\n";
            Run run = run(new Envelopes.ChunkedInputStream(utf8(garbage + envelope(8, 3, "TICK_5", "when:5")),
                    Integer.MAX_VALUE, garbage.length()));
            assertThat(run.sink.heard()).containsExactly(new Tick5Event(5), "END");
            assertThat(run.output()).isEqualTo("READY\n" + ACK + ACK);
            assertThat(log.warnings()).anySatisfy(message -> assertThat(message)
                    .contains("'hello\\tworld, not a header'").contains("acknowledged"));
        }
    }

    @Test
    void an_unreadable_header_with_a_length_has_its_payload_skipped() {
        Run run = run(new ByteArrayInputStream(utf8(
                "ver:3.0 server:s serial:oops pool:p poolserial:1 eventname:TICK_5 len:7\nwhen:10"
                        + envelope(9, 2, "TICK_5", "when:15"))));
        assertThat(run.sink.heard()).containsExactly(new Tick5Event(15), "END");
        assertThat(run.output()).isEqualTo("READY\n" + ACK + ACK);
    }

    @Test
    void the_payload_received_with_a_header_without_length_is_dropped() throws Exception {
        PipedOutputStream toChannel = new PipedOutputStream();
        PipedInputStream channelInput = new PipedInputStream(toChannel, 64 * 1024);
        PipedInputStream fromChannel = new PipedInputStream();
        RecordingSink sink = new RecordingSink();
        try (EventListenerChannel channel = new EventListenerChannel(channelInput, new PipedOutputStream(fromChannel),
                sink)) {
            channel.start();
            assertThat(readExactly(fromChannel, 6)).isEqualTo("READY\n");
            toChannel.write(utf8("ver:4.0 server:s serial:1 pool:p poolserial:0 eventname:TICK_5 length:7\nwhen:10"));
            toChannel.flush();
            assertThat(readExactly(fromChannel, ACK.length())).isEqualTo(ACK);
            toChannel.write(utf8(envelope(2, 1, "TICK_5", "when:15")));
            toChannel.close();
            assertThat(readExactly(fromChannel, ACK.length())).isEqualTo(ACK);
            assertThat(sink.awaitEnd(TIMEOUT)).isTrue();
            assertThat(sink.heard()).containsExactly(new Tick5Event(15), "END");
        }
    }

    @Test
    void leftover_payload_before_a_header_is_skipped() {
        Run run = run(new ByteArrayInputStream(utf8("payload without header"
                + envelope(9, 2, "TICK_5", "when:15"))));
        assertThat(run.sink.heard()).containsExactly(new Tick5Event(15), "END");
        assertThat(run.output()).isEqualTo("READY\n" + ACK);
    }

    @Test
    void a_malformed_payload_costs_one_event_and_is_logged_cut() {
        try (LogCapture log = new LogCapture()) {
            String longName = "n".repeat(500);
            Run run = run(new ByteArrayInputStream(utf8(
                    envelope(1, 0, "PROCESS_STATE_RUNNING", "processname:" + longName + " groupname:g from_state:NOPE pid:1")
                            + envelope(2, 1, "TICK_5", "when:20"))));
            assertThat(run.sink.heard()).containsExactly(new Tick5Event(20), "END");
            assertThat(run.output()).isEqualTo("READY\n" + ACK + ACK);
            assertThat(log.warnings()).anySatisfy(message -> assertThat(message)
                    .contains("from_state: 'NOPE'").contains("... (").doesNotContain(longName));
        }
    }

    @Test
    void duplicates_are_acknowledged_but_handed_on_once() {
        Run run = run(new ByteArrayInputStream(utf8(
                envelope(65, 10, "TICK_5", "when:65") + envelope(67, 12, "TICK_5", "when:67")
                        + envelope(66, 11, "TICK_5", "when:66") + envelope(67, 12, "TICK_5", "when:67")
                        + envelope(68, 13, "TICK_5", "when:68"))));
        assertThat(run.sink.heard()).containsExactly(new Tick5Event(65), "LOST 11..11", new Tick5Event(67),
                new Tick5Event(66), new Tick5Event(68), "END");
        assertThat(run.output()).isEqualTo("READY\n" + ACK.repeat(5));
    }

    @Test
    void a_pool_serial_gap_is_reported_before_the_event_that_reveals_it() {
        Run run = run(new ByteArrayInputStream(utf8(
                envelope(3, 0, "TICK_5", "when:5") + envelope(30, 11, "TICK_5", "when:60"))));
        assertThat(run.sink.heard()).containsExactly(new Tick5Event(5), "LOST 1..10", new Tick5Event(60), "END");
    }

    @Test
    void the_end_of_input_inside_a_payload_ends_the_channel() {
        String cut = envelope(1, 0, "TICK_5", "when:5");
        Run run = run(new ByteArrayInputStream(utf8(cut.substring(0, cut.length() - 2))));
        assertThat(run.sink.heard()).containsExactly("END");
        assertThat(run.output()).isEqualTo("READY\n");
    }

    @Test
    void a_failing_sink_does_not_stop_the_channel() {
        List<SupervisordEvent> seen = new ArrayList<>();
        SupervisordEventSink failing = new SupervisordEventSink() {
            @Override
            public void onEvent(SupervisordEvent event) {
                seen.add(event);
                throw new IllegalStateException("sink bug");
            }

            @Override
            public void onEventsLost(long firstLost, long lastLost) {
            }

            @Override
            public void onEndOfInput() {
            }
        };
        EventListenerChannel channel = new EventListenerChannel(new ByteArrayInputStream(utf8(
                envelope(1, 0, "TICK_5", "when:5") + envelope(2, 1, "TICK_5", "when:10"))),
                new ByteArrayOutputStream(), failing);
        channel.start();
        Await.until(TIMEOUT, () -> assertThat(channel.isRunning()).isFalse());
        assertThat(seen).containsExactly(new Tick5Event(5), new Tick5Event(10));
    }

    @Test
    void a_closed_standard_output_ends_the_channel() {
        PrintStream closed = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("Broken pipe");
            }
        });
        RecordingSink sink = new RecordingSink();
        EventListenerChannel channel = new EventListenerChannel(
                new ByteArrayInputStream(utf8(envelope(1, 0, "TICK_5", "when:5"))), closed, sink);
        channel.start();
        Await.until(TIMEOUT, () -> assertThat(sink.heard()).containsExactly("END"));
    }

    @Test
    void a_closed_channel_says_nothing_more() throws Exception {
        PipedOutputStream toChannel = new PipedOutputStream();
        RecordingSink sink = new RecordingSink();
        EventListenerChannel channel = new EventListenerChannel(new PipedInputStream(toChannel),
                new ByteArrayOutputStream(), sink);
        channel.start();
        channel.close();
        toChannel.close();
        Await.until(TIMEOUT, () -> assertThat(channel.isRunning()).isFalse());
        assertThat(sink.heard()).isEmpty();
    }

    @Test
    void a_channel_starts_once() {
        EventListenerChannel channel = new EventListenerChannel(new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), new RecordingSink());
        channel.start();
        assertThatThrownBy(channel::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(expected: NEW)");
    }

    private static Run run(InputStream input) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        RecordingSink sink = new RecordingSink();
        EventListenerChannel channel = new EventListenerChannel(input, output, sink);
        channel.start();
        try {
            assertThat(sink.awaitEnd(TIMEOUT)).as("end of input heard").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return new Run(sink, output);
    }

    private static String readExactly(InputStream input, int count) throws Exception {
        return new String(input.readNBytes(count), StandardCharsets.US_ASCII);
    }

    private record Run(RecordingSink sink, ByteArrayOutputStream bytes) {
        String output() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.US_ASCII);
            }
        }
    }

    /** The WARNING lines of the channel's logger (System.Logger goes to java.util.logging in tests). */
    private static final class LogCapture extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger(EventListenerChannel.class.getName());
        private final List<String> warnings = new ArrayList<>();

        LogCapture() {
            logger.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(java.text.MessageFormat.format(record.getMessage(),
                        record.getParameters() == null ? new Object[0] : record.getParameters()));
            }
        }

        synchronized List<String> warnings() {
            return new ArrayList<>(warnings);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
