package org.supvisors.transport.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The topics a WebSocket subscriber asks for, read from its URL path as 0.19 reads it: the path's segments (split on
 * {@code /}, empty ones ignored) are topic wire names, {@code all} stands for every topic, other segments are
 * ignored ({@code /event/foo} subscribes to {@code event}) and {@code /} subscribes to nothing.
 *
 * <p>Refused, with a reason for the HTTP 400 answer (0.19 accepted them and sent nothing): a request target that is
 * not a path, a path with a query or characters other than letters, digits, {@code - . _ ~} and {@code /}, and a
 * path whose segments name no topic at all ({@code /proces}).
 */
final class SubscriptionPath {

    /** Longer paths are refused; the longest useful one ({@code /supvisors/instance/.../pstats}) has 56 chars. */
    static final int MAX_LENGTH = 256;
    static final String EXPECTED = "segments among all, supvisors, instance, application, event, process, hstats,"
            + " pstats, e.g. /all or /event/process";

    private final int topics;
    private final List<String> ignored;

    private SubscriptionPath(int topics, List<String> ignored) {
        this.topics = topics;
        this.ignored = ignored;
    }

    /**
     * Reads a request target.
     *
     * @throws IllegalArgumentException with the reason of the refusal
     */
    static SubscriptionPath parse(String target) {
        if (target.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("subscription path: " + target.length() + " characters (expected: at"
                    + " most " + MAX_LENGTH + ")");
        }
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("subscription path: " + target + " (expected: a path starting with"
                    + " '/', " + EXPECTED + ")");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/'
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!allowed) {
                throw new IllegalArgumentException("subscription path: " + printable(target) + " has "
                        + printable(String.valueOf(c)) + " at " + i + " (expected: " + EXPECTED + ", no query)");
            }
        }
        int topics = 0;
        List<String> ignored = new ArrayList<>();
        boolean anySegment = false;
        for (String segment : target.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            anySegment = true;
            if (segment.equals(Topic.ALL)) {
                for (Topic topic : Topic.values()) {
                    topics |= topic.bit();
                }
            } else {
                int bit = Topic.fromWireName(segment).map(Topic::bit).orElse(0);
                if (bit == 0) {
                    ignored.add(segment);
                }
                topics |= bit;
            }
        }
        if (anySegment && topics == 0) {
            throw new IllegalArgumentException("subscription path: " + target + " names no topic (expected: "
                    + EXPECTED + ")");
        }
        return new SubscriptionPath(topics, Collections.unmodifiableList(ignored));
    }

    /** The topics as a set of {@link Topic#bit()}s. */
    int topics() {
        return topics;
    }

    boolean includes(Topic topic) {
        return (topics & topic.bit()) != 0;
    }

    /** The segments that name no topic, ignored. */
    List<String> ignored() {
        return ignored;
    }

    /** The topics, for log lines: {@code all}, {@code event,process} or {@code nothing}. */
    String describe() {
        if (topics == (1 << Topic.values().length) - 1) {
            return Topic.ALL;
        }
        List<String> names = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            if (includes(topic)) {
                names.add(topic.wireName());
            }
        }
        return names.isEmpty() ? "nothing" : String.join(",", names);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < 80; i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return "'" + out + "'";
    }
}
