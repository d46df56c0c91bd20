package org.supvisors.bench.workload;

import java.io.IOException;

/**
 * The cluster a benchmark runs now, one at a time: closed when its work ends, or by {@link #stop()} when the
 * benchmark is stopped (shutdown hook) while it runs.
 */
public final class ClusterSlot {

    private volatile Cluster current;

    /** Work on a cluster. */
    public interface Work<T> {
        T run(Cluster cluster) throws IOException, InterruptedException;
    }

    /** Runs {@code work} on {@code cluster}, then closes the cluster whatever happened. */
    public <T> T run(Cluster cluster, Work<T> work) throws IOException, InterruptedException {
        current = cluster;
        try {
            return work.run(cluster);
        } finally {
            current = null;
            cluster.close();
        }
    }

    /** Closes the cluster of the work in progress, if any. */
    public void stop() {
        Cluster cluster = current;
        if (cluster != null) {
            cluster.close();
        }
    }
}
