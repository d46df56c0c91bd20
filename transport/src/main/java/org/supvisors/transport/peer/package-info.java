/**
 * The links between agents: one TCP connection per pair of instances, on the agent port shared with HTTP (port
 * unification: a dialling agent starts with the magic {@code SVPR}). The instance whose identifier sorts first
 * dials and dials again with a backoff; both sides authenticate each other by a challenge-response over
 * supervisord's credentials; then the link carries {@link org.supvisors.core.peer.PeerMessage}s both ways, in
 * length-prefixed, sequenced frames whose bodies are the wire values of {@link org.supvisors.core.peer.PeerCodec} in
 * a tagged binary form.
 *
 * <p>Public: {@link org.supvisors.transport.peer.PeerTransport} with its
 * {@link org.supvisors.transport.peer.PeerSettings}, the {@link org.supvisors.transport.peer.PeerListener} it tells
 * and the {@link org.supvisors.transport.peer.PeerGate} it asks. Inside: the frames ({@code PeerFrameDecoder}, whose
 * javadoc draws the layout, {@code PeerFrameEncoder}, {@code WireValues}), the handshake ({@code Handshake},
 * {@code AddressCheck}), the pipeline ({@code PeerChannelInitializer}, {@code PeerLinkHandler}) and the dialler
 * ({@code Dialer}).
 */
package org.supvisors.transport.peer;
