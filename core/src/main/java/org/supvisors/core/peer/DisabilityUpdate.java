package org.supvisors.core.peer;

import java.util.Objects;

/**
 * A program was disabled or enabled on the sender (0.19's PROCESS_DISABILITY publication).
 *
 * @param program the program name
 * @param disabled its new status
 */
public record DisabilityUpdate(String program, boolean disabled) implements PeerMessage {

    public DisabilityUpdate {
        Objects.requireNonNull(program, "program");
    }

    @Override
    public Kind kind() {
        return Kind.DISABILITY_UPDATE;
    }
}
