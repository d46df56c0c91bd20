package org.supvisors.transport.events;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

/** The texts of one message on the wire, as 0.19 wrote them (see {@link JsonWriter}). */
final class EventMessages {

    private static final System.Logger LOGGER = System.getLogger(EventMessages.class.getName());

    private EventMessages() {
    }

    /** The topic of a message to publish; an unknown one is logged (the message is dropped). */
    static Optional<Topic> topic(String wireName) {
        Optional<Topic> topic = Topic.fromWireName(wireName);
        if (topic.isEmpty()) {
            LOGGER.log(Level.WARNING, "event interface: topic {0} dropped (expected: one of supvisors, instance,"
                    + " application, event, process, hstats, pstats)", wireName);
        }
        return topic;
    }

    /** The JSON body alone: part 2 of a ZeroMQ message ({@code json.dumps(body)}). ASCII only. */
    static String body(Map<String, Object> body) {
        StringBuilder out = new StringBuilder(512);
        JsonWriter.write(body, "body", out);
        return out.toString();
    }

    /** The text of a WebSocket message: {@code ["<topic>", <body>]} ({@code json.dumps((topic, body))}). ASCII only. */
    static String webSocketText(Topic topic, Map<String, Object> body) {
        StringBuilder out = new StringBuilder(512);
        out.append('[');
        JsonWriter.writeString(topic.wireName(), out);
        out.append(", ");
        JsonWriter.write(body, "body", out);
        out.append(']');
        return out.toString();
    }
}
