package org.supvisors.core.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.supvisors.core.CoreSetup;
import org.supvisors.core.Supvisors;
import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.config.SynchronizationOption;
import org.supvisors.core.context.RulesProvider;
import org.supvisors.core.effect.Effect;
import org.supvisors.core.effect.SendToPeers;
import org.supvisors.core.fsm.SupvisorsState;
import org.supvisors.core.instance.InstanceIdentity;
import org.supvisors.core.instance.InstanceState;
import org.supvisors.core.instance.NetworkInfo;
import org.supvisors.core.time.ManualClock;

/**
 * Instances without {@code supvisors_list} (discovery mode), each declaring itself alone: the handshake must not
 * take their different one-item lists for different {@code supvisors_list}s.
 */
class DiscoveryHandshakeTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void instances_found_by_discovery_without_supvisors_list_handshake_and_reach_operation_together() {
        SupvisorsOptions options = SupvisorsOptions.builder().multicastGroup(Optional.of("239.0.0.1:60001"))
                .synchroOptions(EnumSet.of(SynchronizationOption.LIST)).build();
        Node a = new Node(options, InstanceIdentity.ofSelf("a", "host-a", 60000));
        Node b = new Node(options, InstanceIdentity.ofSelf("b", "host-b", 60000));
        a.core.onDiscovery(b.identity, List.of("@B"));
        b.core.onDiscovery(a.identity, List.of());
        for (int step = 0; step < 20; step++) {
            clock.advance(0.5);
            a.core.onTimer();
            b.core.onTimer();
            pump(a, b);
        }
        for (Node node : List.of(a, b)) {
            assertThat(node.core.context().instances().statesView()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    a.identity.identifier(), InstanceState.RUNNING, b.identity.identifier(), InstanceState.RUNNING));
            assertThat(node.core.fsm().state()).isEqualTo(SupvisorsState.OPERATION);
            assertThat(node.core.fsm().masterIdentifier()).isEqualTo(a.core.fsm().masterIdentifier()).isNotEmpty();
        }
        assertThat(a.core.context().instances().require(b.identity.identifier()).stereotypes()).containsExactly("@B");
    }

    /** Delivers the messages each one sends to the other until none is left (links always up, no latency). */
    private static void pump(Node a, Node b) {
        boolean delivered = true;
        while (delivered) {
            delivered = a.deliverTo(b) | b.deliverTo(a);
        }
    }

    private final class Node {
        final InstanceIdentity identity;
        final List<Effect> effects = new ArrayList<>();
        final Supvisors core;

        Node(SupvisorsOptions options, InstanceIdentity identity) {
            this.identity = identity;
            CoreSetup setup = new CoreSetup(options, identity, List.of(identity),
                    new NetworkInfo("00:11:22:33:44:55", identity.hostId(), Map.of()), Optional.empty(),
                    RulesProvider.none(options.startingStrategy()), Map.of());
            this.core = new Supvisors(setup, clock, effects::add);
            core.start();
            core.onLocalProcesses(List.of());
        }

        boolean deliverTo(Node other) {
            List<SendToPeers> sends = new ArrayList<>();
            effects.removeIf(effect -> effect instanceof SendToPeers && sends.add((SendToPeers) effect));
            for (SendToPeers send : sends) {
                if (send.identifiers().contains(other.identity.identifier())) {
                    other.core.onPeerMessage(identity.identifier(), send.message());
                }
            }
            return !sends.isEmpty();
        }
    }
}
