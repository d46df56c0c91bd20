package org.supvisors.core.effect;

import java.util.Map;
import java.util.Objects;

/**
 * Publish a message on the event interface ({@code event_link}): a topic and a JSON-like body (wire values).
 *
 * @param topic {@code supvisors}, {@code instance}, {@code application}, {@code event}, {@code process},
 *     {@code hstats} or {@code pstats}
 * @param body the body, a fresh structure the publisher may encode on another thread
 */
public record PublishEvent(String topic, Map<String, Object> body) implements Effect {

    public PublishEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(body, "body");
    }
}
