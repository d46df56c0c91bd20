package org.supvisors.transport.xmlrpc;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

/**
 * The end of a connection's pipeline: routes each aggregated request, and writes the answers in the order of the
 * requests (HTTP/1.1 pipelining), each in one write with its {@code Content-Length}. Answers may complete on any
 * thread; they are written on the connection's event loop. Reading pauses while
 * {@value #MAX_PENDING} answers are awaited.
 */
final class HttpRequestHandler extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOGGER = System.getLogger(HttpRequestHandler.class.getName());
    private static final int MAX_PENDING = 16;

    private final HttpRoutes routes;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private boolean closing;
    /** Set by a request after which the connection closes: later requests are not read nor answered. */
    private boolean lastRequestSeen;

    HttpRequestHandler(HttpRoutes routes) {
        this.routes = routes;
    }

    /** One awaited answer. */
    private static final class Pending {
        final boolean keepAlive;
        final boolean http10;
        FullHttpResponse response;
        boolean done;

        Pending(boolean keepAlive, boolean http10) {
            this.keepAlive = keepAlive;
            this.http10 = http10;
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (lastRequestSeen) {
            ReferenceCountUtil.release(msg instanceof HttpRefusal refusal ? refusal.response() : msg);
            return;
        }
        if (msg instanceof HttpRefusal refusal) {
            enqueue(CompletableFuture.completedFuture(refusal.response()), !refusal.close(), false, "refusal");
        } else if (msg instanceof FullHttpRequest request) {
            try {
                handle(request);
            } finally {
                request.release();
            }
        } else {
            LOGGER.log(System.Logger.Level.WARNING, "unexpected message {0} at the end of the HTTP pipeline; dropped",
                    msg.getClass().getName());
            ReferenceCountUtil.release(msg);
        }
    }

    private void handle(FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
        String what = request.method() + " " + request.uri();
        if (!request.decoderResult().isSuccess()) {
            String reason = String.valueOf(request.decoderResult().cause().getMessage());
            enqueue(CompletableFuture.completedFuture(HttpResponses.text(HttpResponseStatus.BAD_REQUEST,
                    "400 bad HTTP request: " + reason)), false, http10, what);
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        HttpRoute route = routes.find(path);
        CompletionStage<FullHttpResponse> answer;
        if (route == null) {
            answer = CompletableFuture.completedFuture(HttpResponses.text(HttpResponseStatus.NOT_FOUND,
                    "404 no resource at " + path));
        } else if (!route.methods().contains(request.method())) {
            FullHttpResponse refused = HttpResponses.text(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "405 method " + request.method() + " not allowed on " + path);
            refused.headers().set(HttpHeaderNames.ALLOW, route.methods().stream().map(HttpMethod::name)
                    .sorted(Comparator.naturalOrder()).collect(Collectors.joining(", ")));
            answer = CompletableFuture.completedFuture(refused);
        } else {
            try {
                answer = route.answer(request, ctx.executor());
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
        }
        enqueue(answer, keepAlive, http10, what);
    }

    private void enqueue(CompletionStage<FullHttpResponse> answer, boolean keepAlive, boolean http10, String what) {
        Pending entry = new Pending(keepAlive, http10);
        pending.add(entry);
        lastRequestSeen = !keepAlive;
        if (lastRequestSeen || pending.size() >= MAX_PENDING) {
            ctx.channel().config().setAutoRead(false);
        }
        if (answer == null) {
            answer = CompletableFuture.failedFuture(new IllegalStateException("route answered null"));
        }
        answer.whenComplete((response, error) -> onLoop(response, () -> {
            FullHttpResponse result = response;
            if (error != null || result == null) {
                LOGGER.log(System.Logger.Level.ERROR, "HTTP route failed on " + what + "; answered 500. This is a "
                        + "bug in the route", error);
                result = HttpResponses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "500 internal error");
            }
            entry.response = result;
            entry.done = true;
            writeReady();
        }));
    }

    private void onLoop(FullHttpResponse response, Runnable task) {
        if (ctx.executor().inEventLoop()) {
            task.run();
            return;
        }
        try {
            ctx.executor().execute(task);
        } catch (RejectedExecutionException e) {
            ReferenceCountUtil.release(response);
            LOGGER.log(System.Logger.Level.DEBUG, "answer completed after the server stopped; dropped");
        }
    }

    private void writeReady() {
        while (!pending.isEmpty() && pending.peek().done) {
            Pending entry = pending.poll();
            if (closing || !ctx.channel().isActive()) {
                ReferenceCountUtil.release(entry.response);
                continue;
            }
            FullHttpResponse response = entry.response;
            HttpUtil.setContentLength(response, response.content().readableBytes());
            if (!entry.keepAlive) {
                closing = true;
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            } else {
                if (entry.http10) {
                    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                }
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            }
        }
        if (!closing && !lastRequestSeen && pending.size() < MAX_PENDING && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        for (Pending entry : pending) {
            if (entry.done) {
                ReferenceCountUtil.release(entry.response);
            }
        }
        pending.removeIf(entry -> entry.done);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOGGER.log(System.Logger.Level.DEBUG, "connection from {0} failed: {1}", ctx.channel().remoteAddress(),
                    cause.getMessage());
        } else {
            LOGGER.log(System.Logger.Level.WARNING, "unexpected error on the connection from "
                    + ctx.channel().remoteAddress() + "; closing it", cause);
        }
        ctx.close();
    }
}
