package org.supvisors.transport.supervisord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** What supervisord writes to a listener, built as supervisord 4.2.5 builds it, for tests. */
final class Envelopes {

    private Envelopes() {
    }

    /** A header and its payload, {@code len} counting characters as Python does. */
    static String envelope(long serial, long poolSerial, String eventName, String payload) {
        return "ver:3.0 server:supervisor serial:" + serial + " pool:supvisors poolserial:" + poolSerial
                + " eventname:" + eventName + " len:" + payload.codePointCount(0, payload.length()) + "\n" + payload;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A stream that gives its bytes in pieces ending at the given offsets, as a pipe may. */
    static final class ChunkedInputStream extends InputStream {
        private final byte[] data;
        private final int chunk;
        private final int split;
        private int position;

        /** Pieces of {@code chunk} bytes, except that one piece also ends at {@code split}. */
        ChunkedInputStream(byte[] data, int chunk, int split) {
            this.data = data;
            this.chunk = chunk;
            this.split = split;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= data.length) {
                return -1;
            }
            int end = Math.min(data.length, position + Math.min(length, chunk));
            if (position < split && split < end) {
                end = split;
            }
            int count = end - position;
            System.arraycopy(data, position, buffer, offset, count);
            position = end;
            return count;
        }

        @Override
        public int available() {
            return 0;
        }
    }
}
