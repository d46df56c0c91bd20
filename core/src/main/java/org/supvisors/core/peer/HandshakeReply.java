package org.supvisors.core.peer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.supvisors.core.instance.InstanceState;
import org.supvisors.core.instance.NetworkInfo;
import org.supvisors.core.instance.StateModes;
import org.supvisors.core.process.ProcessSnapshot;

/**
 * The answer to a {@link HandshakeRequest}: everything 0.19's handshake asked for in five XML-RPCs.
 *
 * @param checkingTime echoed from the request
 * @param network the sender's network identification
 * @param stereotypes the sender's stereotypes
 * @param strategies the sender's strategies, compared with the receiver's
 * @param declaredIdentifiers the sender's {@code supvisors_list}, compared with the receiver's
 * @param viewOfRequester how the sender sees the requester, empty when it does not know it
 * @param stateModes the sender's state & modes
 * @param processes what the sender's supervisord has
 */
public record HandshakeReply(double checkingTime, NetworkInfo network, List<String> stereotypes,
                             Strategies strategies, List<String> declaredIdentifiers,
                             Optional<InstanceState> viewOfRequester, StateModes stateModes,
                             List<ProcessSnapshot> processes) implements PeerMessage {

    public HandshakeReply {
        Objects.requireNonNull(network, "network");
        stereotypes = List.copyOf(stereotypes);
        Objects.requireNonNull(strategies, "strategies");
        declaredIdentifiers = List.copyOf(declaredIdentifiers);
        Objects.requireNonNull(viewOfRequester, "viewOfRequester");
        Objects.requireNonNull(stateModes, "stateModes");
        processes = List.copyOf(processes);
    }

    @Override
    public Kind kind() {
        return Kind.HANDSHAKE_REPLY;
    }
}
