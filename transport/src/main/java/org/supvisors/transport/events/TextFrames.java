package org.supvisors.transport.events;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Text frames of a WebSocket server, encoded once per message and written as they are to every subscriber (a
 * {@link ByteBuf} passes Netty's WebSocket encoder untouched). RFC 6455 §5.2, no extension, server frames unmasked:
 *
 * <pre>
 * +--------+--------+-----------------------+-----------------+
 * | 0x81   | len7   | extended length       | payload         |
 * | FIN,   | 0..125 | absent                | UTF-8 text      |
 * | text   | 126    | 2 bytes, big-endian   | (ASCII here)    |
 * |        | 127    | 8 bytes, big-endian   |                 |
 * +--------+--------+-----------------------+-----------------+
 * </pre>
 */
final class TextFrames {

    private static final int FIN_TEXT = 0x81;

    private TextFrames() {
    }

    /** The whole frame of an ASCII text (one byte per char), in a new buffer the caller releases. */
    static ByteBuf encode(ByteBufAllocator allocator, CharSequence ascii) {
        int length = ascii.length();
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuf frame = allocator.ioBuffer(header + length);
        frame.writeByte(FIN_TEXT);
        if (length < 126) {
            frame.writeByte(length);
        } else if (length <= 0xFFFF) {
            frame.writeByte(126);
            frame.writeShort(length);
        } else {
            frame.writeByte(127);
            frame.writeLong(length);
        }
        frame.writeCharSequence(ascii, StandardCharsets.US_ASCII);
        return frame;
    }
}
