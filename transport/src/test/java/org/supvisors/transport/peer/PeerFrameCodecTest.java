package org.supvisors.transport.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supvisors.core.peer.HandshakeReply;
import org.supvisors.core.peer.MalformedMessageException;
import org.supvisors.core.peer.PeerCodec;
import org.supvisors.core.peer.PeerMessage;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/** The frame codec without sockets: bytes in, frames out, each input split at every byte boundary. */
class PeerFrameCodecTest {

    private final LogLines log = new LogLines();

    @AfterEach
    void closeLog() {
        log.close();
    }

    /** A decoder of an authenticated link, on an embedded channel. */
    private EmbeddedChannel authenticatedDecoder() {
        PeerFrameDecoder decoder = new PeerFrameDecoder(new RateLimitedLog(System.getLogger(getClass().getName())));
        decoder.authenticated();
        return new EmbeddedChannel(decoder);
    }

    private EmbeddedChannel handshakeDecoder() {
        return new EmbeddedChannel(new PeerFrameDecoder(new RateLimitedLog(System.getLogger(getClass().getName()))));
    }

    /** What the encoder writes for these messages, in order, on one link. */
    private static byte[] encoded(PeerMessage... messages) {
        EmbeddedChannel channel = new EmbeddedChannel(new PeerFrameEncoder());
        List<byte[]> frames = new ArrayList<>();
        for (PeerMessage message : messages) {
            channel.writeOutbound(OutboundFrame.of(message.kind().code(), PeerCodec.encode(message),
                    ByteBufAllocator.DEFAULT));
            frames.add(Frames.bytes(channel.readOutbound()));
        }
        assertThat(channel.finish()).isFalse();
        return Frames.concat(frames.toArray(new byte[0][]));
    }

    private static List<Object> writeAll(EmbeddedChannel channel, byte[]... parts) {
        for (byte[] part : parts) {
            channel.writeInbound(Unpooled.wrappedBuffer(part));
        }
        List<Object> read = new ArrayList<>();
        Object item;
        while ((item = channel.readInbound()) != null) {
            read.add(item);
        }
        return read;
    }

    private static PeerMessage message(Object inbound) throws MalformedMessageException {
        assertThat(inbound).isInstanceOf(Inbound.Frame.class);
        Inbound.Frame frame = (Inbound.Frame) inbound;
        return PeerCodec.decode(PeerMessage.Kind.fromCode(frame.kind()), frame.body(), PeerMessages.SENDER);
    }

    @Test
    void every_message_kind_round_trips_split_at_every_byte_boundary() throws Exception {
        for (PeerMessage message : PeerMessages.everyKind()) {
            byte[] bytes = encoded(message);
            assertThat(bytes.length).as("%s", message.kind()).isLessThan(PeerFrameDecoder.HANDSHAKE_MAX_LENGTH);

            for (int split = 1; split < bytes.length; split++) {
                List<Object> read = writeAll(authenticatedDecoder(), Arrays.copyOfRange(bytes, 0, split),
                        Arrays.copyOfRange(bytes, split, bytes.length));

                assertThat(read).as("%s split at %d", message.kind(), split).hasSize(1);
                assertThat(((Inbound.Frame) read.get(0)).sequence()).isZero();
                assertThat(message(read.get(0))).isEqualTo(message);
            }
        }
    }

    @Test
    void frames_fed_one_byte_at_a_time_keep_their_order_and_sequence() throws Exception {
        List<PeerMessage> messages = PeerMessages.everyKind();
        byte[] bytes = encoded(messages.toArray(new PeerMessage[0]));
        EmbeddedChannel channel = authenticatedDecoder();
        byte[][] single = new byte[bytes.length][];
        for (int i = 0; i < bytes.length; i++) {
            single[i] = new byte[] {bytes[i]};
        }

        List<Object> read = writeAll(channel, single);

        assertThat(read).hasSize(messages.size());
        for (int i = 0; i < read.size(); i++) {
            assertThat(((Inbound.Frame) read.get(i)).sequence()).isEqualTo(i);
            assertThat(message(read.get(i))).isEqualTo(messages.get(i));
        }
    }

    @Test
    void a_large_handshake_reply_needs_an_authenticated_link() {
        HandshakeReply big = PeerMessages.handshakeReply(100);
        byte[] bytes = encoded(big);

        assertThat(writeAll(authenticatedDecoder(), bytes)).hasSize(1);
        List<Object> refused = writeAll(handshakeDecoder(), bytes);
        assertThat(refused).containsExactly(new Inbound.BadStream("frame length: " + (bytes.length - 4)
                + " (expected: 11 to 4096 before authentication)"));
    }

    /**
     * The accepting side may send a large message right behind its proof, in the same TCP segment: the limit raised
     * when the proof is read applies to the frame that follows it in the same read.
     */
    @Test
    void the_limit_raised_by_a_frame_applies_to_the_next_frame_of_the_same_read() {
        PeerFrameDecoder decoder = new PeerFrameDecoder(new RateLimitedLog(System.getLogger(getClass().getName())));
        List<Object> read = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(decoder, new io.netty.channel.ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object msg) {
                read.add(msg);
                decoder.authenticated();
            }
        });
        byte[] proof = Frames.frame(Handshake.PROOF, 0, Handshake.proofBody(new byte[32]));
        byte[] big = Frames.frame(PeerMessages.handshakeReply(100), 1);

        channel.writeInbound(Unpooled.wrappedBuffer(Frames.concat(proof, big)));

        assertThat(read).hasSize(2);
        assertThat(((Inbound.Frame) read.get(1)).kind()).isEqualTo(PeerMessage.Kind.HANDSHAKE_REPLY.code());
    }

    @Test
    void an_oversized_length_ends_the_stream_before_the_body_is_read() {
        EmbeddedChannel channel = authenticatedDecoder();
        byte[] length = {0x01, 0x00, 0x00, 0x01};

        List<Object> read = writeAll(channel, length);
        List<Object> after = writeAll(channel, Frames.frame(PeerMessages.heartbeat(0), 0));

        assertThat(read).containsExactly(new Inbound.BadStream("frame length: 16777217 (expected: 11 to 16777216)"));
        assertThat(after).as("nothing is read after the end of the stream").isEmpty();
    }

    @Test
    void a_length_too_small_for_a_header_ends_the_stream() {
        assertThat(writeAll(authenticatedDecoder(), new byte[] {0, 0, 0, 10}))
                .containsExactly(new Inbound.BadStream("frame length: 10 (expected: 11 to 16777216)"));
    }

    @Test
    void a_truncated_frame_is_reported_when_the_connection_closes() {
        byte[] frame = Frames.frame(PeerMessages.heartbeat(0), 0);
        for (int cut = 1; cut < frame.length; cut++) {
            EmbeddedChannel channel = authenticatedDecoder();
            assertThat(writeAll(channel, Arrays.copyOf(frame, cut))).isEmpty();

            channel.finish();

            Object end = channel.readInbound();
            assertThat(end).as("cut at %d", cut).isInstanceOf(Inbound.BadStream.class);
            assertThat(((Inbound.BadStream) end).reason()).startsWith("truncated frame: the connection closed after "
                    + (cut < 14 ? cut + " bytes of a frame header" : (cut - 14) + " of the " + (frame.length - 14)
                    + " bytes of a body"));
        }
    }

    @Test
    void garbage_ends_the_stream_with_what_was_read() {
        byte[] http = "GET /RPC2 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(writeAll(handshakeDecoder(), http)).containsExactly(new Inbound.BadStream(
                "frame length: 1195725856 (expected: 11 to 4096 before authentication)"));

        byte[] otherVersion = Frames.frame(7, 1, 0, Frames.body(Map.of()));
        assertThat(writeAll(authenticatedDecoder(), otherVersion))
                .containsExactly(new Inbound.BadStream("protocol version: 7 (expected: 1)"));
    }

    @Test
    void a_body_that_does_not_read_costs_its_frame_only() throws Exception {
        byte[] badTag = Frames.frame(1, 1, 0, new byte[] {0x09});
        byte[] next = Frames.frame(PeerMessages.heartbeat(1), 1);

        List<Object> read = writeAll(authenticatedDecoder(), Frames.concat(badTag, next));

        assertThat(read).hasSize(2);
        assertThat(read.get(0)).isEqualTo(new Inbound.BadBody(1, 0, "body at byte 1: tag 0x9 (expected: 0x00 to 0x08)"));
        assertThat(message(read.get(1))).isEqualTo(PeerMessages.heartbeat(1));
    }

    @Test
    void an_unknown_kind_is_passed_on_with_its_code() {
        List<Object> read = writeAll(authenticatedDecoder(), Frames.frame(99, 0, Map.of("future", true)));

        assertThat(read).containsExactly(new Inbound.Frame(99, 0, Map.of("future", true)));
    }

    @Test
    void a_depth_bomb_costs_its_frame_only() {
        byte[] bomb = new byte[2 * 40 + 1];
        for (int i = 0; i < 40; i++) {
            bomb[2 * i] = 0x07;
            bomb[2 * i + 1] = 0x01;
        }
        byte[] countBomb = {0x07, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};

        List<Object> read = writeAll(authenticatedDecoder(), Frames.concat(Frames.frame(1, 1, 0, bomb),
                Frames.frame(1, 1, 1, countBomb), Frames.frame(PeerMessages.heartbeat(2), 2)));

        assertThat(read).hasSize(3);
        assertThat(((Inbound.BadBody) read.get(0)).reason()).isEqualTo("body" + "[0]".repeat(32)
                + " at byte 65: nested 33 levels deep (expected: at most 32)");
        assertThat(((Inbound.BadBody) read.get(1)).reason())
                .isEqualTo("body at byte 6: count 2147483647 with 0 bytes left (expected: at most 0)");
        assertThat(read.get(2)).isInstanceOf(Inbound.Frame.class);
    }

    @Test
    void a_replayed_frame_is_dropped_with_a_log_line_and_the_next_one_is_read() throws Exception {
        byte[] first = Frames.frame(PeerMessages.heartbeat(0), 0);
        byte[] second = Frames.frame(PeerMessages.heartbeat(1), 1);

        List<Object> read = writeAll(authenticatedDecoder(), Frames.concat(first, first, second, first));

        assertThat(read).hasSize(2);
        assertThat(message(read.get(0))).isEqualTo(PeerMessages.heartbeat(0));
        assertThat(message(read.get(1))).isEqualTo(PeerMessages.heartbeat(1));
        assertThat(log.warnings("peer frame from embedded dropped: sequence 0 replayed or duplicated (expected: 1)"))
                .hasSize(1);
    }

    @Test
    void a_frame_ahead_of_its_sequence_ends_the_stream() {
        List<Object> read = writeAll(authenticatedDecoder(), Frames.concat(Frames.frame(PeerMessages.heartbeat(0), 0),
                Frames.frame(PeerMessages.heartbeat(5), 5)));

        assertThat(read).hasSize(2);
        assertThat(read.get(1)).isEqualTo(new Inbound.BadStream("sequence: 5 (expected: 1): frames are missing"));
    }

    @Test
    void the_encoder_numbers_frames_from_zero_and_puts_the_header_before_the_body() {
        EmbeddedChannel channel = new EmbeddedChannel(new PeerFrameEncoder());
        for (int i = 0; i < 3; i++) {
            channel.writeOutbound(OutboundFrame.of(1, Map.of(), ByteBufAllocator.DEFAULT));
        }
        for (int i = 0; i < 3; i++) {
            ByteBuf frame = channel.readOutbound();
            assertThat(Frames.bytes(frame)).containsExactly(0, 0, 0, 12, 1, 1, 0, 0, 0, 0, 0, 0, 0, i, 0x08, 0);
        }
    }
}
