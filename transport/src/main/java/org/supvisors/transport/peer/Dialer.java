package org.supvisors.transport.peer;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.supvisors.core.effect.PeerDirectory.PeerEndpoint;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Keeps one link to a peer with a larger identifier: dials its agent port, and dials again whenever the connection
 * fails or ends, after a delay doubling from {@value #FIRST_DELAY_MILLIS} ms to {@value #MAX_DELAY_MILLIS} ms
 * (back to the first after an authenticated link), until stopped. Everything runs on one event loop; the host is
 * resolved on the transport's resolver thread.
 */
final class Dialer {

    static final long FIRST_DELAY_MILLIS = 100;
    static final long MAX_DELAY_MILLIS = 2000;
    private static final int CONNECT_TIMEOUT_MILLIS = 3000;

    private static final System.Logger LOGGER = System.getLogger(Dialer.class.getName());

    private final PeerTransport transport;
    private final PeerEndpoint endpoint;
    private final int port;
    private final EventLoop loop;
    private long delayMillis = FIRST_DELAY_MILLIS;
    private boolean stopped;
    private boolean unreachableLogged;
    private Channel channel;
    private PeerLinkHandler link;
    private ScheduledFuture<?> retry;

    Dialer(PeerTransport transport, PeerEndpoint endpoint, int port, EventLoop loop) {
        this.transport = transport;
        this.endpoint = endpoint;
        this.port = port;
        this.loop = loop;
    }

    PeerEndpoint endpoint() {
        return endpoint;
    }

    void start() {
        execute(this::resolve);
    }

    /** Stops dialling, and ends a connection still in its handshake (an authenticated link is closed by its owner). */
    void stop(String reason) {
        execute(() -> {
            stopped = true;
            if (retry != null) {
                retry.cancel(false);
            }
            if (link != null && !link.wasEstablished()) {
                link.close(reason);
            }
        });
    }

    private void execute(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            LOGGER.log(Level.DEBUG, "peer dialler of {0}: event loop shut down", endpoint.identifier());
        }
    }

    private void resolve() {
        retry = null;
        if (stopped) {
            return;
        }
        try {
            transport.resolver().execute(() -> {
                try {
                    InetAddress address = InetAddress.getByName(endpoint.host());
                    execute(() -> connect(address));
                } catch (UnknownHostException e) {
                    execute(() -> {
                        unreachable("host " + endpoint.host() + " does not resolve");
                        again();
                    });
                }
            });
        } catch (RejectedExecutionException e) {
            stopped = true;
        }
    }

    private void connect(InetAddress address) {
        if (stopped) {
            return;
        }
        link = new PeerLinkHandler(transport, Optional.of(endpoint.identifier()));
        PeerLinkHandler attempt = link;
        ChannelFuture connect = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, PeerTransport.WATER_MARK)
                .handler(new PeerChannelInitializer(attempt))
                .connect(new InetSocketAddress(address, port));
        channel = connect.channel();
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                unreachable(done.cause().getMessage());
                connect.channel().close();
            }
        });
        channel.closeFuture().addListener(closed -> ended(attempt));
    }

    private void ended(PeerLinkHandler attempt) {
        if (attempt != link) {
            return;
        }
        channel = null;
        link = null;
        if (attempt.wasEstablished()) {
            delayMillis = FIRST_DELAY_MILLIS;
            unreachableLogged = false;
        }
        again();
    }

    private void again() {
        if (stopped) {
            return;
        }
        try {
            retry = loop.schedule(this::resolve, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            stopped = true;
            return;
        }
        delayMillis = Math.min(delayMillis * 2, MAX_DELAY_MILLIS);
    }

    /** The first failure of a series at INFO, the next ones at DEBUG. */
    private void unreachable(String reason) {
        Level level = unreachableLogged ? Level.DEBUG : Level.INFO;
        unreachableLogged = true;
        LOGGER.log(level, "peer {0} not reached at {1}:{2}: {3}; dialling again every {4} ms at most",
                endpoint.identifier(), endpoint.host(), String.valueOf(port), reason, String.valueOf(MAX_DELAY_MILLIS));
    }
}
