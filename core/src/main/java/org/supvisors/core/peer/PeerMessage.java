package org.supvisors.core.peer;

/**
 * A message between two Supvisors instances. The transport delivers it whole, in order per sender, from an
 * authenticated peer, and says who sent it; {@link PeerCodec} turns it into wire values and back.
 */
public sealed interface PeerMessage
        permits Heartbeat, HandshakeRequest, HandshakeReply, StateModesUpdate, ProcessEventMessage,
        ProcessesUpdate, ClosingRequest, StartRequest, StopRequest, ForcedState,
        DisabilityUpdate, StatisticsMessage {

    /** The kind of a message, with its wire code. */
    enum Kind {
        HEARTBEAT(1),
        HANDSHAKE_REQUEST(2),
        HANDSHAKE_REPLY(3),
        STATE_MODES(4),
        PROCESS_EVENT(5),
        PROCESSES_UPDATE(6),
        CLOSING_REQUEST(7),
        START_REQUEST(8),
        STOP_REQUEST(9),
        FORCED_STATE(10),
        DISABILITY_UPDATE(11),
        STATISTICS(12);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The kind with this wire code, or {@code null} for a code this version does not know. */
        public static Kind fromCode(int code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            return null;
        }
    }

    Kind kind();
}
