package org.supvisors.transport.xmlrpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The agent's HTTP port: one URL ({@code http://host:port/RPC2}) serves the local XML-RPC methods of an
 * {@link RpcRegistry} and forwards {@code supervisor.*} and {@code system.*} to supervisord, so that Supervisor's
 * clients work unchanged. Other paths can be served by {@link #route routes}.
 *
 * <p>HTTP/1.1 with keep-alive and TCP_NODELAY; every answer leaves in one write with its
 * {@code Content-Length}. One group of {@link XmlRpcServerConfig#ioThreads()} event loop threads accepts,
 * serves and forwards; other components may use it too ({@link #eventLoops()}). Other {@link #protocol protocols}
 * can share the port: the first bytes of a connection tell them apart from HTTP.
 *
 * <pre>
 * RpcRegistry registry = new RpcRegistry().register(getApiVersion);
 * try (XmlRpcServer server = new XmlRpcServer(XmlRpcServerConfig.of(listen, supervisord), registry).start()) {
 *     ... server.localAddress() ...
 * }
 * </pre>
 */
public final class XmlRpcServer implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(XmlRpcServer.class.getName());

    private enum State { NEW, STARTED, CLOSED }

    private final XmlRpcServerConfig config;
    private final RpcRegistry registry;
    private final Map<String, HttpRoute> routes = new LinkedHashMap<>();
    private final List<PortProtocol> protocols = new ArrayList<>();
    private State state = State.NEW;
    private EventLoopGroup group;
    private SupervisordForwarder forwarder;
    private Channel serverChannel;

    public XmlRpcServer(XmlRpcServerConfig config, RpcRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /**
     * Serves {@code path} with {@code route}: an exact path, or every path below it when it ends with {@code /}.
     *
     * @throws IllegalStateException once started
     * @throws IllegalArgumentException for {@code /RPC2}, a path already routed or one not starting with {@code /}
     */
    public synchronized XmlRpcServer route(String path, HttpRoute route) {
        if (state != State.NEW) {
            throw new IllegalStateException("route " + path + ": the server is " + state
                    + " (expected: routes added before start)");
        }
        if (!path.startsWith("/") || path.equals(XmlRpcRoute.PATH) || routes.containsKey(path)) {
            throw new IllegalArgumentException("route path: " + path
                    + " (expected: starting with '/', not /RPC2, not routed yet)");
        }
        routes.put(path, route);
        return this;
    }

    /**
     * Serves {@code protocol} on the same port: connections starting with its magic are handed to it.
     *
     * @throws IllegalStateException once started
     * @throws IllegalArgumentException for a magic shorter than 4 bytes or sharing its first 4 bytes with another's
     */
    public synchronized XmlRpcServer protocol(PortProtocol protocol) {
        if (state != State.NEW) {
            throw new IllegalStateException("protocol: the server is " + state
                    + " (expected: protocols added before start)");
        }
        byte[] magic = protocol.magic();
        if (magic.length < 4) {
            throw new IllegalArgumentException("protocol magic: " + magic.length + " bytes (expected: at least 4)");
        }
        for (PortProtocol other : protocols) {
            if (Arrays.equals(other.magic(), 0, 4, magic, 0, 4)) {
                throw new IllegalArgumentException("protocol magic: "
                        + new String(magic, 0, 4, StandardCharsets.ISO_8859_1)
                        + " (expected: not the start of another protocol's magic)");
            }
        }
        protocols.add(protocol);
        return this;
    }

    /**
     * Listens. Returns when the port is bound.
     *
     * @throws IllegalStateException when started twice or after close
     * @throws UncheckedIOException when the address cannot be bound
     */
    public synchronized XmlRpcServer start() {
        if (state != State.NEW) {
            throw new IllegalStateException("XML-RPC server: already " + state + " (expected: started once)");
        }
        state = State.STARTED;
        group = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("supvisors-http"),
                NioIoHandler.newFactory());
        forwarder = new SupervisordForwarder(group, config.supervisord());
        Map<String, HttpRoute> all = new LinkedHashMap<>(routes);
        all.put(XmlRpcRoute.PATH, new XmlRpcRoute(new RpcDispatcher(registry, forwarder)));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new HttpServerInitializer(config, new HttpRoutes(all), protocols));
        String host = config.listen().host();
        InetSocketAddress address = host.isEmpty() || host.equals("*") ? new InetSocketAddress(config.listen().port())
                : new InetSocketAddress(host, config.listen().port());
        ChannelFuture bind = bootstrap.bind(address).awaitUninterruptibly();
        if (!bind.isSuccess()) {
            close();
            String where = (host.isEmpty() ? "*" : host) + ":" + config.listen().port();
            Throwable cause = bind.cause();
            throw new UncheckedIOException("XML-RPC server: cannot listen on " + where + " (" + cause.getMessage()
                    + ")", cause instanceof IOException io ? io : new IOException(cause));
        }
        serverChannel = bind.channel();
        LOGGER.log(System.Logger.Level.INFO, "XML-RPC server listening on {0}, forwarding to supervisord at {1}",
                serverChannel.localAddress(), forwarder.url());
        return this;
    }

    /** The bound address (with the actual port when 0 was configured). */
    public synchronized InetSocketAddress localAddress() {
        if (serverChannel == null) {
            throw new IllegalStateException("XML-RPC server: " + state + " (expected: started)");
        }
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /**
     * The event loops of the server, to share with other network components (which must not shut them down).
     * They are shut down by {@link #close()}.
     *
     * @throws IllegalStateException before start
     */
    public synchronized EventLoopGroup eventLoops() {
        if (group == null) {
            throw new IllegalStateException("XML-RPC server: " + state + " (expected: started)");
        }
        return group;
    }

    /** Stops listening, closes every connection and the event loops. Idempotent. */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
        if (forwarder != null) {
            forwarder.close();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
