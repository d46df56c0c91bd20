package org.supvisors.transport.peer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.supvisors.core.peer.MalformedMessageException;
import org.supvisors.core.peer.PeerCodec;
import org.supvisors.core.peer.PeerMessage;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One end of a peer link: the handshake ({@link Handshake}), then the messages of the authenticated peer to the
 * transport. Before authentication, only the handshake frames in their order are accepted, within the handshake
 * timeout; anything else refuses the link. After it, a message whose body does not read (or that
 * {@link PeerCodec} refuses, or of a kind this version does not know) is dropped with a log line, and the link
 * stays; a broken stream ends it.
 *
 * <p>Each connection writes one log line when it ends: the refusal (naming the peer, by the identifier it claimed
 * or else its address, and the reason), or the loss of an authenticated link.
 */
final class PeerLinkHandler extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOGGER = System.getLogger(PeerLinkHandler.class.getName());

    private enum State { AWAIT_HELLO, CHECKING, AWAIT_PROOF, ESTABLISHED, ENDED }

    private final PeerTransport transport;
    private final Optional<String> dialled;
    private final PeerFrameDecoder decoder;
    private volatile ChannelHandlerContext ctx;
    private State state = State.AWAIT_HELLO;
    private boolean begun;
    private boolean established;
    private byte[] nonce;
    private Handshake.Hello peer;
    private Object pendingProof;
    private ScheduledFuture<?> deadline;
    private String endReason;
    private Level endLevel = Level.WARNING;

    /**
     * @param dialled the identifier of the instance dialled, or empty on the accepting side
     */
    PeerLinkHandler(PeerTransport transport, Optional<String> dialled) {
        this.transport = transport;
        this.dialled = dialled;
        this.decoder = new PeerFrameDecoder(transport.drops());
    }

    PeerFrameDecoder decoder() {
        return decoder;
    }

    /** The identifier of the authenticated peer. */
    String identifier() {
        return peer.identity().identifier();
    }

    Channel channel() {
        return ctx.channel();
    }

    /** Whether this link got authenticated (read on the channel's event loop). */
    boolean wasEstablished() {
        return established;
    }

    /** Ends the link, telling the other side why; from any thread. */
    void close(String reason) {
        if (ctx == null) {
            return;
        }
        Channel channel = ctx.channel();
        try {
            channel.eventLoop().execute(() -> end(Level.INFO, reason, true));
        } catch (RejectedExecutionException e) {
            channel.close();
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        if (context.channel().isActive()) {
            begin();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        begin();
        context.fireChannelActive();
    }

    private void begin() {
        if (begun) {
            return;
        }
        begun = true;
        Channel channel = ctx.channel();
        channel.remoteAddress(); // cached by the channel: log lines name it after the close too
        dialled.ifPresent(identifier -> LinkName.claim(channel, identifier));
        channel.config().setWriteBufferWaterMark(PeerTransport.WATER_MARK);
        transport.track(channel);
        nonce = Handshake.nonce(transport.random());
        if (dialled.isPresent()) {
            ctx.write(Unpooled.wrappedBuffer(PeerTransport.MAGIC));
        }
        ctx.writeAndFlush(OutboundFrame.of(Handshake.HELLO, transport.handshake().hello(transport.local(), nonce),
                ctx.alloc()));
        deadline = ctx.executor().schedule(() -> end(Level.WARNING, "no complete handshake within "
                + transport.settings().handshakeTimeout().toMillis() + " ms (step: " + state + ")", true),
                transport.settings().handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (state == State.ENDED) {
            return;
        }
        if (msg instanceof Inbound.BadStream) {
            end(Level.WARNING, ((Inbound.BadStream) msg).reason(), true);
        } else if (state == State.ESTABLISHED) {
            receive(msg);
        } else if (msg instanceof Inbound.BadBody) {
            Inbound.BadBody bad = (Inbound.BadBody) msg;
            end(Level.WARNING, "unreadable " + kindName(bad.kind()) + " frame: " + bad.reason(), true);
        } else {
            handshake((Inbound.Frame) msg);
        }
    }

    private void handshake(Inbound.Frame frame) {
        if (frame.kind() == Handshake.BYE) {
            end(Level.WARNING, "by the peer: " + Handshake.readBye(frame.body()), false);
            return;
        }
        boolean expected = state == State.AWAIT_HELLO ? frame.kind() == Handshake.HELLO
                : frame.kind() == Handshake.PROOF && pendingProof == null;
        if (!expected) {
            end(Level.WARNING, kindName(frame.kind()) + " frame before authentication (expected: "
                    + (state == State.AWAIT_HELLO ? "hello" : "proof") + ")", true);
            return;
        }
        try {
            if (state == State.AWAIT_HELLO) {
                onHello(Handshake.Hello.read(frame.body()));
            } else if (state == State.CHECKING) {
                pendingProof = frame.body();
            } else {
                onProof(Handshake.readProof(frame.body()));
            }
        } catch (IllegalArgumentException e) {
            end(Level.WARNING, e.getMessage(), true);
        }
    }

    private void onHello(Handshake.Hello hello) {
        peer = hello;
        LinkName.claim(ctx.channel(), hello.identity().identifier());
        Optional<String> refusal = refusal(hello);
        if (refusal.isPresent()) {
            end(Level.WARNING, refusal.get(), true);
        } else if (dialled.isPresent()) {
            sendProof();
            state = State.AWAIT_PROOF;
        } else {
            state = State.CHECKING;
            checkAddress(hello.identity().hostId());
        }
    }

    /** Why the identity claimed in a hello is refused, if it is (the address is checked later, off the loop). */
    private Optional<String> refusal(Handshake.Hello hello) {
        String claimed = hello.identity().identifier();
        String local = transport.local().identifier();
        if (claimed.equals(local)) {
            return Optional.of("claims the local identifier " + local);
        }
        if (dialled.isPresent() && !claimed.equals(dialled.get())) {
            return Optional.of("answers as " + claimed + " (expected: " + dialled.get() + ", the instance dialled)");
        }
        if (dialled.isEmpty() && claimed.compareTo(local) > 0) {
            return Optional.of("dials although its identifier sorts after " + local
                    + " (expected: the smaller identifier dials)");
        }
        if (hello.credentials() != transport.handshake().hasCredentials()) {
            return Optional.of((hello.credentials() ? "credentials are configured on its side, not here"
                    : "no credentials are configured on its side, some are here")
                    + " (expected: the same credentials on every instance)");
        }
        if (!transport.isListed(claimed)) {
            return Optional.of("not in the directory of " + local + " (expected: a known, non-isolated instance)");
        }
        return gate(hello);
    }

    private Optional<String> gate(Handshake.Hello hello) {
        try {
            return transport.gate().refusal(hello.identity());
        } catch (RuntimeException e) {
            LOGGER.log(Level.DEBUG, "peer gate failed", e);
            return Optional.of("the gate failed: " + e);
        }
    }

    private void checkAddress(String host) {
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        try {
            CompletableFuture.supplyAsync(() -> AddressCheck.mismatch(host, remote.getAddress()), transport.resolver())
                    .whenComplete((mismatch, failure) -> {
                        try {
                            ctx.executor().execute(() -> addressChecked(mismatch, failure));
                        } catch (RejectedExecutionException e) {
                            ctx.channel().close();
                        }
                    });
        } catch (RejectedExecutionException e) {
            end(Level.INFO, "the peer transport is closed", true);
        }
    }

    private void addressChecked(Optional<String> mismatch, Throwable failure) {
        if (state != State.CHECKING) {
            return;
        }
        if (failure != null) {
            end(Level.WARNING, "address check failed: " + failure, true);
        } else if (mismatch.isPresent()) {
            end(Level.WARNING, mismatch.get(), true);
        } else {
            state = State.AWAIT_PROOF;
            if (pendingProof != null) {
                try {
                    onProof(Handshake.readProof(pendingProof));
                } catch (IllegalArgumentException e) {
                    end(Level.WARNING, e.getMessage(), true);
                }
            }
        }
    }

    private void onProof(byte[] proof) {
        String local = transport.local().identifier();
        if (!transport.handshake().verify(proof, identifier(), peer.nonce(), local, nonce)) {
            end(Level.WARNING, transport.handshake().hasCredentials() ? "wrong credentials: its proof does not match"
                    + " (expected: the same user name and password on every instance)"
                    : "its proof does not match (expected: an HMAC of the identifiers and nonces)", true);
            return;
        }
        if (dialled.isEmpty()) {
            sendProof();
        }
        state = State.ESTABLISHED;
        established = true;
        deadline.cancel(false);
        decoder.authenticated();
        LOGGER.log(Level.INFO, "peer link with {0} established ({1})", LinkName.of(ctx.channel()),
                dialled.isPresent() ? "dialled" : "accepted");
        transport.established(this);
    }

    private void sendProof() {
        byte[] proof = transport.handshake().proof(transport.local().identifier(), nonce, identifier(), peer.nonce());
        ctx.writeAndFlush(OutboundFrame.of(Handshake.PROOF, Handshake.proofBody(proof), ctx.alloc()));
    }

    private void receive(Object msg) {
        if (msg instanceof Inbound.BadBody) {
            Inbound.BadBody bad = (Inbound.BadBody) msg;
            dropped(bad.kind(), kindName(bad.kind()) + " body does not read: " + bad.reason());
            return;
        }
        Inbound.Frame frame = (Inbound.Frame) msg;
        PeerMessage.Kind kind = PeerMessage.Kind.fromCode(frame.kind());
        if (kind != null) {
            try {
                transport.deliver(this, PeerCodec.decode(kind, frame.body(), peer.identity()));
            } catch (MalformedMessageException e) {
                dropped(frame.kind(), e.getMessage());
            }
        } else if (frame.kind() == Handshake.BYE) {
            end(Level.INFO, "closed by the peer: " + Handshake.readBye(frame.body()), false);
        } else {
            dropped(frame.kind(), kindName(frame.kind()) + " frame after authentication (expected: a message kind, 1 to "
                    + PeerMessage.Kind.values().length + ")");
        }
    }

    /** Logs a message dropped, once a minute at most per peer and kind. */
    private void dropped(int kind, String reason) {
        String name = LinkName.of(ctx.channel());
        transport.drops().log(Level.WARNING, "received " + identifier() + " " + kind, "peer message from " + name
                + " dropped: " + reason);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof IOException) {
            end(Level.WARNING, "connection error: " + cause.getMessage(), false);
        } else {
            LOGGER.log(Level.DEBUG, "peer link " + LinkName.of(context.channel()) + " failed", cause);
            end(Level.WARNING, "unexpected " + cause, false);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (established) {
            String reason = endReason != null ? endReason : "connection closed by the peer";
            LOGGER.log(endReason != null ? endLevel : Level.WARNING, "peer link with {0} lost: {1}",
                    LinkName.of(context.channel()), reason);
            state = State.ENDED;
            transport.lost(this, reason);
        } else if (begun && state != State.ENDED) {
            end(Level.WARNING, "connection closed during the handshake (step: " + state + ")", false);
        }
        context.fireChannelInactive();
    }

    /**
     * Ends the link once: a link not yet authenticated is refused with a log line; an authenticated one is logged
     * as lost when its channel closes. Tells the other side why when {@code bye}.
     */
    private void end(Level level, String reason, boolean bye) {
        if (state == State.ENDED) {
            return;
        }
        state = State.ENDED;
        endReason = reason;
        endLevel = level;
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (!established) {
            String name = LinkName.of(ctx.channel());
            transport.refusals().log(level, refusalKey() + reason, "peer link " + (dialled.isPresent() ? "to " : "from ")
                    + name + " refused: " + reason);
        }
        Channel channel = ctx.channel();
        if (bye && channel.isActive()) {
            ctx.writeAndFlush(OutboundFrame.of(Handshake.BYE, Handshake.byeBody(reason), ctx.alloc()));
        }
        ctx.close();
    }

    private String refusalKey() {
        if (peer != null) {
            return identifier() + " ";
        }
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        return (remote == null ? "?" : remote.getHostString()) + " ";
    }

    private static String kindName(int kind) {
        PeerMessage.Kind known = PeerMessage.Kind.fromCode(kind);
        if (known != null) {
            return known.name();
        }
        switch (kind) {
            case Handshake.HELLO:
                return "hello";
            case Handshake.PROOF:
                return "proof";
            case Handshake.BYE:
                return "bye";
            default:
                return "kind " + kind;
        }
    }
}
