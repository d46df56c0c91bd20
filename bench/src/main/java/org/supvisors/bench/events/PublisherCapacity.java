package org.supvisors.bench.events;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.supvisors.client.event.SupvisorsEventSubscriber;
import org.supvisors.client.event.Topic;
import org.supvisors.transport.events.EventSettings;
import org.supvisors.transport.events.WebSocketBroadcaster;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

/**
 * The WebSocket publisher alone, without supervisord: how many process events per second it carries to N
 * subscribers of the client library (in this JVM) when published as fast as they are received. Batches of
 * {@value #BATCH} messages (less than the queue limit: nothing is dropped), each published once every subscriber has
 * the previous one.
 */
final class PublisherCapacity {

    static final int BATCH = 500;

    private PublisherCapacity() {
    }

    /** Publishes {@code batches} batches to {@code count} subscribers; returns {events/s, wall seconds, dropped}. */
    static double[] measure(int count, int batches) throws Exception {
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        ExecutorService executor = Executors.newFixedThreadPool(2);
        List<SupvisorsEventSubscriber> subscribers = new ArrayList<>();
        WebSocketBroadcaster broadcaster = new WebSocketBroadcaster(EventSettings.of(0)).start(loops);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (broadcaster.localAddress().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            int port = broadcaster.localAddress().orElseThrow().getPort();
            HttpClient client = HttpClient.newBuilder().executor(executor).build();
            for (int i = 0; i < count; i++) {
                subscribers.add(SupvisorsEventSubscriber.webSocket("127.0.0.1", port).subscribe(Topic.EVENT)
                        .httpClient(client).start());
            }
            while (broadcaster.subscriberCount() < count) {
                Thread.sleep(10);
            }
            long start = System.nanoTime();
            for (int batch = 0; batch < batches; batch++) {
                for (int i = 0; i < BATCH; i++) {
                    broadcaster.publish("event", body(batch * BATCH + i));
                }
                long target = (long) (batch + 1) * BATCH;
                for (SupvisorsEventSubscriber subscriber : subscribers) {
                    while (subscriber.received() < target) {
                        Thread.onSpinWait();
                        if (broadcaster.droppedMessages() > 0) {
                            throw new IllegalStateException("messages dropped: " + broadcaster.droppedMessages());
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new double[] {(double) batches * BATCH / seconds, seconds, broadcaster.droppedMessages()};
        } finally {
            subscribers.forEach(SupvisorsEventSubscriber::close);
            broadcaster.close();
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            executor.shutdownNow();
        }
    }

    /** A process event of the usual size (~330 bytes on the wire). */
    private static Map<String, Object> body(int sequence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identifier", "127.0.0.1:60000");
        body.put("nick_identifier", "supv01");
        body.put("group", "burst");
        body.put("name", "b07");
        body.put("state", 20);
        body.put("now", 1795000000.0 + sequence);
        body.put("now_monotonic", 12345.678 + sequence);
        body.put("pid", 4242);
        body.put("expected", true);
        body.put("spawnerr", "");
        body.put("extra_args", "");
        body.put("disabled", false);
        body.put("event_mtime", 12345.679 + sequence);
        return body;
    }
}
