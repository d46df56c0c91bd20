/**
 * The publishers of the event interface ({@code event_link}, event-interface.md): what the core publishes
 * ({@link org.supvisors.core.effect.PublishEvent}) goes to external subscribers with 0.19's topics, framing and JSON,
 * over WebSocket ({@link org.supvisors.transport.events.WebSocketBroadcaster}, Netty) or ZeroMQ
 * ({@link org.supvisors.transport.events.ZmqBroadcaster}, JeroMQ).
 *
 * <p>Public: {@link org.supvisors.transport.events.EventBroadcaster} and its
 * {@link org.supvisors.transport.events.EventBroadcasters factory}, the two publishers, their
 * {@link org.supvisors.transport.events.EventSettings}, the {@link org.supvisors.transport.events.Topic}s. Inside: the
 * JSON ({@code JsonWriter}, {@code EventMessages}), the WebSocket frames ({@code TextFrames}), the subscription path
 * ({@code SubscriptionPath}), the pipeline ({@code SubscriberChannelInitializer}, {@code SubscriptionRequestHandler},
 * {@code SubscriberHandler}) and the per-subscriber queues ({@code Subscriber}, {@code LoopFanout},
 * {@code Subscribers}).
 */
package org.supvisors.transport.events;
