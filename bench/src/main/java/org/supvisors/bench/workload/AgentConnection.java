package org.supvisors.bench.workload;

import java.io.IOException;

import org.supvisors.bench.command.BenchMain;

/**
 * A keep-alive connection to one agent that is made again after any failure: a probe or a poller calls it on
 * every period whether the agent is up yet, down, or answering.
 */
public final class AgentConnection implements AutoCloseable {

    private final int port;
    private KeepAliveClient client;

    public AgentConnection(int port) {
        this.port = port;
    }

    /** The body of the answer (a fault included); an I/O failure or a status other than 200 is thrown. */
    public String call(byte[] request) throws IOException {
        try {
            if (client == null) {
                client = new KeepAliveClient(port);
            }
            int status = client.exchange(request);
            if (status != 200) {
                throw new IOException("127.0.0.1:" + port + ": HTTP status " + status + " (expected: 200)");
            }
            return client.body();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                BenchMain.progress("127.0.0.1:" + port + ": closing a connection: " + e.getMessage());
            }
            client = null;
        }
    }
}
