package org.supvisors.transport.xmlrpc;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Aggregates request bodies up to a maximum. A larger body is answered 413 and the connection is closed without
 * reading the rest: at once when {@code Content-Length} announces it, as soon as the maximum is passed when the
 * body is chunked. ({@code Expect: 100-continue} with a too large length is answered 417 and closed by Netty.)
 */
final class BodyLimitAggregator extends HttpObjectAggregator {

    private static final System.Logger LOGGER = System.getLogger(BodyLimitAggregator.class.getName());

    BodyLimitAggregator(int maxBodyBytes) {
        super(maxBodyBytes, true);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ctx.channel().config().setAutoRead(false);
        LOGGER.log(System.Logger.Level.WARNING, "request body from {0} larger than {1} bytes: answered 413 and "
                + "closed the connection", ctx.channel().remoteAddress(), Integer.toString(maxContentLength()));
        ctx.fireChannelRead(new HttpRefusal(HttpResponses.text(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "413 request body larger than " + maxContentLength() + " bytes"), true));
    }
}
