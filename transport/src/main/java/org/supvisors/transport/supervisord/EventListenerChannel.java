package org.supvisors.transport.supervisord;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

import org.supvisors.core.supervisor.SupervisordEvent;

/**
 * The agent's side of supervisord's event-listener protocol, on its own thread.
 *
 * <pre>
 * agent (stdout)                  supervisord (agent's stdin)
 * READY\n                 ---&gt;
 *                         &lt;---    ver:3.0 server:S serial:N pool:P poolserial:M eventname:E len:L\n
 *                         &lt;---    L characters of payload (UTF-8), no line feed of its own
 * RESULT 2\nOKREADY\n     ---&gt;
 *                         &lt;---    next header...
 * </pre>
 * Each event is acknowledged as soon as its payload is read, before it is decoded and handed to the
 * {@link SupervisordEventSink}: supervisord sends nothing while an event is unacknowledged, and only
 * {@code READY\n} and {@code RESULT 2\nOK} ever go to the output. The answer is never {@code FAIL}: in supervisord
 * 4.2.5 a FAIL re-queues the event in every listener pool of the same priority.
 *
 * <p>Bad input costs one event, not the channel: a header or payload that does not read is logged at WARNING with
 * its text (cut), acknowledged, and skipped. Events of types the agent does not use are logged at DEBUG and
 * skipped. Duplicates (same {@code serial}) are dropped; lost events ({@code poolserial} gaps) are reported to
 * the sink (see {@link EventSequence}). When the input ends, the sink hears {@link SupervisordEventSink#onEndOfInput()}
 * and the thread ends.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} at any time. Thread-safe.
 */
public final class EventListenerChannel implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(EventListenerChannel.class.getName());
    private static final byte[] READY = "READY\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK_THEN_READY = "RESULT 2\nOKREADY\n".getBytes(StandardCharsets.US_ASCII);

    private enum Status { NEW, RUNNING, CLOSED }

    private final InputStream input;
    private final OutputStream output;
    private final SupervisordEventSink sink;
    private final EnvelopeReader reader;
    private final EventSequence sequence = new EventSequence();
    private final AtomicReference<Status> status = new AtomicReference<>(Status.NEW);
    private final Thread thread;

    /**
     * A channel over the given streams (not started).
     *
     * @param input what supervisord writes to the listener (the agent's stdin)
     * @param output where the listener answers (the agent's real stdout); a {@link PrintStream} is checked for
     *     errors after each answer
     * @param sink where events go
     */
    public EventListenerChannel(InputStream input, OutputStream output, SupervisordEventSink sink) {
        this.input = Objects.requireNonNull(input, "input");
        this.output = Objects.requireNonNull(output, "output");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.reader = new EnvelopeReader(input);
        this.thread = new Thread(this::run, "supervisord-events");
        this.thread.setDaemon(true);
    }

    /**
     * A channel over the process's standard input and output, which supervisord connects to the listener. It takes
     * the standard output for itself: {@code System.out} is redirected to {@code System.err} (and {@code System.in}
     * emptied), so that a stray print cannot break the protocol. Call it first thing in {@code main}, before
     * anything prints.
     */
    public static EventListenerChannel overStandardStreams(SupervisordEventSink sink) {
        System.out.flush();
        OutputStream protocolOutput = new FileOutputStream(FileDescriptor.out);
        InputStream protocolInput = new FileInputStream(FileDescriptor.in);
        System.setOut(System.err);
        System.setIn(InputStream.nullInputStream());
        return new EventListenerChannel(protocolInput, protocolOutput, sink);
    }

    /**
     * Starts the channel's thread, which tells supervisord it is ready.
     *
     * @throws IllegalStateException if the channel was already started or closed
     */
    public void start() {
        if (!status.compareAndSet(Status.NEW, Status.RUNNING)) {
            throw new IllegalStateException("event listener channel cannot start: it is already " + status.get()
                    + " (expected: NEW)");
        }
        thread.start();
    }

    /** True while the channel's thread reads events. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * Stops reading: the sink hears nothing more, {@link SupervisordEventSink#onEndOfInput()} included. Closes the
     * input; a thread blocked reading a pipe may stay blocked until supervisord writes or exits (it is a daemon).
     */
    @Override
    public void close() {
        if (status.getAndSet(Status.CLOSED) == Status.CLOSED) {
            return;
        }
        thread.interrupt();
        try {
            input.close();
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "closing supervisord's event input failed: {0}", e.toString());
        }
    }

    private boolean isClosed() {
        return status.get() == Status.CLOSED;
    }

    private void run() {
        try {
            write(READY);
            while (!isClosed() && readOne()) {
                // one envelope per turn
            }
        } catch (IOException e) {
            if (!isClosed()) {
                LOGGER.log(System.Logger.Level.WARNING, "supervisord event stream broken: {0}; "
                        + "this usually means that supervisord exited", e.toString());
            }
        }
        if (!isClosed()) {
            LOGGER.log(System.Logger.Level.INFO, "supervisord closed the event stream; no more events");
            try {
                sink.onEndOfInput();
            } catch (RuntimeException e) {
                LOGGER.log(System.Logger.Level.ERROR, "event sink failed on end of input", e);
            }
        }
    }

    /** Reads, acknowledges and hands on one envelope; false at the end of the input. */
    private boolean readOne() throws IOException {
        EnvelopeReader.Line line = reader.readLine();
        if (line == null) {
            return false;
        }
        String text = line.text();
        int start = EventHeader.headerStart(text);
        if (start > 0) {
            LOGGER.log(System.Logger.Level.WARNING, "supervisord event stream: skipped {0} before an event header; "
                    + "the payload of an unreadable event, probably", Texts.excerpt(text.substring(0, start)));
            text = text.substring(start);
        }
        EventHeader header;
        try {
            if (line.truncated()) {
                throw new MalformedEventException("event header: longer than " + EnvelopeReader.MAX_LINE_BYTES
                        + " bytes: " + Texts.excerpt(text) + " (expected: one line of about 120 bytes)");
            }
            header = EventHeader.parse(text);
        } catch (MalformedEventException e) {
            return skipUnreadable(text, line.truncated(), e);
        }
        String payload = reader.readPayload(header.length());
        if (payload == null) {
            LOGGER.log(System.Logger.Level.WARNING, "supervisord event stream ended inside the payload of event {0} "
                    + "({1})", header.serial(), header.eventName());
            return false;
        }
        write(OK_THEN_READY);
        dispatch(header, payload);
        return true;
    }

    private boolean skipUnreadable(String text, boolean truncated, MalformedEventException error) throws IOException {
        OptionalLong length = truncated ? OptionalLong.empty() : EventHeader.salvageLength(text);
        String skipped;
        if (length.isPresent()) {
            if (reader.readPayload(length.getAsLong()) == null) {
                return false;
            }
            skipped = "its payload of " + length.getAsLong() + " characters skipped";
        } else {
            skipped = reader.dropAvailable() + " bytes received after it dropped";
        }
        write(OK_THEN_READY);
        LOGGER.log(System.Logger.Level.WARNING, "supervisord event ignored: {0}; acknowledged, {1}; "
                + "a supervisord version with another listener protocol would do this", error.getMessage(), skipped);
        return true;
    }

    private void dispatch(EventHeader header, String payload) {
        EventSequence.Admission admission = sequence.admit(header.serial(), header.poolSerial());
        if (admission.duplicate()) {
            LOGGER.log(System.Logger.Level.DEBUG, "supervisord event {0} ({1}) received again; dropped",
                    header.serial(), header.eventName());
            return;
        }
        if (admission.revealsLoss()) {
            LOGGER.log(System.Logger.Level.WARNING, "supervisord dropped the events {0}..{1} of pool {2} (its buffer "
                    + "overflowed: raise buffer_size or answer faster); the agent must read the processes again",
                    admission.firstLost(), admission.lastLost(), header.pool());
            try {
                sink.onEventsLost(admission.firstLost(), admission.lastLost());
            } catch (RuntimeException e) {
                LOGGER.log(System.Logger.Level.ERROR, "event sink failed on lost events", e);
            }
        }
        Optional<SupervisordEvent> event;
        try {
            event = EventPayloadDecoder.decode(header.eventName(), payload);
        } catch (MalformedEventException e) {
            LOGGER.log(System.Logger.Level.WARNING, "supervisord event {0} ignored: {1}; payload {2}",
                    header.serial(), e.getMessage(), Texts.excerpt(payload));
            return;
        }
        if (event.isEmpty()) {
            LOGGER.log(System.Logger.Level.DEBUG, "supervisord event {0} ({1}) not used by the agent; ignored",
                    header.serial(), header.eventName());
            return;
        }
        try {
            sink.onEvent(event.get());
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.ERROR, "event sink failed on " + event.get() + "; event lost", e);
        }
    }

    private void write(byte[] bytes) throws IOException {
        output.write(bytes);
        output.flush();
        if (output instanceof PrintStream && ((PrintStream) output).checkError()) {
            throw new IOException("cannot write to supervisord (standard output closed)");
        }
    }
}
