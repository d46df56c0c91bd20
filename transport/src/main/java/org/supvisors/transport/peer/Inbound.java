package org.supvisors.transport.peer;

/** What {@link PeerFrameDecoder} hands to {@link PeerLinkHandler}: a frame, a frame it could not read, or the end. */
sealed interface Inbound {

    /**
     * A frame in sequence, its body read.
     *
     * @param kind the kind code: a {@link org.supvisors.core.peer.PeerMessage.Kind} code, a handshake code of
     *     {@link Handshake}, or one this version does not know
     * @param sequence its sequence number
     * @param body the wire value of the body
     */
    record Frame(int kind, long sequence, Object body) implements Inbound {
    }

    /**
     * A frame in sequence whose body is not a well-formed value: the frames around it are intact.
     *
     * @param kind the kind code
     * @param sequence its sequence number
     * @param reason where and what was expected
     */
    record BadBody(int kind, long sequence, String reason) implements Inbound {
    }

    /**
     * The stream cannot be read any further (length out of bounds, unknown protocol version, frames missing, or the
     * connection closed inside a frame): the link must close. Nothing follows.
     *
     * @param reason what was read and what was expected
     */
    record BadStream(String reason) implements Inbound {
    }
}
