package org.supvisors.transport.peer;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.supvisors.core.effect.PeerDirectory.PeerEndpoint;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.core.peer.PeerCodec;
import org.supvisors.core.peer.PeerMessage;
import org.supvisors.transport.xmlrpc.PortProtocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The links of the local agent with the other agents: one TCP connection per pair of instances, on the agent port
 * (supervisord's HTTP port + {@code agent_port_offset}), shared with HTTP by port unification. The instance whose
 * identifier sorts first dials, the other accepts; the link carries messages both ways once both sides are
 * authenticated ({@link Handshake}). Frames are described in {@link PeerFrameDecoder}.
 *
 * <pre>
 * PeerTransport peers = new PeerTransport(PeerSettings.of(local, offset, supervisordHttp), listener, gate);
 * XmlRpcServer server = new XmlRpcServer(config, registry).protocol(peers.protocol()).start();
 * peers.start(server.eventLoops());
 * peers.directory(endpoints);                    // on every PeerDirectory effect
 * peers.send(identifiers, message);              // on every SendToPeers effect
 * ...
 * peers.close();                                 // before server.close()
 * </pre>
 *
 * <p>Thread-safe; no method blocks but {@link #close()}. The listener is called on event loop threads.
 */
public final class PeerTransport implements AutoCloseable {

    /** The first bytes a dialling agent sends, which tell a peer link from HTTP on the agent port. */
    static final byte[] MAGIC = "SVPR".getBytes(StandardCharsets.US_ASCII);
    /** Messages to a peer are dropped while more than the high mark (2 MiB) waits to be written to it. */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(512 << 10, 2 << 20);

    private static final System.Logger LOGGER = System.getLogger(PeerTransport.class.getName());

    private final PeerSettings settings;
    private final PeerListener listener;
    private final PeerGate gate;
    private final Handshake handshake;
    private final SecureRandom random = new SecureRandom();
    private final ThreadPoolExecutor resolver;
    private final RateLimitedLog refusals = new RateLimitedLog(System.getLogger(PeerLinkHandler.class.getName()));
    private final RateLimitedLog drops = new RateLimitedLog(LOGGER);
    private final Map<String, PeerLinkHandler> links = new ConcurrentHashMap<>();
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final Object lock = new Object();
    private volatile Set<String> listed = Set.of();
    // guarded by lock
    private final Map<String, Dialer> dialers = new HashMap<>();
    private List<PeerEndpoint> endpoints = List.of();
    private EventLoopGroup loops;
    private boolean closed;

    /**
     * @param listener told of links and messages, on event loop threads
     * @param gate asked whether an identity claimed by the other side may link (e.g. {@link PeerGate#OPEN})
     */
    public PeerTransport(PeerSettings settings, PeerListener listener, PeerGate gate) {
        this.settings = settings;
        this.listener = listener;
        this.gate = gate;
        this.handshake = new Handshake(settings.username(), settings.password());
        this.resolver = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new DefaultThreadFactory("supvisors-peer-resolver", true));
    }

    /** What to give to {@code XmlRpcServer.protocol} before it starts, to accept links on the agent port. */
    public PortProtocol protocol() {
        return new PortProtocol() {
            @Override
            public byte[] magic() {
                return MAGIC.clone();
            }

            @Override
            public void initChannel(Channel channel) {
                channel.pipeline().addLast(new PeerChannelInitializer(new PeerLinkHandler(PeerTransport.this,
                        Optional.empty())));
            }
        };
    }

    /**
     * Starts dialling, on these event loops (those of the agent's server; they stay the owner's to shut down).
     *
     * @throws IllegalStateException when started twice
     */
    public void start(EventLoopGroup eventLoops) {
        synchronized (lock) {
            if (loops != null) {
                throw new IllegalStateException("peer transport: already started (expected: started once)");
            }
            loops = eventLoops;
            if (!closed) {
                updateDialers();
            }
        }
    }

    /**
     * The instances to keep a link with (the local one is ignored): dials those whose identifier sorts after the
     * local one, accepts links only from those listed, and closes the links with instances no longer listed.
     */
    public void directory(List<PeerEndpoint> peers) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            Map<String, PeerEndpoint> byIdentifier = new LinkedHashMap<>();
            for (PeerEndpoint peer : peers) {
                if (!peer.identifier().equals(local().identifier())) {
                    byIdentifier.put(peer.identifier(), peer);
                }
            }
            endpoints = List.copyOf(byIdentifier.values());
            listed = Set.copyOf(byIdentifier.keySet());
            for (String identifier : new ArrayList<>(links.keySet())) {
                if (!listed.contains(identifier)) {
                    closeLink(identifier, "no longer in the directory");
                }
            }
            if (loops != null) {
                updateDialers();
            }
        }
    }

    private void updateDialers() {
        Map<String, PeerEndpoint> wanted = new LinkedHashMap<>();
        for (PeerEndpoint peer : endpoints) {
            if (peer.identifier().compareTo(local().identifier()) > 0) {
                wanted.put(peer.identifier(), peer);
            }
        }
        dialers.entrySet().removeIf(entry -> {
            if (entry.getValue().endpoint().equals(wanted.get(entry.getKey()))) {
                return false;
            }
            entry.getValue().stop("no longer in the directory");
            return true;
        });
        for (PeerEndpoint peer : wanted.values()) {
            if (dialers.containsKey(peer.identifier())) {
                continue;
            }
            int port = peer.httpPort() + settings.agentPortOffset();
            if (port < 1 || port > 65535) {
                LOGGER.log(Level.WARNING, "peer {0} not dialled: agent port {1} + {2} = {3} (expected: 1 to 65535)",
                        peer.identifier(), String.valueOf(peer.httpPort()), String.valueOf(settings.agentPortOffset()),
                        String.valueOf(port));
                continue;
            }
            Dialer dialer = new Dialer(this, peer, port, loops.next());
            dialers.put(peer.identifier(), dialer);
            dialer.start();
        }
    }

    /**
     * Sends {@code message} to each instance over its link, without waiting. A link that is absent, not yet
     * authenticated, or too far behind (more than 2 MiB waiting) drops the message: it is counted
     * ({@link #droppedMessages()}) and logged (once a minute per peer at most).
     */
    public void send(List<String> identifiers, PeerMessage message) {
        Map<String, Channel> targets = new LinkedHashMap<>();
        for (String identifier : identifiers) {
            PeerLinkHandler link = links.get(identifier);
            if (link == null) {
                drop(identifier, message, "no authenticated link", Level.DEBUG);
            } else if (!link.channel().isWritable()) {
                drop(identifier, message, "more than " + WATER_MARK.high() + " bytes wait to be written to it (the"
                        + " peer reads too slowly, or the network is down)", Level.WARNING);
            } else {
                targets.put(identifier, link.channel());
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        ByteBuf body;
        try {
            body = OutboundFrame.encode(PeerCodec.encode(message), ByteBufAllocator.DEFAULT);
        } catch (IllegalArgumentException e) {
            targets.keySet().forEach(identifier -> drop(identifier, message, "no wire form: " + e.getMessage(),
                    Level.WARNING));
            return;
        }
        try {
            if (body.readableBytes() + PeerFrameDecoder.HEADER > PeerFrameDecoder.MAX_LENGTH) {
                targets.keySet().forEach(identifier -> drop(identifier, message, "its body of "
                        + body.readableBytes() + " bytes exceeds the frame limit (expected: at most "
                        + (PeerFrameDecoder.MAX_LENGTH - PeerFrameDecoder.HEADER) + ")", Level.WARNING));
                return;
            }
            targets.forEach((identifier, channel) -> channel.writeAndFlush(new OutboundFrame(message.kind().code(),
                    body.retainedDuplicate())).addListener(written -> {
                        if (!written.isSuccess()) {
                            drop(identifier, message, "write failed: " + written.cause().getMessage(), Level.DEBUG);
                        }
                    }));
        } finally {
            body.release();
        }
    }

    private void drop(String identifier, PeerMessage message, String reason, Level level) {
        dropped.incrementAndGet();
        drops.log(level, "send " + identifier + " " + level, message.kind() + " message to peer " + identifier
                + " dropped: " + reason);
    }

    /** Closes the link with this instance, if any (it is dialled again if it sorts after the local one). */
    public void disconnect(String identifier, String reason) {
        synchronized (lock) {
            closeLink(identifier, reason);
        }
    }

    private void closeLink(String identifier, String reason) {
        PeerLinkHandler link = links.remove(identifier);
        if (link != null) {
            listener.onLost(identifier, reason);
            link.close(reason);
        }
    }

    /** The instances with an authenticated link. */
    public Set<String> connected() {
        return Set.copyOf(links.keySet());
    }

    /** How many messages {@link #send} dropped so far. */
    public long droppedMessages() {
        return dropped.get();
    }

    /** Closes every link (telling the peers), stops dialling. Waits up to 2 s for the connections to close. */
    @Override
    public void close() {
        List<Channel> open;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            dialers.values().forEach(dialer -> dialer.stop("the peer transport closes"));
            dialers.clear();
            for (String identifier : new ArrayList<>(links.keySet())) {
                closeLink(identifier, "the peer transport closes");
            }
            open = new ArrayList<>(channels);
        }
        for (Channel channel : open) {
            PeerLinkHandler link = channel.pipeline().get(PeerLinkHandler.class);
            if (link != null) {
                link.close("the peer transport closes");
            } else {
                channel.close();
            }
        }
        for (Channel channel : open) {
            channel.closeFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        resolver.shutdownNow();
    }

    // What the links need, on their event loops.

    PeerSettings settings() {
        return settings;
    }

    InstanceIdentity local() {
        return settings.local();
    }

    Handshake handshake() {
        return handshake;
    }

    PeerGate gate() {
        return gate;
    }

    SecureRandom random() {
        return random;
    }

    Executor resolver() {
        return resolver;
    }

    RateLimitedLog refusals() {
        return refusals;
    }

    RateLimitedLog drops() {
        return drops;
    }

    boolean isListed(String identifier) {
        return listed.contains(identifier);
    }

    void track(Channel channel) {
        channels.add(channel);
        channel.closeFuture().addListener(closed -> channels.remove(channel));
    }

    /** A link is authenticated: it replaces an older one with the same instance. */
    void established(PeerLinkHandler link) {
        String identifier = link.identifier();
        synchronized (lock) {
            if (closed || !listed.contains(identifier)) {
                link.close(closed ? "the peer transport closes" : "no longer in the directory");
                return;
            }
            PeerLinkHandler old = links.put(identifier, link);
            if (old != null) {
                listener.onLost(identifier, "replaced by a new link (the peer restarted)");
                old.close("replaced by a new link");
            }
            listener.onConnected(identifier);
        }
    }

    /** An authenticated link ended. */
    void lost(PeerLinkHandler link, String reason) {
        synchronized (lock) {
            if (links.remove(link.identifier(), link)) {
                listener.onLost(link.identifier(), reason);
            }
        }
    }

    /** A message of an authenticated link, delivered while it is the current link of its instance. */
    void deliver(PeerLinkHandler link, PeerMessage message) {
        synchronized (lock) {
            if (links.get(link.identifier()) == link) {
                listener.onMessage(link.identifier(), message);
            }
        }
    }
}
