package org.supvisors.transport.peer;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToMessageEncoder;

/**
 * {@link OutboundFrame}s to bytes, in the layout of {@link PeerFrameDecoder}: puts the header (length, version,
 * kind, sequence) before the body without copying it, one buffer per frame. Sequence numbers are given here, on the
 * event loop, so that they follow the order of the bytes on the wire. Raw {@code ByteBuf}s (the magic) pass as they
 * are.
 */
final class PeerFrameEncoder extends MessageToMessageEncoder<OutboundFrame> {

    private long nextSequence;

    PeerFrameEncoder() {
        super(OutboundFrame.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, OutboundFrame frame, List<Object> out) {
        ByteBuf body = frame.content();
        int length = PeerFrameDecoder.HEADER + body.readableBytes();
        if (body.readableBytes() < 1 || length > PeerFrameDecoder.MAX_LENGTH) {
            throw new EncoderException("peer frame length: " + length + " (expected: "
                    + PeerFrameDecoder.MIN_LENGTH + " to " + PeerFrameDecoder.MAX_LENGTH + ")");
        }
        ByteBuf header = ctx.alloc().buffer(PeerFrameDecoder.LENGTH_FIELD + PeerFrameDecoder.HEADER);
        header.writeInt(length);
        header.writeByte(PeerFrameDecoder.VERSION);
        header.writeByte(frame.kind());
        header.writeLong(nextSequence++);
        CompositeByteBuf whole = ctx.alloc().compositeBuffer(2);
        whole.addComponents(true, header, body.retain());
        out.add(whole);
    }
}
