package org.supvisors.core.peer;

import java.util.Objects;

/**
 * A displayed state that no event brings (state-machines.md §5.3): a start or stop that could not complete.
 * Applied only if no real event was received from that instance after {@code nowMonotonic}.
 *
 * @param identifier the instance the command targeted, empty when none could be chosen
 * @param group the process group
 * @param name the process name
 * @param state the forced state (FATAL for a start, STOPPED for a stop), as a Supervisor code
 * @param reason why, shown as the spawn error
 * @param now POSIX time of the decision, on the sender
 * @param nowMonotonic monotonic time of the decision, on the sender
 * @param extraArgs the extra arguments of the process
 */
public record ForcedState(String identifier, String group, String name, int state, String reason, long now,
                          double nowMonotonic, String extraArgs) implements PeerMessage {

    public ForcedState {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(extraArgs, "extraArgs");
    }

    @Override
    public Kind kind() {
        return Kind.FORCED_STATE;
    }
}
