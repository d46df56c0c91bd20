package org.supvisors.core.peer;

import java.util.Objects;

/**
 * Start a process of the receiver's supervisord, with extra arguments: what 0.19 sends as
 * {@code supvisors.start_args(namespec, extra_args, False)}.
 *
 * @param namespec the process
 * @param extraArgs its extra arguments, empty for none
 */
public record StartRequest(String namespec, String extraArgs) implements PeerMessage {

    public StartRequest {
        Objects.requireNonNull(namespec, "namespec");
        Objects.requireNonNull(extraArgs, "extraArgs");
    }

    @Override
    public Kind kind() {
        return Kind.START_REQUEST;
    }
}
