package org.supvisors.cli.supervisor;

import java.nio.charset.StandardCharsets;

import org.supvisors.cli.command.Session;
import org.supvisors.client.SupvisorsClientException;

/**
 * Follows a log through XML-RPC ({@code tail -f}, {@code maintail -f}): the agent does not relay supervisord's
 * {@code /logtail} HTTP streams, so the log is polled: its size, then the bytes added since the last read. A log
 * that shrinks (cleared, rotated) is read again from its start.
 */
final class LogFollower {

    /** How the log is read. */
    interface Source {
        /** The size of the log in bytes. */
        long size() throws SupvisorsClientException;

        /** {@code length} bytes from {@code offset}. */
        String read(long offset, long length) throws SupvisorsClientException;
    }

    private static final long POLL_MILLIS = 200;
    private static final long MAX_READ = 64 * 1024;

    private LogFollower() {
    }

    /** Prints the last {@code head} bytes, then what is added, until {@code stop} says so. */
    static void follow(Session session, Source source, long head, Interruption stop)
            throws SupvisorsClientException {
        long position = Math.max(0, source.size() - head);
        while (!stop.requested()) {
            long size = source.size();
            if (size < position) {
                position = 0;
            }
            while (size > position && !stop.requested()) {
                long length = Math.min(MAX_READ, size - position);
                String text = source.read(position, length);
                session.out().print(text);
                session.out().flush();
                long read = text.getBytes(StandardCharsets.UTF_8).length;
                position += read > 0 ? Math.min(read, length) : length;
            }
            stop.await(POLL_MILLIS);
        }
    }

    /** The size of supervisord's main log, which no call gives: found by reading one byte at growing offsets. */
    static long mainLogSize(org.supvisors.client.SupervisorApi supervisor) throws SupvisorsClientException {
        long low = 0;
        long high = 1024;
        while (!supervisor.readLog((int) Math.min(Integer.MAX_VALUE, high), 1).isEmpty()) {
            low = high;
            high *= 2;
            if (high > Integer.MAX_VALUE) {
                return Integer.MAX_VALUE;
            }
        }
        // the byte at low - 1 exists (or low = 0), the byte at high does not
        while (low < high) {
            long middle = (low + high) / 2;
            if (supervisor.readLog((int) middle, 1).isEmpty()) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
