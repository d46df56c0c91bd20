package org.supvisors.transport.events;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * The event interface over WebSocket ({@code event_link = WS}), as 0.19 serves it: a plain WebSocket server on
 * {@code event_port}, all interfaces; a subscriber chooses its topics by the URL path ({@code ws://host:port/all},
 * {@code ws://host:port/event/process}, see {@link SubscriptionPath}) and receives one text frame per message,
 * {@code ["<topic>", <body>]}.
 *
 * <pre>
 * WebSocketBroadcaster events = new WebSocketBroadcaster(EventSettings.of(eventPort)).start(server.eventLoops());
 * events.publish("process", body);     // on the core's thread, for every PublishEvent
 * events.close();                      // before the event loops are shut down
 * </pre>
 *
 * <p>It runs on event loops it is given (the agent's HTTP loops): no thread of its own. {@link #start} returns at
 * once; when the port cannot be bound, binding is retried every {@link EventSettings#bindRetry()}. Each message is
 * encoded once (JSON and WebSocket frame) on the publishing thread, then shared by every subscriber of its topic.
 * A subscriber that does not keep up loses its oldest messages beyond {@link EventSettings#queueLimit()} (counted,
 * logged); one that stops answering pings is closed ({@link SubscriberHandler}).
 */
public final class WebSocketBroadcaster implements EventBroadcaster {

    private static final System.Logger LOGGER = System.getLogger(WebSocketBroadcaster.class.getName());
    /** Netty's write buffer of one subscriber: unwritable above 64 KiB, writable again below 32 KiB. */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 << 10, 64 << 10);
    /**
     * The kernel's send buffer of one subscriber (Linux doubles it), fixed rather than auto-tuned up to 4 MiB: what
     * a subscriber that stopped reading can hold stays small, even with hundreds of them.
     */
    static final int SEND_BUFFER = 128 << 10;

    private enum State { NEW, STARTED, CLOSED }

    private final EventSettings settings;
    private final Subscribers subscribers;
    private final ByteBufAllocator allocator = ByteBufAllocator.DEFAULT;
    private final Object lock = new Object();
    // guarded by lock
    private State state = State.NEW;
    private EventLoopGroup loops;
    private Channel serverChannel;
    private ScheduledFuture<?> retry;
    private int failedBinds;

    public WebSocketBroadcaster(EventSettings settings) {
        this.settings = settings;
        this.subscribers = new Subscribers(settings.queueLimit());
    }

    /**
     * Starts listening on the given event loops (which the caller shuts down, after {@link #close()}).
     *
     * @throws IllegalStateException when started twice or after close
     */
    public WebSocketBroadcaster start(EventLoopGroup eventLoops) {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException("WebSocket event publisher: " + state + " (expected: started once)");
            }
            state = State.STARTED;
            loops = eventLoops;
        }
        bind();
        return this;
    }

    private void bind() {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childOption(ChannelOption.SO_SNDBUF, SEND_BUFFER)
                .childHandler(new SubscriberChannelInitializer(subscribers, settings.keepalive().toMillis()));
        bootstrap.bind(new InetSocketAddress(settings.port())).addListener((ChannelFuture bound) -> {
            synchronized (lock) {
                if (bound.isSuccess()) {
                    if (state == State.CLOSED) {
                        bound.channel().close();
                        return;
                    }
                    serverChannel = bound.channel();
                    LOGGER.log(Level.INFO, "event interface: WebSocket server listening on {0}"
                            + " (ws://<host>:{1}/all, /<topic>/...)", serverChannel.localAddress(),
                            String.valueOf(((InetSocketAddress) serverChannel.localAddress()).getPort()));
                    return;
                }
                if (state == State.CLOSED) {
                    return;
                }
                failedBinds++;
                LOGGER.log(failedBinds == 1 ? Level.WARNING : Level.DEBUG, "event interface: cannot listen on"
                        + " port {0} ({1}); retrying every {2} ms", String.valueOf(settings.port()),
                        bound.cause().getMessage(), settings.bindRetry().toMillis());
                retry = loops.next().schedule(this::bind, settings.bindRetry().toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    /** The bound address, once listening. */
    public Optional<InetSocketAddress> localAddress() {
        synchronized (lock) {
            return serverChannel == null ? Optional.empty()
                    : Optional.of((InetSocketAddress) serverChannel.localAddress());
        }
    }

    @Override
    public void publish(String topic, Map<String, Object> body) {
        Optional<Topic> known = EventMessages.topic(topic);
        if (known.isEmpty()) {
            return;
        }
        if ((subscribers.topics() & known.get().bit()) == 0) {
            return;
        }
        String text;
        try {
            text = EventMessages.webSocketText(known.get(), body);
        } catch (IllegalArgumentException refused) {
            LOGGER.log(Level.WARNING, "event interface: {0} message dropped: {1}", topic, refused.getMessage());
            return;
        }
        ByteBuf frame = TextFrames.encode(allocator, text);
        try {
            subscribers.broadcast(known.get(), frame);
        } finally {
            frame.release();
        }
    }

    /** How many subscribers are connected now (their handshake done). */
    public int subscriberCount() {
        return subscribers.count();
    }

    @Override
    public long droppedMessages() {
        return subscribers.dropped();
    }

    @Override
    public void close() {
        Channel listening;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            listening = serverChannel;
            if (retry != null) {
                retry.cancel(false);
            }
        }
        if (listening != null) {
            listening.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        for (Channel connection : subscribers.connections()) {
            connection.close();
        }
    }

    @Override
    public String toString() {
        return "WebSocket event publisher on port " + settings.port();
    }
}
