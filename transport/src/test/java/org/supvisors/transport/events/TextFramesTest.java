package org.supvisors.transport.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;

class TextFramesTest {

    /** Netty's client-side decoder (unmasked server frames) reads back what was encoded, for each length form. */
    @Test
    void frames_of_each_length_form_decode_as_one_text_frame() {
        for (int length : new int[] {0, 1, 125, 126, 127, 65535, 65536, 200_000}) {
            String text = "x".repeat(length);
            EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1 << 20));
            ByteBuf frame = TextFrames.encode(ByteBufAllocator.DEFAULT, text);
            assertThat(frame.readableBytes()).as("length %d", length)
                    .isEqualTo(length + (length < 126 ? 2 : length <= 65535 ? 4 : 10));
            client.writeInbound(frame);
            TextWebSocketFrame decoded = client.readInbound();
            assertThat(decoded.isFinalFragment()).isTrue();
            assertThat(decoded.text()).hasSize(length).isEqualTo(text);
            decoded.release();
            assertThat(client.finishAndReleaseAll()).isFalse();
        }
    }

    @Test
    void a_frame_split_at_every_byte_decodes_the_same() {
        String text = "[\"event\", {\"name\": \"" + "y".repeat(150) + "\"}]";
        ByteBuf frame = TextFrames.encode(ByteBufAllocator.DEFAULT, text);
        EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1 << 20));
        while (frame.isReadable()) {
            client.writeInbound(frame.readRetainedSlice(1));
        }
        frame.release();
        TextWebSocketFrame decoded = client.readInbound();
        assertThat(decoded.text()).isEqualTo(text);
        decoded.release();
        client.finishAndReleaseAll();
    }
}
