package org.supvisors.transport.events;

import java.lang.System.Logger.Level;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * A subscriber's connection after the handshake. The server expects nothing from a subscriber but control frames:
 * pings are answered, a close is acknowledged, data frames are ignored. Liveness as the {@code websockets} library
 * does it: a subscriber silent for the keepalive period is pinged, and closed when it is still silent one period
 * later (no pong: it is gone, or so far behind that our ping waits in its backlog).
 */
final class SubscriberHandler extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOGGER = System.getLogger(SubscriberHandler.class.getName());

    private final Subscribers subscribers;
    private final WebSocketServerHandshaker handshaker;
    private final SubscriptionPath path;
    private Subscriber subscriber;
    private boolean pinged;

    SubscriberHandler(Subscribers subscribers, WebSocketServerHandshaker handshaker, SubscriptionPath path) {
        this.subscribers = subscribers;
        this.handshaker = handshaker;
        this.path = path;
    }

    /** The handshake is done (the HTTP codec is gone): messages may flow. On the event loop. */
    void subscribed(Channel channel) {
        if (!channel.isActive()) {
            return;
        }
        subscriber = subscribers.subscribe(channel, path);
        LOGGER.log(Level.INFO, "event subscriber {0} connected: {1}{2}", channel.remoteAddress(), path.describe(),
                path.ignored().isEmpty() ? "" : " (unknown topics ignored: " + String.join(", ", path.ignored())
                        + ")");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        pinged = false;
        try {
            if (msg instanceof CloseWebSocketFrame) {
                handshaker.close(ctx.channel(), ((CloseWebSocketFrame) msg).retain());
            } else if (msg instanceof PingWebSocketFrame) {
                ctx.writeAndFlush(new PongWebSocketFrame(((PingWebSocketFrame) msg).content().retain()));
            }
            // pongs end the silence; data frames are not expected and ignored
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            if (pinged) {
                LOGGER.log(Level.INFO, "event subscriber {0} ({1}) did not answer a ping: closed",
                        ctx.channel().remoteAddress(), path.describe());
                ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.INTERNAL_SERVER_ERROR,
                        "keepalive ping timeout"));
                ctx.close();
            } else {
                pinged = true;
                ctx.writeAndFlush(new PingWebSocketFrame());
            }
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (subscriber != null) {
            subscriber.writabilityChanged();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (subscriber != null) {
            subscribers.unsubscribe(ctx.channel(), subscriber);
            subscriber = null;
            LOGGER.log(Level.DEBUG, "event subscriber {0} ({1}) disconnected", ctx.channel().remoteAddress(),
                    path.describe());
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOGGER.log(Level.DEBUG, "event subscriber {0}: {1}: closed", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
