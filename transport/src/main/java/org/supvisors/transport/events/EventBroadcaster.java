package org.supvisors.transport.events;

import java.util.Map;

/**
 * The publisher of the event interface ({@code event_link}): gives each message to the external subscribers of its
 * topic. One per agent, chosen by {@link EventBroadcasters#open}.
 *
 * <p>Contract: {@link #publish} never blocks and never throws; it is called by one thread at a time (the core's),
 * and every subscriber receives the messages of its topics in the order of the calls, or loses the oldest ones when
 * it does not keep up (see the implementations). A subscriber that connects receives what is published after its
 * subscription is in place, nothing before.
 */
public interface EventBroadcaster extends AutoCloseable {

    /** {@code event_link = NONE}: publishes nothing, holds no thread and no socket. */
    EventBroadcaster NONE = new EventBroadcaster() {
        @Override
        public void publish(String topic, Map<String, Object> body) {
        }

        @Override
        public long droppedMessages() {
            return 0;
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return "no event publisher (event_link = NONE)";
        }
    };

    /**
     * Publishes one message. A message that cannot be encoded (a topic that is not a {@link Topic}, a value the
     * writer refuses) is logged and dropped.
     *
     * @param topic the wire name of a {@link Topic}
     * @param body the body, a structure of JSON-like values that the caller does not change afterwards
     */
    void publish(String topic, Map<String, Object> body);

    /** How many messages were dropped so far for subscribers that did not keep up (all subscribers together). */
    long droppedMessages();

    /** Stops publishing, closes every subscriber's connection and the listening socket. Idempotent. */
    @Override
    void close();
}
