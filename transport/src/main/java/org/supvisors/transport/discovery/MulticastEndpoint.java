package org.supvisors.transport.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Optional;

/**
 * The two sockets of discovery, like 0.19's: a receiver bound to the group's address and port (so that it hears
 * that group only; several instances of one host share it with {@code SO_REUSEADDR}) and a member of the group on
 * one interface, and a sender with the TTL, the same interface and loopback on (instances of one host hear each
 * other). Both are non-blocking; the receiver is registered with the discovery thread's selector.
 */
final class MulticastEndpoint implements AutoCloseable {

    private final DatagramChannel receiver;
    private final DatagramChannel sender;
    private final NetworkInterface networkInterface;
    private final InetSocketAddress group;

    private MulticastEndpoint(DatagramChannel receiver, DatagramChannel sender, NetworkInterface networkInterface,
                              InetSocketAddress group) {
        this.receiver = receiver;
        this.sender = sender;
        this.networkInterface = networkInterface;
        this.group = group;
    }

    /** Opens both sockets, joins the group, registers the receiver with {@code selector} for reading. */
    static MulticastEndpoint open(DiscoverySettings settings, Selector selector) throws IOException {
        NetworkInterface nic = networkInterface(settings.group(), settings.networkInterface());
        DatagramChannel receiver = DatagramChannel.open(StandardProtocolFamily.INET);
        DatagramChannel sender = null;
        try {
            receiver.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            receiver.bind(settings.group());
            receiver.join(settings.group().getAddress(), nic);
            receiver.configureBlocking(false);
            sender = DatagramChannel.open(StandardProtocolFamily.INET);
            sender.setOption(StandardSocketOptions.IP_MULTICAST_IF, nic);
            sender.setOption(StandardSocketOptions.IP_MULTICAST_TTL, settings.ttl());
            sender.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            sender.configureBlocking(false);
            receiver.register(selector, SelectionKey.OP_READ);
            return new MulticastEndpoint(receiver, sender, nic, settings.group());
        } catch (IOException | RuntimeException e) {
            receiver.close();
            if (sender != null) {
                sender.close();
            }
            throw e;
        }
    }

    /**
     * The interface of {@code multicast_interface}, or, when unset, the one of the route to the group: the interface
     * the kernel would pick for a membership on INADDR_ANY (the JDK needs an interface to join).
     */
    static NetworkInterface networkInterface(InetSocketAddress group, Optional<InetAddress> configured)
            throws IOException {
        if (configured.isPresent()) {
            NetworkInterface nic = NetworkInterface.getByInetAddress(configured.get());
            if (nic == null) {
                throw new IOException("multicast_interface " + configured.get().getHostAddress()
                        + " is no address of this host");
            }
            return nic;
        }
        InetAddress source;
        try (DatagramChannel probe = DatagramChannel.open(StandardProtocolFamily.INET)) {
            probe.connect(group);
            source = ((InetSocketAddress) probe.getLocalAddress()).getAddress();
        } catch (IOException e) {
            throw new IOException("no route to the multicast group " + group.getAddress().getHostAddress() + " ("
                    + e.getMessage() + "): add one (ip route add 224.0.0.0/4 dev <interface>) or set"
                    + " multicast_interface", e);
        }
        NetworkInterface nic = NetworkInterface.getByInetAddress(source);
        if (nic == null) {
            throw new IOException("no interface holds " + source.getHostAddress() + ", the source address of the route"
                    + " to the multicast group " + group.getAddress().getHostAddress() + ": set multicast_interface");
        }
        return nic;
    }

    /** Sends one datagram to the group; false when the socket buffer is full (the datagram is dropped). */
    boolean send(ByteBuffer datagram) throws IOException {
        return sender.send(datagram, group) > 0;
    }

    /** The next datagram waiting, or null. */
    InetSocketAddress receive(ByteBuffer buffer) throws IOException {
        return (InetSocketAddress) receiver.receive(buffer);
    }

    /** {@code eth0 (10.0.0.2)}. */
    String describeInterface() {
        return networkInterface.getName() + networkInterface.inetAddresses()
                .filter(a -> a.getAddress().length == 4).findFirst()
                .map(a -> " (" + a.getHostAddress() + ")").orElse("");
    }

    @Override
    public void close() {
        for (DatagramChannel channel : new DatagramChannel[] {receiver, sender}) {
            try {
                channel.close();
            } catch (IOException e) {
                System.getLogger(MulticastEndpoint.class.getName()).log(System.Logger.Level.DEBUG,
                        "closing a discovery socket: {0}", e.getMessage());
            }
        }
    }
}
