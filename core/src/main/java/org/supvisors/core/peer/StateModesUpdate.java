package org.supvisors.core.peer;

import java.util.Objects;

import org.supvisors.core.instance.StateModes;

/**
 * The sender's state & modes changed (FSM state, degraded mode, Master choice, jobs, or its view of an instance).
 *
 * @param stateModes the new state & modes of the sender
 */
public record StateModesUpdate(StateModes stateModes) implements PeerMessage {

    public StateModesUpdate {
        Objects.requireNonNull(stateModes, "stateModes");
    }

    @Override
    public Kind kind() {
        return Kind.STATE_MODES;
    }
}
