package org.supvisors.transport.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Free TCP ports on 127.0.0.1 for tests. */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * The first port of {@code count} consecutive free ports (e.g. a supervisord port, its event port and its agent
     * port), chosen at random in [10000; 32000), below Linux's ephemeral range (32768-60999), so that no outgoing
     * connection takes it between the check and the bind.
     */
    public static int block(int count) {
        for (int attempt = 0; attempt < 500; attempt++) {
            int base = 10000 + ThreadLocalRandom.current().nextInt(22000 / 10) * 10;
            boolean free = true;
            for (int port = base; port < base + count && free; port++) {
                free = isFree(port);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no block of " + count + " free ports found on 127.0.0.1");
    }

    /** One free port. */
    public static int one() {
        return block(1);
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException busy) {
            return false;
        }
    }
}
