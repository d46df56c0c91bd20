package org.supvisors.bench.workload;

import java.io.IOException;
import java.time.Duration;

import org.supvisors.bench.command.BenchMain;

/**
 * A watcher of one survivor: connects and makes one call before the kill, then one round every period from the
 * kill instant until stopped.
 */
public abstract class SurvivorLoop implements Runnable {

    protected final SupervisordInstance survivor;
    private final Duration period;
    private final KillInstant kill;
    private volatile boolean stopped;

    protected SurvivorLoop(SupervisordInstance survivor, Duration period, KillInstant kill) {
        this.survivor = survivor;
        this.period = period;
        this.kill = kill;
    }

    @Override
    public final void run() {
        try (AgentConnection agent = new AgentConnection(survivor.agentPort())) {
            try {
                agent.call(Calls.STATE);
            } catch (IOException e) {
                BenchMain.progress(survivor.nickname() + ": no answer before the kill (" + e.getMessage() + ")");
            } finally {
                kill.ready();
            }
            long origin = kill.awaitFired();
            Periodic periodic = new Periodic(period);
            while (!stopped) {
                round(agent, origin);
                periodic.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() {
        stopped = true;
    }

    /** One round: calls, then what they say, stamped in nanoseconds from {@code origin}. */
    protected abstract void round(AgentConnection agent, long origin);
}
