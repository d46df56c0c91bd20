package org.supvisors.transport.discovery;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.supvisors.core.Supvisors;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.instance.InstanceIdentity;

/**
 * How an instance takes part in discovery.
 *
 * @param group {@code multicast_group}: where announcements are sent and heard
 * @param networkInterface {@code multicast_interface}: the address of the interface to join the group on and to send
 *     from; empty means the interface that the routing table gives for the group (what the kernel picks for
 *     INADDR_ANY)
 * @param ttl {@code multicast_ttl}, in [0;255]
 * @param local the announcement of the local instance
 * @param period between two announcements once started (0.19: one per tick, 5 s)
 * @param quickStart how many announcements are sent at start, {@link #QUICK_START_GAP} apart, before the period
 *     applies: the first one may reach no one if the others are starting too
 */
public record DiscoverySettings(InetSocketAddress group, Optional<InetAddress> networkInterface, int ttl,
                                Announcement local, Duration period, int quickStart) {

    /** The shortest time between two announcements (quick start, answers to a newcomer). */
    public static final Duration QUICK_START_GAP = Duration.ofSeconds(1);
    /** Announcements sent at start before the period applies. */
    public static final int DEFAULT_QUICK_START = 3;

    public DiscoverySettings {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(networkInterface, "networkInterface");
        Objects.requireNonNull(local, "local");
        if (group.isUnresolved() || !group.getAddress().isMulticastAddress()
                || group.getAddress().getAddress().length != 4) {
            throw new IllegalArgumentException("group: " + group + " (expected: an IPv4 multicast address)");
        }
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("ttl: " + ttl + " (expected: in [0;255])");
        }
        if (period.compareTo(QUICK_START_GAP) < 0) {
            throw new IllegalArgumentException("period: " + period + " (expected: at least " + QUICK_START_GAP + ")");
        }
        if (quickStart < 1) {
            throw new IllegalArgumentException("quickStart: " + quickStart + " (expected: at least 1)");
        }
    }

    /**
     * The settings of the {@code [supvisors]} options of an instance in discovery mode: an announcement per tick
     * ({@value Supvisors#TICK_PERIOD} s) after a quick start.
     *
     * @throws IllegalArgumentException when {@code multicast_group} is not set
     */
    public static DiscoverySettings of(SupvisorsOptions options, InstanceIdentity local) {
        String group = options.multicastGroup().orElseThrow(() ->
                new IllegalArgumentException("multicast_group: not set (expected: ip:port in discovery mode)"));
        int colon = group.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("multicast_group: " + group + " (expected: ip:port)");
        }
        InetSocketAddress address = new InetSocketAddress(literal("multicast_group", group.substring(0, colon)),
                Integer.parseInt(group.substring(colon + 1)));
        Optional<InetAddress> networkInterface = options.multicastInterface()
                .map(text -> literal("multicast_interface", text));
        return new DiscoverySettings(address, networkInterface, options.multicastTtl(),
                new Announcement(local, options.stereotypes()),
                Duration.ofMillis((long) (Supvisors.TICK_PERIOD * 1000)), DEFAULT_QUICK_START);
    }

    public DiscoverySettings withPeriod(Duration period, int quickStart) {
        return new DiscoverySettings(group, networkInterface, ttl, local, period, quickStart);
    }

    /** An IPv4 literal (checked by the configuration reader), never looked up. */
    private static InetAddress literal(String option, String text) {
        String[] parts = text.split("\\.", -1);
        byte[] bytes = new byte[4];
        try {
            if (parts.length != 4) {
                throw new NumberFormatException(text);
            }
            for (int i = 0; i < 4; i++) {
                int value = Integer.parseInt(parts[i]);
                if (value < 0 || value > 255) {
                    throw new NumberFormatException(parts[i]);
                }
                bytes[i] = (byte) value;
            }
            return InetAddress.getByAddress(bytes);
        } catch (NumberFormatException | UnknownHostException e) {
            throw new IllegalArgumentException(option + ": " + text + " (expected: an IPv4 address)", e);
        }
    }
}
