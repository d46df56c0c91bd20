package org.supvisors.transport.events;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * The HTTP request of a subscriber: a WebSocket upgrade ({@code GET ws://host:port/<topics>}), checked before the
 * handshake. A request that is not one, or whose path is malformed ({@link SubscriptionPath}), is answered with an
 * HTTP error whose plain-text body says why, then the connection is closed. After the handshake,
 * {@link SubscriberHandler} takes over.
 */
final class SubscriptionRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final System.Logger LOGGER = System.getLogger(SubscriptionRequestHandler.class.getName());
    /** Subscribers send only control frames (ping, pong, close: at most 125 bytes each). */
    static final WebSocketDecoderConfig DECODER = WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(4096).allowExtensions(false).expectMaskedFrames(true).build();

    private final Subscribers subscribers;

    SubscriptionRequestHandler(Subscribers subscribers) {
        this.subscribers = subscribers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request: " + request.decoderResult().cause()
                    .getMessage());
            return;
        }
        if (!HttpMethod.GET.equals(request.method())) {
            refuse(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "method: " + request.method()
                    + " (expected: GET, a WebSocket upgrade to ws://host:port/<topics>)");
            return;
        }
        SubscriptionPath path;
        try {
            path = SubscriptionPath.parse(request.uri());
        } catch (IllegalArgumentException malformed) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, malformed.getMessage());
            return;
        }
        if (!request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
                || !request.headers().contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            refuse(ctx, HttpResponseStatus.UPGRADE_REQUIRED, "this port serves the Supvisors event interface:"
                    + " a WebSocket client is expected (ws://host:port" + request.uri() + ")");
            return;
        }
        String host = request.headers().get(HttpHeaderNames.HOST, "localhost");
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory("ws://" + host + request.uri(),
                null, DECODER).newHandshaker(request);
        if (handshaker == null) {
            LOGGER.log(Level.WARNING, "event subscriber {0} refused: WebSocket version {1} (expected: 13)",
                    ctx.channel().remoteAddress(), request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_VERSION));
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel())
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ChannelFuture handshake;
        try {
            handshake = handshaker.handshake(ctx.channel(), request);
        } catch (RuntimeException invalid) {
            // a header the handshake needs is missing or wrong (Sec-WebSocket-Key...)
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "WebSocket handshake: " + invalid.getMessage());
            return;
        }
        SubscriberHandler subscriber = new SubscriberHandler(subscribers, handshaker, path);
        ctx.pipeline().replace(this, "subscriber", subscriber);
        handshake.addListener((ChannelFutureListener) done -> {
            if (done.isSuccess()) {
                subscriber.subscribed(done.channel());
            } else {
                LOGGER.log(Level.WARNING, "event subscriber {0} refused: WebSocket handshake: {1}",
                        done.channel().remoteAddress(), done.cause().getMessage());
                done.channel().close();
            }
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            LOGGER.log(Level.DEBUG, "event port: {0} sent no complete request in time: closed",
                    ctx.channel().remoteAddress());
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOGGER.log(Level.DEBUG, "event port: connection from {0} failed: {1}", ctx.channel().remoteAddress(),
                cause.toString());
        ctx.close();
    }

    private static void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String reason) {
        LOGGER.log(Level.WARNING, "event subscriber {0} refused: {1}", ctx.channel().remoteAddress(), reason);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(reason + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
