package org.supvisors.transport.supervisord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads what supervisord writes to a listener: header lines and payloads, from a blocking stream.
 *
 * <p>A payload length counts characters (Unicode code points, Python's {@code len}) of UTF-8 text, so the reader
 * counts UTF-8 sequences, not bytes. Memory is bounded: a header line keeps at most {@link #MAX_LINE_BYTES} and a
 * payload at most {@link #MAX_KEPT_CHARACTERS}; the rest is read and dropped, so that the stream stays in step.
 *
 * <p>Not thread-safe: used by the channel's thread only.
 */
final class EnvelopeReader {

    /** The longest header line kept, in bytes (a real one is about 120 bytes). */
    static final int MAX_LINE_BYTES = 8 * 1024;
    /** The longest payload kept, in characters (the events the agent uses are under 200). */
    static final int MAX_KEPT_CHARACTERS = 64 * 1024;

    private final InputStream input;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    /** One line, without its line feed. */
    record Line(String text, boolean truncated) {
    }

    EnvelopeReader(InputStream input) {
        this.input = input;
    }

    /** The next line, or null at the end of the stream (a last line without line feed is dropped). */
    Line readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(160);
        boolean truncated = false;
        while (true) {
            int next = read();
            if (next < 0) {
                return null;
            }
            if (next == '\n') {
                return new Line(line.toString(StandardCharsets.UTF_8), truncated);
            }
            if (line.size() < MAX_LINE_BYTES) {
                line.write(next);
            } else {
                truncated = true;
            }
        }
    }

    /**
     * The next {@code characters} characters of UTF-8 text, of which at most {@link #MAX_KEPT_CHARACTERS} are kept,
     * or null when the stream ends before.
     */
    String readPayload(long characters) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream((int) Math.min(characters, 1024));
        for (long count = 0; count < characters; count++) {
            int lead = read();
            if (lead < 0) {
                return null;
            }
            boolean keep = count < MAX_KEPT_CHARACTERS;
            if (keep) {
                kept.write(lead);
            }
            for (int continuation = continuationBytes(lead); continuation > 0; continuation--) {
                int next = read();
                if (next < 0) {
                    return null;
                }
                if (keep) {
                    kept.write(next);
                }
            }
        }
        return kept.toString(StandardCharsets.UTF_8);
    }

    /** Reads and drops what is already received, without blocking; returns how many bytes were dropped. */
    long dropAvailable() throws IOException {
        long dropped = limit - position;
        position = limit;
        int available;
        while ((available = input.available()) > 0) {
            int count = input.read(buffer, 0, Math.min(available, buffer.length));
            if (count < 0) {
                break;
            }
            dropped += count;
        }
        return dropped;
    }

    /** How many bytes follow a UTF-8 lead byte; a byte that cannot lead a sequence stands for one character. */
    private static int continuationBytes(int lead) {
        if (lead >= 0xF0 && lead <= 0xF7) {
            return 3;
        }
        if (lead >= 0xE0) {
            return lead <= 0xEF ? 2 : 0;
        }
        return lead >= 0xC0 ? 1 : 0;
    }

    private int read() throws IOException {
        if (position == limit) {
            int count = input.read(buffer);
            while (count == 0) {
                count = input.read(buffer);
            }
            if (count < 0) {
                return -1;
            }
            position = 0;
            limit = count;
        }
        return buffer[position++] & 0xFF;
    }
}
