package org.supvisors.transport.xmlrpc;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

import org.supvisors.core.api.Fault;
import org.supvisors.core.api.SupvisorsFault;
import org.supvisors.transport.config.HttpServerSettings;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;

/**
 * Posts XML-RPC requests to the local supervisord, without blocking: a Netty client on the server's event loops,
 * with the supervisord credentials of the configuration (never the caller's).
 *
 * <p>Connections are kept alive and reused (at most {@value #MAX_IDLE_PER_LOOP} idle ones per event loop). The
 * ~44 ms stall seen on reused connections to supervisord comes from Nagle's algorithm on the <em>client</em> side
 * when the request head and body leave in two segments (measured: 44 ms per call with two writes, 0.1-0.2 ms with
 * one write or with TCP_NODELAY): this client sets TCP_NODELAY and writes each request with one flush.
 *
 * <p>A pooled connection that supervisord closed while idle is detected before use or, in a race, by the request
 * failing before any byte of answer: then the request is sent once more on a fresh connection (supervisord has not
 * seen it). A supervisord that cannot be reached fails the call at once with a {@code FAILED} fault naming the URL.
 * There is no answer timeout: supervisord's blocking calls ({@code startProcess} with wait) take as long as they
 * take.
 */
final class SupervisordForwarder implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(SupervisordForwarder.class.getName());

    /** The largest supervisord answer accepted (a log tail or a large process list stays far below). */
    static final int MAX_ANSWER_BYTES = 64 << 20;
    private static final int MAX_IDLE_PER_LOOP = 4;
    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final InetSocketAddress address;
    private final String url;
    private final String hostHeader;
    private final String authorization;
    private final Map<EventExecutor, ArrayDeque<Channel>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param group the event loops to run on (not shut down by {@link #close()})
     * @param supervisord supervisord's {@code [inet_http_server]}; an empty or {@code *} host means 127.0.0.1
     */
    SupervisordForwarder(EventLoopGroup group, HttpServerSettings supervisord) {
        this.group = group;
        String host = supervisord.host().isEmpty() || supervisord.host().equals("*") ? "127.0.0.1"
                : supervisord.host();
        this.address = new InetSocketAddress(host, supervisord.port());
        String hostPort = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + supervisord.port();
        this.url = "http://" + hostPort + "/RPC2";
        this.hostHeader = hostPort;
        this.authorization = supervisord.hasCredentials()
                ? "Basic " + Base64.getEncoder().encodeToString((supervisord.username().orElseThrow() + ":"
                        + supervisord.password().orElse("")).getBytes(StandardCharsets.UTF_8))
                : null;
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new Exchange());
                    }
                });
    }

    /** {@code http://host:port/RPC2}. */
    String url() {
        return url;
    }

    /**
     * Posts an XML-RPC request body as is.
     *
     * @param body the request; this method takes ownership (releases it)
     * @return supervisord's answer body, which the caller releases; or a {@link SupvisorsFault} {@code FAILED}
     *         when supervisord cannot be reached, closes the connection, or answers another HTTP status than 200
     */
    CompletionStage<ByteBuf> post(ByteBuf body) {
        CompletableFuture<ByteBuf> result = new CompletableFuture<>();
        if (closed) {
            body.release();
            result.completeExceptionally(new SupvisorsFault(Fault.FAILED, "agent stopping, not forwarding to "
                    + url));
            return result;
        }
        EventLoop loop = currentLoop();
        if (loop.inEventLoop()) {
            attempt(loop, body, result, true);
        } else {
            try {
                loop.execute(() -> attempt(loop, body, result, true));
            } catch (RejectedExecutionException e) {
                body.release();
                result.completeExceptionally(new SupvisorsFault(Fault.FAILED, "agent stopping, not forwarding to "
                        + url));
            }
        }
        return result;
    }

    /**
     * Calls a supervisord method with decoded parameters and decodes the answer.
     *
     * @return the result; a {@link RemoteFault} for supervisord's faults; a {@link SupvisorsFault} as for
     *         {@link #post}, or when the answer is not XML-RPC
     */
    CompletionStage<Object> call(String methodName, List<Object> params) {
        ByteBuf body = ByteBufUtil.writeUtf8(ByteBufAllocator.DEFAULT, XmlRpcWriter.call(methodName, params));
        return post(body).thenApply(answer -> {
            try (InputStream in = new ByteBufInputStream(answer, true)) {
                return XmlRpcReader.readResponse(in);
            } catch (XmlRpcFormatException e) {
                throw new SupvisorsFault(Fault.FAILED, "supervisord at " + url + " answered malformed XML-RPC: "
                        + e.getMessage());
            } catch (IOException e) {
                throw new SupvisorsFault(Fault.FAILED, "cannot read the answer of supervisord at " + url + ": "
                        + e.getMessage());
            }
        });
    }

    /** Closes the idle connections; later calls fail. The event loops are the owner's to shut down. */
    @Override
    public void close() {
        closed = true;
        idle.forEach((loop, channels) -> {
            try {
                loop.submit(() -> {
                    channels.forEach(Channel::close);
                    channels.clear();
                }).awaitUninterruptibly(1000);
            } catch (RejectedExecutionException e) {
                LOGGER.log(System.Logger.Level.DEBUG, "event loop already stopped; its connections to {0} close "
                        + "with it", url);
            }
        });
    }

    private EventLoop currentLoop() {
        for (EventExecutor executor : group) {
            if (executor.inEventLoop()) {
                return (EventLoop) executor;
            }
        }
        return group.next();
    }

    private void attempt(EventLoop loop, ByteBuf body, CompletableFuture<ByteBuf> result, boolean mayReuse) {
        Channel pooled = mayReuse ? pollIdle(loop) : null;
        if (pooled != null) {
            exchange(loop, pooled, body, result, true);
            return;
        }
        bootstrap.clone(loop).connect(address).addListener((ChannelFuture connect) -> {
            if (connect.isSuccess()) {
                exchange(loop, connect.channel(), body, result, false);
            } else {
                body.release();
                result.completeExceptionally(new SupvisorsFault(Fault.FAILED, "supervisord unreachable at " + url
                        + " (" + reason(connect.cause()) + ")"));
            }
        });
    }

    private void exchange(EventLoop loop, Channel channel, ByteBuf body, CompletableFuture<ByteBuf> result,
            boolean reused) {
        Exchange exchange = channel.pipeline().get(Exchange.class);
        exchange.expect((answer, failure) -> {
            if (answer != null) {
                body.release();
                complete(loop, channel, answer, result);
            } else if (reused && !exchange.answering && !closed) {
                LOGGER.log(System.Logger.Level.DEBUG, "reused connection to {0} failed before any answer ({1}); "
                        + "sending again on a new connection", url, reason(failure));
                attempt(loop, body, result, false);
            } else {
                body.release();
                result.completeExceptionally(failure instanceof SupvisorsFault ? failure
                        : new SupvisorsFault(Fault.FAILED, "supervisord at " + url + " failed: " + reason(failure)));
            }
        });
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/RPC2",
                body.retainedDuplicate());
        request.headers()
                .set(HttpHeaderNames.HOST, hostHeader)
                .set(HttpHeaderNames.CONTENT_TYPE, "text/xml")
                .set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        if (authorization != null) {
            request.headers().set(HttpHeaderNames.AUTHORIZATION, authorization);
        }
        channel.writeAndFlush(request).addListener((ChannelFuture write) -> {
            if (!write.isSuccess()) {
                exchange.fail(write.cause());
                write.channel().close();
            }
        });
    }

    private void complete(EventLoop loop, Channel channel, Answer answer, CompletableFuture<ByteBuf> result) {
        if (answer.keepAlive && !closed && channel.isActive()) {
            ArrayDeque<Channel> channels = idle.computeIfAbsent(loop, key -> new ArrayDeque<>());
            if (channels.size() < MAX_IDLE_PER_LOOP) {
                channels.addLast(channel);
            } else {
                channel.close();
            }
        } else {
            channel.close();
        }
        if (answer.status.code() == HttpResponseStatus.OK.code()) {
            result.complete(answer.body);
            return;
        }
        answer.body.release();
        String text = answer.status.code() == HttpResponseStatus.UNAUTHORIZED.code()
                ? "supervisord at " + url + " refused the agent's credentials (HTTP 401)"
                : "supervisord at " + url + " answered HTTP " + answer.status;
        result.completeExceptionally(new SupvisorsFault(Fault.FAILED, text));
    }

    private Channel pollIdle(EventLoop loop) {
        ArrayDeque<Channel> channels = idle.get(loop);
        Channel channel;
        while (channels != null && (channel = channels.pollLast()) != null) {
            if (channel.isActive()) {
                return channel;
            }
        }
        return null;
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage();
        if (message == null) {
            return cause.getClass().getSimpleName();
        }
        int address = message.indexOf(": /");
        return address > 0 ? message.substring(0, address) : message;
    }

    /** What supervisord answered: status, connection persistence, body (to be released). */
    private record Answer(HttpResponseStatus status, boolean keepAlive, ByteBuf body) {
    }

    /** The outcome of one exchange: an answer or a failure. */
    private interface Callback {
        void done(Answer answer, Throwable failure);
    }

    /**
     * The end of a client pipeline: aggregates one answer at a time (at most {@link #MAX_ANSWER_BYTES}) and hands
     * it to the callback of the request in flight. {@link #answering} tells whether any part of an answer came.
     */
    private final class Exchange extends ChannelInboundHandlerAdapter {
        private Callback callback;
        private boolean answering;
        private HttpResponse head;
        private CompositeByteBuf content;

        void expect(Callback callback) {
            this.callback = callback;
            this.answering = false;
        }

        void fail(Throwable failure) {
            Callback pending = callback;
            callback = null;
            release();
            if (pending != null) {
                pending.done(null, failure);
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (callback == null) {
                    LOGGER.log(System.Logger.Level.WARNING, "supervisord at {0} sent data while no request was in "
                            + "flight; closing that connection", url);
                    ctx.close();
                    return;
                }
                answering = true;
                if (msg instanceof HttpResponse response) {
                    if (!response.decoderResult().isSuccess()) {
                        fail(new SupvisorsFault(Fault.FAILED, "supervisord at " + url + " answered malformed HTTP: "
                                + reason(response.decoderResult().cause())));
                        ctx.close();
                        return;
                    }
                    head = response;
                    content = ctx.alloc().compositeBuffer(1024);
                }
                if (msg instanceof HttpContent chunk && content != null) {
                    if (content.readableBytes() + chunk.content().readableBytes() > MAX_ANSWER_BYTES) {
                        fail(new SupvisorsFault(Fault.FAILED, "supervisord at " + url + " answered more than "
                                + MAX_ANSWER_BYTES + " bytes"));
                        ctx.close();
                        return;
                    }
                    content.addComponent(true, chunk.content().retain());
                    if (msg instanceof LastHttpContent) {
                        Answer answer = new Answer(head.status(), HttpUtil.isKeepAlive(head), content);
                        Callback pending = callback;
                        callback = null;
                        head = null;
                        content = null;
                        pending.done(answer, null);
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (callback != null) {
                fail(new SupvisorsFault(Fault.FAILED, "supervisord at " + url
                        + " closed the connection before answering"));
            }
            ArrayDeque<Channel> channels = idle.get(ctx.channel().eventLoop());
            if (channels != null) {
                channels.remove(ctx.channel());
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (callback != null) {
                fail(cause);
            } else {
                LOGGER.log(System.Logger.Level.DEBUG, "idle connection to {0} failed: {1}", url, reason(cause));
            }
            ctx.close();
        }

        private void release() {
            if (content != null) {
                content.release();
                content = null;
            }
            head = null;
        }
    }
}
