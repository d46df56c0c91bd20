package org.supvisors.bench.xmlrpc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.supvisors.bench.command.BenchException;
import org.supvisors.bench.workload.KeepAliveClient;
import org.supvisors.bench.workload.ListeningPorts;
import org.supvisors.bench.workload.Poll;
import org.supvisors.bench.workload.SupervisordInstance;
import org.supvisors.bench.workload.TemporaryDirectory;
import org.supvisors.bench.workload.WorkloadConfiguration;
import org.supvisors.bench.workload.XmlRpcAnswer;

/**
 * One instance of the reference workload alone in its {@code supvisors_list}: a temporary directory, a
 * supervisord on free loopback ports (HTTP port, event port = +1, agent port = +2) with the wanted number of
 * processes, until {@link #close()}, which stops it and removes the directory.
 */
final class WorkloadPlatform implements AutoCloseable {

    static final String NICKNAME = "supv1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path distribution;
    private final Path workload;
    private final int processes;
    private final boolean keep;
    private TemporaryDirectory directory;
    private SupervisordInstance supervisord;
    private long agentPid;

    WorkloadPlatform(Path distribution, Path workload, int processes, boolean keep) {
        this.distribution = distribution;
        this.workload = workload;
        this.processes = processes;
        this.keep = keep;
    }

    /** Writes the configuration, starts supervisord and waits until the agent is in OPERATION with every process. */
    WorkloadPlatform start() throws IOException {
        directory = TemporaryDirectory.create("supvisors-xmlrpc-bench-", keep);
        WorkloadConfiguration.Member self = new WorkloadConfiguration.Member(NICKNAME, ListeningPorts.block(3));
        supervisord = new SupervisordInstance(self, directory.path(), WorkloadConfiguration.supervisord(
                "written by supvisors-bench (XML-RPC benchmark), " + processes + " processes", directory.path(), self,
                List.of(self), distribution, Optional.empty()),
                WorkloadConfiguration.programs(Files.readString(workload.resolve("programs.ini")), processes));
        supervisord.start();
        byte[] state = KeepAliveClient.request("supvisors.get_supvisors_state");
        byte[] all = KeepAliveClient.request("supvisors.get_all_process_info");
        Poll.until(READY_TIMEOUT, "OPERATION with " + processes + " processes", () -> {
            supervisord.checkAlive();
            try (KeepAliveClient client = new KeepAliveClient(agentPort())) {
                if (client.exchange(state) != 200 || !client.body().contains("<string>OPERATION</string>")) {
                    return Optional.empty();
                }
                client.exchange(all);
                int count = XmlRpcAnswer.count(client.body(), XmlRpcAnswer.PROCESS_MEMBER);
                if (count > processes) {
                    throw new BenchException("get_all_process_info: " + count + " processes (expected: "
                            + processes + ")");
                }
                return count == processes ? Optional.of(Boolean.TRUE) : Optional.empty();
            }
        });
        agentPid = supervisord.agentPid(Duration.ofSeconds(5));
        supervisord.children();
        return this;
    }

    int agentPort() {
        return supervisord.agentPort();
    }

    long agentPid() {
        return agentPid;
    }

    long supervisordPid() {
        return supervisord.pid();
    }

    @Override
    public synchronized void close() {
        if (supervisord != null) {
            supervisord.stop();
            supervisord = null;
        }
        if (directory != null) {
            directory.remove();
            directory = null;
        }
    }
}
