package org.supvisors.transport.xmlrpc;

import java.util.List;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * The first handler of a connection to the agent's port when other protocols share it: waits for the first bytes,
 * then puts the pipeline of the protocol whose magic they are (or HTTP's) behind it and leaves. It decides as soon
 * as the bytes received differ from every magic, so HTTP clients never wait for it.
 */
final class PortUnification extends ByteToMessageDecoder {

    private final List<PortProtocol> protocols;
    private final Consumer<ChannelPipeline> http;

    PortUnification(List<PortProtocol> protocols, Consumer<ChannelPipeline> http) {
        this.protocols = List.copyOf(protocols);
        this.http = http;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        boolean undecided = false;
        for (PortProtocol protocol : protocols) {
            byte[] magic = protocol.magic();
            int compared = Math.min(magic.length, in.readableBytes());
            if (!startsWith(in, magic, compared)) {
                continue;
            }
            if (compared < magic.length) {
                undecided = true;
                continue;
            }
            in.skipBytes(magic.length);
            protocol.initChannel(ctx.channel());
            ctx.pipeline().remove(this);
            return;
        }
        if (!undecided) {
            http.accept(ctx.pipeline());
            ctx.pipeline().remove(this);
        }
    }

    private static boolean startsWith(ByteBuf in, byte[] magic, int count) {
        for (int i = 0; i < count; i++) {
            if (in.getByte(in.readerIndex() + i) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
