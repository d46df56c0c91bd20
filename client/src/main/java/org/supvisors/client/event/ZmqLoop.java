package org.supvisors.client.event;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The loop of a ZeroMQ subscriber, as 0.19's: a {@code SUB} socket connected to {@code tcp://host:port}, subscribed
 * to the topics' wire names ({@code ""} for all), read by this thread. ZeroMQ reconnects by itself (every
 * reconnection delay); a socket monitor reports connections and disconnections.
 */
final class ZmqLoop implements Runnable {

    private static final System.Logger LOGGER = System.getLogger(SupvisorsEventSubscriber.class.getName());
    private static final AtomicInteger MONITORS = new AtomicInteger();
    private static final int POLL_MILLIS = 200;

    private final SubscriberState state;
    private final ZContext sharedContext;

    /** @param context a context of the caller, or {@code null} for the library's ({@link ZmqContexts}) */
    ZmqLoop(SubscriberState state, ZContext context) {
        this.state = state;
        this.sharedContext = context != null ? context : ZmqContexts.shared();
    }

    @Override
    public void run() {
        ZContext context = sharedContext;
        ZMQ.Socket socket = context.createSocket(SocketType.SUB);
        ZMQ.Socket monitor = context.createSocket(SocketType.PAIR);
        try {
            socket.setLinger(0);
            socket.setReconnectIVL((int) state.reconnectDelay.toMillis());
            String monitorAddress = "inproc://supvisors-subscriber-monitor-" + MONITORS.incrementAndGet();
            socket.monitor(monitorAddress, ZMQ.EVENT_CONNECTED | ZMQ.EVENT_DISCONNECTED);
            monitor.connect(monitorAddress);
            socket.setReceiveTimeOut(POLL_MILLIS);
            int version = state.version();
            Set<Topic> subscribed = resubscribe(socket, EnumSet.noneOf(Topic.class), state.topics());
            socket.connect("tcp://" + state.endpoint.getHost() + ":" + state.endpoint.getPort());
            // no Poller: a blocking receive with a timeout is JeroMQ's dependable path (a Poller with
            // non-blocking receives was seen to miss messages now and then)
            while (!state.isClosed() && !Thread.currentThread().isInterrupted()) {
                if (version != state.version()) {
                    version = state.version();
                    subscribed = resubscribe(socket, subscribed, state.topics());
                }
                ZMQ.Event event;
                while ((event = ZMQ.Event.recv(monitor, ZMQ.DONTWAIT)) != null) {
                    if (event.getEvent() == ZMQ.EVENT_CONNECTED) {
                        state.connected();
                    } else if (event.getEvent() == ZMQ.EVENT_DISCONNECTED) {
                        state.disconnected("connection lost; ZeroMQ reconnects every "
                                + state.reconnectDelay.toMillis() + " ms");
                    }
                }
                receive(socket);
            }
            state.disconnected("closed by the subscriber");
        } catch (RuntimeException e) {
            LOGGER.log(Level.ERROR, "Supvisors events: the ZeroMQ subscriber of " + state.endpoint + " stopped: " + e,
                    e);
        } finally {
            context.destroySocket(socket);
            context.destroySocket(monitor);
        }
    }

    /** Receives one message, waiting for it up to the receive timeout. */
    private boolean receive(ZMQ.Socket socket) {
        String topic = socket.recvStr();
        if (topic == null) {
            return false;
        }
        if (!socket.hasReceiveMore()) {
            LOGGER.log(Level.ERROR, "Supvisors events from {0}: {1} message without body ignored", state.endpoint,
                    topic);
            return true;
        }
        byte[] body = socket.recv(0);
        while (socket.hasReceiveMore()) {
            socket.recv(0);
        }
        state.dispatch(topic, new String(body, StandardCharsets.UTF_8));
        return true;
    }

    /** Applies the difference between two sets of subscriptions; all topics are one {@code ""} subscription. */
    private static Set<Topic> resubscribe(ZMQ.Socket socket, Set<Topic> before, Set<Topic> after) {
        boolean allBefore = before.size() == Topic.values().length;
        boolean allAfter = after.size() == Topic.values().length;
        if (allBefore && !allAfter) {
            socket.unsubscribe(new byte[0]);
        }
        for (Topic topic : Topic.values()) {
            byte[] prefix = topic.wireName().getBytes(StandardCharsets.UTF_8);
            boolean was = before.contains(topic) && !allBefore;
            boolean is = after.contains(topic) && !allAfter;
            if (was && !is) {
                socket.unsubscribe(prefix);
            } else if (!was && is) {
                socket.subscribe(prefix);
            }
        }
        if (allAfter && !allBefore) {
            socket.subscribe(new byte[0]);
        }
        return after.isEmpty() ? EnumSet.noneOf(Topic.class) : EnumSet.copyOf(after);
    }
}
