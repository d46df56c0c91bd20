package org.supvisors.transport.supervisord;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header line supervisord writes before each event sent to a listener:
 * <pre>
 * ver:3.0 server:&lt;identifier&gt; serial:&lt;global serial&gt; pool:&lt;listener&gt; poolserial:&lt;pool serial&gt; eventname:&lt;NAME&gt; len:&lt;n&gt;
 * </pre>
 * {@code len} counts the payload's <em>characters</em> (Python's {@code len} of a {@code str}), while the payload
 * is written in UTF-8: a payload with non-ASCII text takes more bytes than {@code len}.
 *
 * <p>Keys are read by name, so a future version may add keys; a value may hold spaces (an identifier such as
 * {@code my server}), as long as no word of it looks like {@code key:value} for a header key.
 *
 * @param version {@code ver}
 * @param server {@code server}: supervisord's {@code identifier}
 * @param serial {@code serial}: unique per supervisord run, shared by all pools; a re-sent event keeps it
 * @param pool {@code pool}: the listener's pool name
 * @param poolSerial {@code poolserial}: consecutive per pool; a gap means supervisord dropped events
 * @param eventName {@code eventname}, e.g. {@code PROCESS_STATE_RUNNING}
 * @param length {@code len}: the payload length in characters
 */
record EventHeader(String version, String server, long serial, String pool, long poolSerial, String eventName,
                   long length) {

    private static final Set<String> KEYS = Set.of("ver", "server", "serial", "pool", "poolserial", "eventname", "len");
    private static final Pattern LENGTH = Pattern.compile("(?:^|\\s)len:(\\d{1,18})(?:\\s|$)");
    private static final Pattern START = Pattern.compile("ver:\\S+ server:");

    /**
     * Parses a header line (without its line feed).
     *
     * @throws MalformedEventException naming the line and what was expected
     */
    static EventHeader parse(String line) throws MalformedEventException {
        Map<String, String> fields = KeyValueText.parse(line, KEYS, "event header");
        return new EventHeader(required(fields, "ver", line), required(fields, "server", line),
                number(fields, "serial", line), required(fields, "pool", line), number(fields, "poolserial", line),
                required(fields, "eventname", line), number(fields, "len", line));
    }

    /** The payload length announced by a line that is not a valid header, if it has a {@code len:N} word. */
    static OptionalLong salvageLength(String line) {
        Matcher matcher = LENGTH.matcher(line);
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /**
     * Where a header starts inside a line, or -1. After a header that could not be parsed nor skipped, the unread
     * payload of its event may precede the next header on the same line.
     */
    static int headerStart(String line) {
        Matcher matcher = START.matcher(line);
        return matcher.find() ? matcher.start() : -1;
    }

    private static String required(Map<String, String> fields, String key, String line)
            throws MalformedEventException {
        String value = fields.get(key);
        if (value == null) {
            throw new MalformedEventException("event header: " + Texts.excerpt(line) + " (expected: a " + key
                    + ": field)");
        }
        return value;
    }

    private static long number(Map<String, String> fields, String key, String line) throws MalformedEventException {
        String value = required(fields, key, line);
        try {
            long number = Long.parseLong(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the line
        }
        throw new MalformedEventException("event header: " + key + ": " + Texts.excerpt(value)
                + " (expected: a non-negative integer) in " + Texts.excerpt(line));
    }
}
