/**
 * Subscription to the event interface of Supvisors ({@code event_link}): {@link
 * org.supvisors.client.event.SupvisorsEventSubscriber} over WebSocket (JDK only) or ZeroMQ (JeroMQ), with
 * {@link org.supvisors.client.event.Topic} filters and automatic reconnection; the messages arrive as typed
 * {@link org.supvisors.client.event.SupvisorsEvent}s at a {@link org.supvisors.client.event.SupvisorsEventListener}.
 */
package org.supvisors.client.event;
