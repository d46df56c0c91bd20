package org.supvisors.bench.cluster;

import org.supvisors.bench.workload.KeepAliveClient;

/** The requests the cluster benchmark sends to the agents. */
final class Calls {

    static final byte[] STATE = KeepAliveClient.request("supvisors.get_supvisors_state");
    static final byte[] MASTER = KeepAliveClient.request("supvisors.get_master_identifier");
    static final byte[] ALL_PROCESS_INFO = KeepAliveClient.request("supvisors.get_all_process_info");

    private Calls() {
    }

    static byte[] instanceInfo(String identifier) {
        return KeepAliveClient.request("supvisors.get_instance_info", identifier);
    }
}
