package org.supvisors.transport.peer;

import java.lang.System.Logger.Level;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * Bytes to {@link Inbound}s: the frames of a peer link. The dialling side first sends the 4 bytes
 * {@link PeerTransport#MAGIC} ({@code SVPR}, consumed by the port unification of the accepting side); then both
 * directions are a sequence of frames:
 * <pre>
 * +------------+---------+--------+---------------+-------------------------+
 * | Length     | Version | Kind   | Sequence      | Body                    |
 * | 4 bytes    | 1 byte  | 1 byte | 8 bytes       | Length - 10 bytes       |
 * | 0x0000002F | 0x01    | 0x01   | 0x00...0x07   | tagged value (37 bytes) |
 * +------------+---------+--------+---------------+-------------------------+
 * </pre>
 * <ul>
 * <li><b>Length</b>: unsigned big-endian, the bytes that follow it: from {@value #MIN_LENGTH} to
 *     {@value #MAX_LENGTH} (16 MiB) once authenticated, to {@value #HANDSHAKE_MAX_LENGTH} before. A length out of
 *     bounds ends the stream before the body is read.</li>
 * <li><b>Version</b>: {@value #VERSION}. Another one ends the stream.</li>
 * <li><b>Kind</b>: a {@link org.supvisors.core.peer.PeerMessage.Kind} code, or a handshake code of
 *     {@link Handshake} (0x40 hello, 0x41 proof, 0x42 bye). Unknown kinds are passed on.</li>
 * <li><b>Sequence</b>: signed big-endian, 0 for the first frame in each direction, then +1 per frame. A frame
 *     whose sequence is below the next expected one (replayed, duplicated) is dropped with a log line; one above
 *     it (frames missing, which TCP cannot do) ends the stream.</li>
 * <li><b>Body</b>: exactly one value, as {@link WireValues} writes it. A body that does not read is reported as
 *     {@link Inbound.BadBody}, and the next frame is read as usual.</li>
 * </ul>
 * After the stream ends ({@link Inbound.BadStream}), every byte is discarded.
 */
final class PeerFrameDecoder extends ByteToMessageDecoder {

    static final int VERSION = 1;
    /** Bytes of the length field. */
    static final int LENGTH_FIELD = 4;
    /** Bytes after the length field and before the body: version, kind, sequence. */
    static final int HEADER = 10;
    /** The smallest length: a header and a one-byte body. */
    static final int MIN_LENGTH = HEADER + 1;
    /** The largest length once authenticated, 16 MiB. */
    static final int MAX_LENGTH = 16 << 20;
    /** The largest length before authentication: handshake frames are about 300 bytes. */
    static final int HANDSHAKE_MAX_LENGTH = 4096;

    private enum State { READ_HEADER, READ_BODY, BAD_STREAM }

    private final RateLimitedLog drops;
    private State state = State.READ_HEADER;
    private int maxLength = HANDSHAKE_MAX_LENGTH;
    private long nextSequence;
    private int length;
    private int kind;
    private long sequence;

    /** @param drops where to log the frames dropped */
    PeerFrameDecoder(RateLimitedLog drops) {
        this.drops = drops;
    }

    /** Accepts frames up to {@value #MAX_LENGTH}: the other end is authenticated. */
    void authenticated() {
        maxLength = MAX_LENGTH;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case READ_HEADER:
                if (in.readableBytes() < LENGTH_FIELD) {
                    return;
                }
                long announced = in.getUnsignedInt(in.readerIndex());
                if (announced < MIN_LENGTH || announced > maxLength) {
                    fail(in, out, "frame length: " + announced + " (expected: " + MIN_LENGTH + " to " + maxLength
                            + (maxLength == HANDSHAKE_MAX_LENGTH ? " before authentication)" : ")"));
                    return;
                }
                if (in.readableBytes() < LENGTH_FIELD + HEADER) {
                    return;
                }
                in.skipBytes(LENGTH_FIELD);
                length = (int) announced;
                int version = in.readUnsignedByte();
                kind = in.readUnsignedByte();
                sequence = in.readLong();
                if (version != VERSION) {
                    fail(in, out, "protocol version: " + version + " (expected: " + VERSION + ")");
                    return;
                }
                state = State.READ_BODY;
                // fall through
            case READ_BODY:
                int bodyLength = length - HEADER;
                if (in.readableBytes() < bodyLength) {
                    return;
                }
                ByteBuf body = in.readSlice(bodyLength);
                state = State.READ_HEADER;
                if (sequence < nextSequence) {
                    String peer = LinkName.of(ctx.channel());
                    drops.log(Level.WARNING, "replay " + peer, "peer frame from " + peer + " dropped: sequence "
                            + sequence + " replayed or duplicated (expected: " + nextSequence + ")");
                    return;
                }
                if (sequence > nextSequence) {
                    fail(in, out, "sequence: " + sequence + " (expected: " + nextSequence + "): frames are missing");
                    return;
                }
                nextSequence++;
                try {
                    out.add(new Inbound.Frame(kind, sequence, WireValues.read(body)));
                } catch (WireValues.MalformedBodyException e) {
                    out.add(new Inbound.BadBody(kind, sequence, e.getMessage()));
                }
                return;
            case BAD_STREAM:
                in.skipBytes(in.readableBytes());
                return;
            default:
                throw new IllegalStateException("peer frame decoder state: " + state);
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        decode(ctx, in, out);
        if (state == State.READ_BODY) {
            out.add(new Inbound.BadStream("truncated frame: the connection closed after " + in.readableBytes()
                    + " of the " + (length - HEADER) + " bytes of a body"));
        } else if (state == State.READ_HEADER && in.isReadable()) {
            out.add(new Inbound.BadStream("truncated frame: the connection closed after " + in.readableBytes()
                    + " bytes of a frame header"));
        }
        in.skipBytes(in.readableBytes());
    }

    private void fail(ByteBuf in, List<Object> out, String reason) {
        state = State.BAD_STREAM;
        in.skipBytes(in.readableBytes());
        out.add(new Inbound.BadStream(reason));
    }
}
