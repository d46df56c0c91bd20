package org.supvisors.transport.events;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * The pipeline of a connection to the event port: silence detection, the HTTP codec and an aggregator bounded to
 * 8 KiB (a subscription request has no body), then {@link SubscriptionRequestHandler}; the handshake swaps the HTTP
 * codec for WebSocket frames and the request handler for {@link SubscriberHandler}.
 */
final class SubscriberChannelInitializer extends ChannelInitializer<SocketChannel> {

    static final int MAX_REQUEST_BYTES = 8192;

    private final Subscribers subscribers;
    private final long keepaliveMillis;

    SubscriberChannelInitializer(Subscribers subscribers, long keepaliveMillis) {
        this.subscribers = subscribers;
        this.keepaliveMillis = keepaliveMillis;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        subscribers.connected(channel);
        channel.pipeline()
                .addLast("idle", new IdleStateHandler(keepaliveMillis, 0, 0, TimeUnit.MILLISECONDS))
                .addLast("http", new HttpServerCodec(4096, MAX_REQUEST_BYTES, MAX_REQUEST_BYTES))
                .addLast("aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                .addLast("request", new SubscriptionRequestHandler(subscribers));
    }
}
