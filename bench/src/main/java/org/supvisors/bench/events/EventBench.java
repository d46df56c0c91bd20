package org.supvisors.bench.events;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.supvisors.client.event.ProcessEvent;
import org.supvisors.client.event.SupvisorsEvent;
import org.supvisors.client.event.SupvisorsEventListener;
import org.supvisors.client.event.SupvisorsEventSubscriber;
import org.supvisors.client.event.Topic;

/**
 * The event interface benchmark, on two instances (A and B, {@link EventPlatform}) and subscribers of the client
 * library connected to A:
 * <ol>
 * <li>latency: {@code supervisor.startProcess('lat', False)} sent to the supervisord of A (local) or of B (remote),
 * timed from before the connection to the call until the subscriber's listener gets the STARTING event;</li>
 * <li>throughput: N subscribers to every topic while the 50 programs of {@code burst} are started and stopped
 * (supervisord's {@code startProcessGroup}/{@code stopProcessGroup}) for a while: messages and process events per
 * second received by each subscriber, losses, the agent's CPU and memory.</li>
 * </ol>
 * Prints Markdown tables on standard output, progress on standard error. Run it with {@code bench/events-bench.sh}.
 */
public final class EventBench {

    static final double LATENCY_TARGET_MS = 2.0;

    private static final String USAGE = String.join("\n",
            "usage: events-bench.sh [--no-build] [options]   (--no-build, first: skip mvn -q -DskipTests package)",
            "  --distribution DIR  the distribution (default: dist/target/supvisors)",
            "  --link WS|ZMQ       event_link of the instances (default: WS)",
            "  --samples N         timed start calls per latency case (default: 200, after 20 warm-up calls)",
            "  --subscribers N     subscribers of the throughput run (default: 100)",
            "  --seconds S         duration of the load (default: 10)");

    private final Path distribution;
    private final String link;
    private final int samples;
    private final int subscribers;
    private final int seconds;
    private final PrintStream out = System.out;
    private volatile EventPlatform current;

    private EventBench(Path distribution, String link, int samples, int subscribers, int seconds) {
        this.distribution = distribution;
        this.link = link;
        this.samples = samples;
        this.subscribers = subscribers;
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of("dist/target/supvisors");
        String link = "WS";
        int samples = 200;
        int subscribers = 100;
        int seconds = 10;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--distribution": distribution = Path.of(args[++i]); break;
                    case "--link": link = args[++i]; break;
                    case "--samples": samples = Integer.parseInt(args[++i]); break;
                    case "--subscribers": subscribers = Integer.parseInt(args[++i]); break;
                    case "--seconds": seconds = Integer.parseInt(args[++i]); break;
                    case "-h":
                    case "--help": System.err.println(USAGE); return;
                    default: throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (!link.equals("WS") && !link.equals("ZMQ")) {
                throw new IllegalArgumentException("--link: " + link + " (expected: WS or ZMQ)");
            }
        } catch (RuntimeException e) {
            System.err.println("events-bench: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        if (!Files.isExecutable(distribution.resolve("bin/supvisorsd"))) {
            System.err.println("events-bench: " + distribution.resolve("bin/supvisorsd") + " missing: build first");
            System.exit(2);
        }
        EventBench bench = new EventBench(distribution.toAbsolutePath(), link, samples, subscribers, seconds);
        // Ctrl-C or SIGTERM: stop the two supervisord instances and their agents too
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            EventPlatform platform = bench.current;
            if (platform != null) {
                platform.close();
            }
        }, "events-bench-stop"));
        bench.run();
        System.exit(0);
    }

    private void run() throws Exception {
        String[] loadFields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        String load = loadFields[0] + " " + loadFields[1] + " " + loadFields[2];
        try (EventPlatform platform = new EventPlatform(distribution, link)) {
            current = platform;
            System.err.println("events-bench: starting A and B (event_link = " + link + ")");
            platform.start();
            out.println("### Event interface, event_link = " + link);
            out.println();
            out.println("* date: " + java.time.ZonedDateTime.now().withNano(0));
            out.println("* machine: " + Runtime.getRuntime().availableProcessors() + " cores (nproc), "
                    + cpuModel() + "; load average at start " + load);
            out.println("* JDK (benchmark and agents): " + System.getProperty("java.vm.name") + " "
                    + System.getProperty("java.runtime.version"));
            out.println();
            latency(platform);
            throughput(platform);
        } finally {
            current = null;
        }
        if (link.equals("WS")) {
            System.err.println("events-bench: the WebSocket publisher alone, " + subscribers + " subscribers");
            double[] capacity = PublisherCapacity.measure(subscribers, 20);
            out.println("| WebSocket publisher alone (no supervisord) | subscribers | process events | seconds"
                    + " | process events/s per subscriber | messages/s, all subscribers | dropped |");
            out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            out.printf(Locale.ROOT, "| batches of %d, each once all have the previous | %d | %d | %.1f | %.0f | %.0f"
                    + " | %.0f |%n", PublisherCapacity.BATCH, subscribers, 20 * PublisherCapacity.BATCH,
                    capacity[1], capacity[0], capacity[0] * subscribers, capacity[2]);
            out.println();
        }
    }

    /** A process event as the listener got it. */
    private record Arrival(String name, String identifier, int state, long nanos, double originMonotonic) {
    }

    private void latency(EventPlatform platform) throws Exception {
        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        SupvisorsEventListener listener = new SupvisorsEventListener() {
            @Override
            public void onProcessEvent(ProcessEvent event) {
                arrivals.add(new Arrival(event.name(), event.identifier(), event.state(), System.nanoTime(),
                        event.nowMonotonic()));
            }
        };
        try (SupvisorsEventSubscriber subscriber = builder(platform.eventPort(0)).subscribe(Topic.EVENT,
                Topic.INSTANCE).listener(listener).start()) {
            awaitFlow(subscriber);
            out.println("| case | samples | median ms | p90 ms | p99 ms | max ms | XML-RPC answer median ms"
                    + " | agent → subscriber median ms | 0.19 median ms | target |");
            out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            String[] names = {"process on the subscriber's instance (A)", "process on another instance (B)"};
            double[] original = {1.9, 8.9};
            for (int index = 0; index < 2; index++) {
                System.err.println("events-bench: latency, " + names[index]);
                long[] nanos = new long[samples];
                long[] answers = new long[samples];
                long[] fromAgent = new long[samples];
                for (int i = -20; i < samples; i++) {
                    arrivals.clear();
                    long start = System.nanoTime();
                    try (XmlRpcPost post = XmlRpcPost.send(platform.httpPort(index), "supervisor.startProcess",
                            XmlRpcPost.string("lat") + XmlRpcPost.bool(false))) {
                        Arrival starting = await(arrivals, platform.identifier(index), 10);
                        post.answer();
                        if (i >= 0) {
                            nanos[i] = starting.nanos() - start;
                            answers[i] = System.nanoTime() - start;
                            // System.nanoTime is CLOCK_MONOTONIC, the clock of now_monotonic (same machine)
                            fromAgent[i] = starting.nanos() - (long) (starting.originMonotonic() * 1e9);
                        }
                    }
                    // stopped once RUNNING, and waited for: a stop without wait right after the start was seen to
                    // wait out stopwaitsecs now and then (supervisord's child not exec'd yet?)
                    await(arrivals, platform.identifier(index), 20);
                    String stop = XmlRpcPost.call(platform.httpPort(index), "supervisor.stopProcess",
                            XmlRpcPost.string("lat") + XmlRpcPost.bool(true));
                    if (stop.contains("<fault>")) {
                        throw new IllegalStateException("stopProcess: " + stop);
                    }
                    await(arrivals, platform.identifier(index), 0);
                }
                Arrays.sort(nanos);
                Arrays.sort(answers);
                Arrays.sort(fromAgent);
                double median = percentile(nanos, 50);
                out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | ≤ %.0f ms: %s"
                        + " |%n", names[index], samples, median, percentile(nanos, 90), percentile(nanos, 99),
                        nanos[samples - 1] / 1e6, percentile(answers, 50), percentile(fromAgent, 50),
                        original[index], LATENCY_TARGET_MS, median <= LATENCY_TARGET_MS ? "met" : "missed");
            }
            out.println();
        }
    }

    private static Arrival await(BlockingQueue<Arrival> arrivals, String identifier, int state)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Arrival arrival = arrivals.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (arrival == null) {
                throw new IllegalStateException("no event lat state " + state + " from " + identifier + " in 10 s");
            }
            if (arrival.name().equals("lat") && arrival.identifier().equals(identifier) && arrival.state() == state) {
                return arrival;
            }
        }
    }

    private void throughput(EventPlatform platform) throws Exception {
        System.err.println("events-bench: throughput, " + subscribers + " subscribers, " + seconds + " s of load");
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "bench-subscribers");
            thread.setDaemon(true);
            return thread;
        });
        HttpClient client = HttpClient.newBuilder().executor(executor).build();
        List<SupvisorsEventSubscriber> all = new ArrayList<>();
        List<AtomicLong> events = new ArrayList<>();
        AtomicLong running = new AtomicLong();
        AtomicLong stopped = new AtomicLong();
        try {
            for (int i = 0; i < subscribers; i++) {
                AtomicLong count = new AtomicLong();
                events.add(count);
                boolean pacer = i == 0;
                SupvisorsEventSubscriber.Builder builder = builder(platform.eventPort(0)).subscribeAll()
                        .listener(new SupvisorsEventListener() {
                            @Override
                            public void onEvent(SupvisorsEvent event) {
                                if (event instanceof ProcessEvent) {
                                    count.incrementAndGet();
                                    int state = ((ProcessEvent) event).state();
                                    if (pacer && state == 20) {
                                        running.incrementAndGet();
                                    } else if (pacer && state == 0) {
                                        stopped.incrementAndGet();
                                    }
                                }
                            }
                        });
                if (link.equals("WS")) {
                    builder.httpClient(client);
                }
                all.add(builder.start());
            }
            for (SupvisorsEventSubscriber subscriber : all) {
                awaitFlow(subscriber);
            }
            long pid = platform.agentPid(0);
            long[] messagesBefore = all.stream().mapToLong(SupvisorsEventSubscriber::received).toArray();
            long[] eventsBefore = events.stream().mapToLong(AtomicLong::get).toArray();
            long cpuBefore = cpuTicks(pid);
            long start = System.nanoTime();
            int rounds = 0;
            long runningBefore = running.get();
            long stoppedBefore = stopped.get();
            // as fast as supervisord goes: start all (no wait), until the first subscriber saw them RUNNING; stop
            // all, until it saw them STOPPED
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
                rounds++;
                XmlRpcPost.call(platform.httpPort(0), "supervisor.startProcessGroup", XmlRpcPost.string("burst")
                        + XmlRpcPost.bool(false));
                awaitCount(running, runningBefore + (long) rounds * EventPlatform.BURST);
                XmlRpcPost.call(platform.httpPort(0), "supervisor.stopProcessGroup", XmlRpcPost.string("burst")
                        + XmlRpcPost.bool(false));
                awaitCount(stopped, stoppedBefore + (long) rounds * EventPlatform.BURST);
            }
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            long cpuAfter = cpuTicks(pid);
            long expected = (long) rounds * EventPlatform.BURST * 4;
            // let the last messages arrive
            long quiet = System.nanoTime();
            long last = -1;
            while (System.nanoTime() - quiet < TimeUnit.SECONDS.toNanos(20)) {
                long now = events.stream().mapToLong(AtomicLong::get).sum();
                if (now == last && events.stream().allMatch(c -> c.get() >= 0)) {
                    long min = minDelta(events, eventsBefore);
                    if (min >= expected) {
                        break;
                    }
                }
                last = now;
                Thread.sleep(500);
            }
            long minEvents = minDelta(events, eventsBefore);
            long maxEvents = Long.MIN_VALUE;
            long totalMessages = 0;
            long minMessages = Long.MAX_VALUE;
            for (int i = 0; i < all.size(); i++) {
                maxEvents = Math.max(maxEvents, events.get(i).get() - eventsBefore[i]);
                long messages = all.get(i).received() - messagesBefore[i];
                totalMessages += messages;
                minMessages = Math.min(minMessages, messages);
            }
            String log = platform.agentLog(0);
            long dropLines = log.lines().filter(l -> l.contains("does not keep up")).count();
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            out.println("| subscribers | load s | process events published | messages/s per subscriber"
                    + " | process events/s per subscriber | messages/s, all subscribers | events lost (min received)"
                    + " | agent CPU % | agent RSS MiB | agent threads |");
            out.println("| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |");
            out.printf(Locale.ROOT, "| %d | %.1f | %d | %.0f | %.0f | %.0f | %d (%d..%d)%s | %.0f | %s | %s |%n",
                    subscribers, loadSeconds, expected, minMessages / loadSeconds, expected / loadSeconds,
                    totalMessages / loadSeconds, Math.max(0, expected - minEvents), minEvents, maxEvents,
                    dropLines > 0 ? ", " + dropLines + " drop warning(s) in the agent log" : "",
                    (cpuAfter - cpuBefore) / loadSeconds, field(status, "VmRSS:", 1024.0),
                    field(status, "Threads:", 1));
            out.println();
        } finally {
            all.forEach(SupvisorsEventSubscriber::close);
            executor.shutdownNow();
        }
    }

    private static void awaitCount(AtomicLong count, long target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("load: " + count.get() + " of " + target + " events in 60 s");
            }
            Thread.sleep(1);
        }
    }

    private static long minDelta(List<AtomicLong> counts, long[] before) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < counts.size(); i++) {
            min = Math.min(min, counts.get(i).get() - before[i]);
        }
        return min;
    }

    private SupvisorsEventSubscriber.Builder builder(int port) {
        return link.equals("WS") ? SupvisorsEventSubscriber.webSocket("127.0.0.1", port)
                : SupvisorsEventSubscriber.zeroMq("127.0.0.1", port);
    }

    /** Waits until the subscriber receives messages (an instance tick comes every 5 s): its subscription is in place. */
    private static void awaitFlow(SupvisorsEventSubscriber subscriber) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (subscriber.received() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(subscriber + " received nothing in 30 s");
            }
            Thread.sleep(50);
        }
    }

    private static double percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /** utime + stime of a process, in clock ticks (1/100 s): CPU % = ticks per second. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String field(String status, String name, double divisor) {
        return status.lines().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> String.format(Locale.ROOT, divisor == 1 ? "%.0f" : "%.1f",
                        Long.parseLong(l.substring(name.length()).trim().split("\\s+")[0]) / divisor))
                .orElse("n/a");
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    }
}
