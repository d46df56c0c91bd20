package org.supvisors.transport.peer;

import java.io.ByteArrayOutputStream;

import org.supvisors.core.peer.PeerCodec;
import org.supvisors.core.peer.PeerMessage;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Frames written by hand, byte by byte, for the tests that send what a correct encoder never would. */
final class Frames {

    private Frames() {
    }

    /** The tagged binary form of a wire value. */
    static byte[] body(Object value) {
        ByteBuf buffer = Unpooled.buffer();
        WireValues.write(buffer, value);
        return bytes(buffer);
    }

    /** A frame: length, version, kind, sequence, body. */
    static byte[] frame(int version, int kind, long sequence, byte[] body) {
        ByteBuf buffer = Unpooled.buffer();
        buffer.writeInt(PeerFrameDecoder.HEADER + body.length);
        buffer.writeByte(version);
        buffer.writeByte(kind);
        buffer.writeLong(sequence);
        buffer.writeBytes(body);
        return bytes(buffer);
    }

    /** A frame of the current version. */
    static byte[] frame(int kind, long sequence, Object value) {
        return frame(PeerFrameDecoder.VERSION, kind, sequence, body(value));
    }

    /** The frame of a message. */
    static byte[] frame(PeerMessage message, long sequence) {
        return frame(message.kind().code(), sequence, PeerCodec.encode(message));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The readable bytes of a buffer, which is released. */
    static byte[] bytes(ByteBuf buffer) {
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        buffer.release();
        return bytes;
    }
}
