package org.supvisors.bench.commander;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.supvisors.bench.command.BenchException;
import org.supvisors.bench.workload.Cluster;
import org.supvisors.bench.workload.KeepAliveClient;
import org.supvisors.bench.workload.Periodic;
import org.supvisors.bench.workload.SupervisordInstance;
import org.supvisors.bench.workload.XmlRpcAnswer;

/**
 * The starts of a cycle done again without the commander, as the floor of what the machine allows at that moment:
 * the same processes on the same instances, started by one plain client per supervisord
 * ({@code supervisor.startProcess(name, False)} one after the other, as an agent does), the three in parallel, and
 * timed until each supervisord says all its processes RUNNING ({@code supervisor.getProcessInfo} of each in turn,
 * every 5 ms until it is). The agents are still supervisord's event listeners: they receive the events, as in every real start.
 */
final class DirectStart {

    private static final Duration POLL = Duration.ofMillis(5);

    private DirectStart() {
    }

    /** Starts {@code placement} (namespecs per nickname); returns the time until the last one is RUNNING. */
    static long run(Cluster cluster, Map<String, List<String>> placement, Duration timeout)
            throws InterruptedException {
        List<Map.Entry<String, List<String>>> targets = placement.entrySet().stream()
                .filter(entry -> !entry.getValue().isEmpty()).toList();
        ExecutorService clients = Executors.newFixedThreadPool(targets.size());
        try {
            CountDownLatch ready = new CountDownLatch(targets.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> ends = new ArrayList<>();
            for (Map.Entry<String, List<String>> target : targets) {
                SupervisordInstance instance = cluster.instance(target.getKey());
                ends.add(clients.submit(() -> startAll(instance, target.getValue(), ready, go, timeout)));
            }
            ready.await();
            long origin = System.nanoTime();
            go.countDown();
            long last = origin;
            for (Future<Long> end : ends) {
                last = Math.max(last, end.get());
            }
            return last - origin;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof BenchException fatal ? fatal
                    : new BenchException("direct start: " + e.getCause(), e.getCause());
        } finally {
            clients.shutdownNow();
        }
    }

    /** On one supervisord: connects, waits for the signal, starts, polls; returns when all are RUNNING. */
    private static long startAll(SupervisordInstance instance, List<String> namespecs, CountDownLatch ready,
                                 CountDownLatch go, Duration timeout) throws IOException, InterruptedException {
        try (KeepAliveClient client = new KeepAliveClient(instance.httpPort())) {
            client.exchange(KeepAliveClient.request("supervisor.getState"));
            ready.countDown();
            go.await();
            long deadline = System.nanoTime() + timeout.toNanos();
            for (String namespec : namespecs) {
                int status = client.exchange(KeepAliveClient.request("supervisor.startProcess", namespec, false));
                String result = XmlRpcAnswer.result(client.body());
                if (status != 200 || !result.equals("1")) {
                    throw new BenchException(instance.nickname() + ": supervisor.startProcess(" + namespec + "): HTTP "
                            + status + ", " + result + " (expected: true)");
                }
            }
            // one small answer per poll: a getAllProcessInfo answer is over 4 KiB and costs a delayed ACK (40 ms)
            Periodic periodic = new Periodic(POLL);
            int running = 0;
            while (true) {
                client.exchange(KeepAliveClient.request("supervisor.getProcessInfo", namespecs.get(running)));
                long now = System.nanoTime();
                if (XmlRpcAnswer.member(client.body(), "statename").orElse("").equals("RUNNING")) {
                    running++;
                    if (running == namespecs.size()) {
                        return now;
                    }
                    continue;
                }
                if (now - deadline > 0) {
                    throw new BenchException(instance.nickname() + ": " + (namespecs.size() - running) + " of "
                            + namespecs.size() + " processes not RUNNING within " + timeout.toSeconds() + " s of"
                            + " their direct start");
                }
                periodic.await();
            }
        } catch (IOException e) {
            throw new BenchException(instance.nickname() + ": supervisord at 127.0.0.1:" + instance.httpPort() + ": "
                    + e.getMessage(), e);
        }
    }

}
