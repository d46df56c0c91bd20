package org.supvisors.bench.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.supvisors.bench.command.BenchException;
import org.supvisors.bench.command.BenchMain;
import org.supvisors.transport.testing.FreePorts;

/**
 * Free loopback ports for the servers of the workload (supervisord, event port, agent port), below the kernel's
 * ephemeral range: a port of that range found free can be taken, before the server binds it, as the local end of
 * an outgoing connection (a peer link the other agents dial, a client of the benchmark), and then stays taken
 * while that connection lives; the agent cannot listen there ("Address already in use").
 */
public final class ListeningPorts {

    private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int ATTEMPTS = 200;

    private ListeningPorts() {
    }

    /** The first of {@code count} consecutive free ports, all below the ephemeral range. */
    public static int block(int count) {
        int ephemeralStart = ephemeralStart();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base = FreePorts.block(count);
            if (base + count <= ephemeralStart) {
                return base;
            }
        }
        throw new BenchException("no block of " + count + " free ports below the ephemeral range (" + RANGE + ": "
                + ephemeralStart + ") after " + ATTEMPTS + " attempts");
    }

    private static int ephemeralStart() {
        try {
            // readAllLines: Files.readString gets the first byte only of a /proc/sys file (JDK 17)
            return Integer.parseInt(Files.readAllLines(RANGE).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            BenchMain.progress(RANGE + ": " + e + " (expected: two port numbers); ports kept below 32768");
            return 32768;
        }
    }
}
