package org.supvisors.transport.peer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;

/**
 * The pipeline of a peer link, on both sides (after the magic on the accepting side):
 * <pre>
 *   PeerFrameDecoder   bytes -&gt; Inbound (frames in sequence, bodies read as wire values)
 *   PeerFrameEncoder   OutboundFrame -&gt; bytes (header + body, one buffer per frame)
 *   PeerLinkHandler    handshake, then messages to the transport
 * </pre>
 */
final class PeerChannelInitializer extends ChannelInitializer<Channel> {

    private final PeerLinkHandler link;

    PeerChannelInitializer(PeerLinkHandler link) {
        this.link = link;
    }

    @Override
    protected void initChannel(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("peer-decoder", link.decoder());
        pipeline.addLast("peer-encoder", new PeerFrameEncoder());
        pipeline.addLast("peer-link", link);
    }
}
