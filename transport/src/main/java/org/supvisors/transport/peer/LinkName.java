package org.supvisors.transport.peer;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/** How log lines name the other end of a peer connection: the identifier it claimed, else its address. */
final class LinkName {

    private static final AttributeKey<String> CLAIMED = AttributeKey.valueOf("supvisors.peer.claimed");

    private LinkName() {
    }

    /** Records the identifier the other end claims (in its hello). */
    static void claim(Channel channel, String identifier) {
        channel.attr(CLAIMED).set(identifier);
    }

    /** {@code identifier (address)} once claimed, else {@code address}. */
    static String of(Channel channel) {
        String claimed = channel.attr(CLAIMED).get();
        String address = address(channel.remoteAddress());
        return claimed == null ? address : claimed + " (" + address + ")";
    }

    static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress) {
            InetSocketAddress inet = (InetSocketAddress) address;
            String host = inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
            return host + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
