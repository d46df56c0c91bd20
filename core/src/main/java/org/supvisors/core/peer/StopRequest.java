package org.supvisors.core.peer;

import java.util.Objects;

/**
 * Stop a process of the receiver's supervisord: what 0.19 sends as {@code supervisor.stopProcess(namespec, False)}.
 *
 * @param namespec the process
 */
public record StopRequest(String namespec) implements PeerMessage {

    public StopRequest {
        Objects.requireNonNull(namespec, "namespec");
    }

    @Override
    public Kind kind() {
        return Kind.STOP_REQUEST;
    }
}
