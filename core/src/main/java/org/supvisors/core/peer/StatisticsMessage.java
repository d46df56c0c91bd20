package org.supvisors.core.peer;

import java.util.List;

import org.supvisors.core.statistics.HostSample;
import org.supvisors.core.statistics.ProcessSample;

/**
 * The raw samples the sender's collector took since its previous tick (0.19's HOST_STATISTICS and
 * PROCESS_STATISTICS publications, one sample per message there), sent once per tick while the sender's state
 * machine is in ELECTION, DISTRIBUTION, OPERATION or CONCILIATION. Process samples include the pid-0 samples of
 * processes that stopped, in the order they were taken.
 */
public record StatisticsMessage(List<HostSample> hosts, List<ProcessSample> processes) implements PeerMessage {

    public StatisticsMessage {
        hosts = List.copyOf(hosts);
        processes = List.copyOf(processes);
    }

    public boolean isEmpty() {
        return hosts.isEmpty() && processes.isEmpty();
    }

    @Override
    public Kind kind() {
        return Kind.STATISTICS;
    }
}
