package org.supvisors.bench.workload;

/** The requests the benchmarks send to the agents. */
public final class Calls {

    public static final byte[] STATE = KeepAliveClient.request("supvisors.get_supvisors_state");
    public static final byte[] MASTER = KeepAliveClient.request("supvisors.get_master_identifier");
    public static final byte[] ALL_PROCESS_INFO = KeepAliveClient.request("supvisors.get_all_process_info");

    private Calls() {
    }

    public static byte[] instanceInfo(String identifier) {
        return KeepAliveClient.request("supvisors.get_instance_info", identifier);
    }

    /** {@code get_process_info(namespec)}; {@code group:*} for every process of a group. */
    public static byte[] processInfo(String namespec) {
        return KeepAliveClient.request("supvisors.get_process_info", namespec);
    }

    /** {@code start_application(strategy, application, wait=True)}. */
    public static byte[] startApplication(String strategy, String application) {
        return KeepAliveClient.request("supvisors.start_application", strategy, application, true);
    }

    /** {@code stop_application(application, wait=True)}. */
    public static byte[] stopApplication(String application) {
        return KeepAliveClient.request("supvisors.stop_application", application, true);
    }

    /** {@code start_process(strategy, namespec, '', wait=True)}. */
    public static byte[] startProcess(String strategy, String namespec) {
        return KeepAliveClient.request("supvisors.start_process", strategy, namespec, "", true);
    }

    /** {@code stop_process(namespec, wait=True)}. */
    public static byte[] stopProcess(String namespec) {
        return KeepAliveClient.request("supvisors.stop_process", namespec, true);
    }
}
