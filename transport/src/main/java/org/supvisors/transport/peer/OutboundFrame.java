package org.supvisors.transport.peer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * A frame to send: its kind and its encoded body, which {@link PeerFrameEncoder} puts behind a header. The body may
 * be shared by the frames of one message to several peers (each holding a retained duplicate).
 */
final class OutboundFrame extends DefaultByteBufHolder {

    private final int kind;

    OutboundFrame(int kind, ByteBuf body) {
        super(body);
        this.kind = kind;
    }

    /** The frame of a wire value, encoded now. */
    static OutboundFrame of(int kind, Object value, ByteBufAllocator allocator) {
        return new OutboundFrame(kind, encode(value, allocator));
    }

    /**
     * The body of a wire value.
     *
     * @throws IllegalArgumentException for a value that has no wire form
     */
    static ByteBuf encode(Object value, ByteBufAllocator allocator) {
        ByteBuf body = allocator.buffer();
        try {
            WireValues.write(body, value);
            return body;
        } catch (RuntimeException e) {
            body.release();
            throw e;
        }
    }

    int kind() {
        return kind;
    }
}
