package org.supvisors.transport.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Multicast discovery: the local instance announces itself on {@code multicast_group} and hears the others.
 *
 * <p>Announcements ({@link AnnouncementCodec}) are sent at start, then {@link DiscoverySettings#quickStart()} − 1
 * more {@link DiscoverySettings#QUICK_START_GAP} apart, then once per {@link DiscoverySettings#period()} (a tick, as
 * in 0.19). An announcement heard from an identifier never heard before is answered by the local one at once (at
 * most once per quick-start gap), so that a newcomer learns every member within a round trip instead of a period.
 *
 * <p>Heard announcements go to the {@link DiscoveryListener} unless they are the local instance's own (looped back
 * by the group) or repeat the last one of their identifier. A malformed datagram is dropped with a warning naming
 * its sender and what is wrong, at most one line per sender and minute.
 *
 * <p>One daemon thread, {@code supvisors-discovery}, does everything: it opens the sockets (and opens them again
 * after an I/O failure, at each period, until it works: an interface may come up after the agent), sends, receives
 * and calls the listener. {@link #close()} stops it and closes the sockets.
 */
public final class Discovery implements AutoCloseable {

    /** Distinct announcements remembered to drop repeats; beyond, the memory starts again. */
    static final int MAX_REMEMBERED = 4096;
    /** One warning per sender of malformed datagrams in this time. */
    static final long MALFORMED_LOG_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(60);

    private static final System.Logger LOG = System.getLogger(Discovery.class.getName());

    private final DiscoverySettings settings;
    private final DiscoveryListener listener;
    private final ByteBuffer announcement;
    private final Selector selector;
    private final Thread thread;
    private final Map<String, Announcement> heard = new HashMap<>();
    private final Map<InetAddress, long[]> malformedLog = new HashMap<>();
    private volatile boolean closed;
    private MulticastEndpoint endpoint;
    private String lastOpenFailure;
    private String lastSendFailure;
    private int sent;
    private long lastSentAt;
    private long nextSendAt;
    private long nextOpenAt;

    private Discovery(DiscoverySettings settings, DiscoveryListener listener) {
        this.settings = settings;
        this.listener = listener;
        this.announcement = ByteBuffer.wrap(AnnouncementCodec.encode(settings.local())).asReadOnlyBuffer();
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("discovery: cannot open a selector", e);
        }
        this.thread = new Thread(this::run, "supvisors-discovery");
        this.thread.setDaemon(true);
    }

    /**
     * Starts discovery on its own thread. A failure to open the sockets is logged and retried; it does not throw.
     *
     * @throws IllegalArgumentException when the local announcement cannot be written (see
     *     {@link AnnouncementCodec#encode})
     */
    public static Discovery start(DiscoverySettings settings, DiscoveryListener listener) {
        Discovery discovery = new Discovery(Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(listener, "listener"));
        discovery.thread.start();
        return discovery;
    }

    public DiscoverySettings settings() {
        return settings;
    }

    private void run() {
        long now = System.nanoTime();
        nextOpenAt = now;
        nextSendAt = now;
        ByteBuffer buffer = ByteBuffer.allocate(AnnouncementCodec.MAX_DATAGRAM_BYTES + 1);
        try {
            while (!closed) {
                now = System.nanoTime();
                if (endpoint == null && now - nextOpenAt >= 0) {
                    open(now);
                }
                if (endpoint != null && now - nextSendAt >= 0) {
                    announce(now);
                }
                long due = endpoint == null ? nextOpenAt : nextSendAt;
                long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(due - System.nanoTime()) + 1);
                selector.select(waitMillis);
                selector.selectedKeys().clear();
                if (endpoint != null) {
                    receiveAll(buffer);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.log(Level.ERROR, "discovery stops on an internal error: " + e, e);
            }
        } finally {
            closeEndpoint();
            try {
                selector.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing the discovery selector: {0}", e.getMessage());
            }
        }
    }

    private void open(long now) {
        try {
            endpoint = MulticastEndpoint.open(settings, selector);
            lastOpenFailure = null;
            LOG.log(Level.INFO, "discovery: member of " + describeGroup() + " on " + endpoint.describeInterface()
                    + ", announcing " + settings.local() + " every " + settings.period().toMillis() / 1000.0 + " s"
                    + " with TTL " + settings.ttl());
            nextSendAt = now;
        } catch (IOException e) {
            String failure = e.getMessage();
            if (!failure.equals(lastOpenFailure)) {
                LOG.log(Level.ERROR, "discovery: cannot join " + describeGroup() + ": " + failure + "; retried every "
                        + settings.period().toMillis() / 1000.0 + " s");
                lastOpenFailure = failure;
            } else {
                LOG.log(Level.DEBUG, "discovery: still cannot join {0}: {1}", describeGroup(), failure);
            }
            nextOpenAt = now + settings.period().toNanos();
        }
    }

    private void announce(long now) {
        try {
            if (!endpoint.send(announcement.duplicate())) {
                LOG.log(Level.DEBUG, "discovery: announcement dropped, the socket buffer is full");
            }
            if (lastSendFailure != null) {
                LOG.log(Level.INFO, "discovery: announcements sent again to " + describeGroup());
                lastSendFailure = null;
            }
        } catch (IOException e) {
            String failure = String.valueOf(e.getMessage());
            if (!failure.equals(lastSendFailure)) {
                LOG.log(Level.WARNING, "discovery: cannot send the announcement to " + describeGroup() + ": "
                        + failure + " (retried every " + settings.period().toMillis() / 1000.0 + " s)");
                lastSendFailure = failure;
            }
        }
        sent++;
        lastSentAt = now;
        nextSendAt = now + (sent < settings.quickStart() ? DiscoverySettings.QUICK_START_GAP.toNanos()
                : settings.period().toNanos());
    }

    private void receiveAll(ByteBuffer buffer) {
        while (!closed) {
            InetSocketAddress sender;
            buffer.clear();
            try {
                sender = endpoint.receive(buffer);
            } catch (IOException e) {
                LOG.log(Level.ERROR, "discovery: cannot receive from " + describeGroup() + ": " + e.getMessage()
                        + "; the sockets are opened again in " + settings.period().toMillis() / 1000.0 + " s");
                closeEndpoint();
                nextOpenAt = System.nanoTime() + settings.period().toNanos();
                return;
            }
            if (sender == null) {
                return;
            }
            buffer.flip();
            if (buffer.remaining() > AnnouncementCodec.MAX_DATAGRAM_BYTES) {
                malformed(sender, "datagram of more than " + AnnouncementCodec.MAX_DATAGRAM_BYTES + " bytes");
                continue;
            }
            Announcement heardNow;
            try {
                heardNow = AnnouncementCodec.decode(buffer);
            } catch (MalformedAnnouncementException e) {
                malformed(sender, e.getMessage());
                continue;
            }
            onAnnouncement(heardNow, sender);
        }
    }

    private void onAnnouncement(Announcement heardNow, InetSocketAddress sender) {
        String identifier = heardNow.identity().identifier();
        if (identifier.equals(settings.local().identity().identifier())) {
            if (!heardNow.equals(settings.local()) && !heardNow.equals(heard.put(identifier, heardNow))) {
                LOG.log(Level.WARNING, "discovery: " + sender.getAddress().getHostAddress() + " announces " + heardNow
                        + " with the identifier of the local instance " + settings.local() + ": ignored");
            }
            return;
        }
        Announcement previous = heard.get(identifier);
        if (heardNow.equals(previous)) {
            return;
        }
        if (heard.size() >= MAX_REMEMBERED) {
            heard.clear();
        }
        heard.put(identifier, heardNow);
        if (previous == null) {
            LOG.log(Level.DEBUG, "discovery: {0} heard from {1}", heardNow, sender);
            long now = System.nanoTime();
            long answerAt = Math.max(now, lastSentAt + DiscoverySettings.QUICK_START_GAP.toNanos());
            if (answerAt - nextSendAt < 0) {
                nextSendAt = answerAt;
            }
        }
        try {
            listener.onAnnouncement(heardNow, sender);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "discovery: the announcement of " + heardNow + " was not handled: " + e, e);
        }
    }

    private void malformed(InetSocketAddress sender, String reason) {
        long now = System.nanoTime();
        if (malformedLog.size() >= MAX_REMEMBERED) {
            malformedLog.clear();
        }
        long[] window = malformedLog.get(sender.getAddress());
        if (window != null && now - window[0] < MALFORMED_LOG_WINDOW_NANOS) {
            window[1]++;
            LOG.log(Level.DEBUG, "discovery: datagram from {0} dropped: {1}", sender, reason);
            return;
        }
        long lowered = window == null ? 0 : window[1];
        malformedLog.put(sender.getAddress(), new long[] {now, 0});
        LOG.log(Level.WARNING, "discovery: datagram from " + sender.getAddress().getHostAddress() + ":"
                + sender.getPort() + " dropped: " + reason + (lowered == 0 ? "" : " (" + lowered + " more from this"
                + " sender in the last minute, logged at DEBUG)"));
    }

    private String describeGroup() {
        return settings.group().getAddress().getHostAddress() + ":" + settings.group().getPort();
    }

    private void closeEndpoint() {
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
    }

    /** Stops the thread and closes the sockets (the membership ends with them). */
    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
