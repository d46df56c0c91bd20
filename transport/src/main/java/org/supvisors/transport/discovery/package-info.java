/**
 * Multicast discovery (the {@code multicast_group}, {@code multicast_interface} and {@code multicast_ttl} options):
 * each instance announces itself on the group once per tick and hears the others, which the core then adds to its
 * instances and links with.
 *
 * <p>Public: {@link org.supvisors.transport.discovery.Discovery} (started with its
 * {@link org.supvisors.transport.discovery.DiscoverySettings}, it tells a
 * {@link org.supvisors.transport.discovery.DiscoveryListener} of the
 * {@link org.supvisors.transport.discovery.Announcement}s it hears) and the datagram's
 * {@link org.supvisors.transport.discovery.AnnouncementCodec}. Inside: the sockets ({@code MulticastEndpoint}) and a
 * bounded JSON reader ({@code BoundedJson}).
 */
package org.supvisors.transport.discovery;
