package org.supvisors.transport.supervisord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.supvisors.core.supervisor.SupervisordEvent;
import org.supvisors.core.testing.Await;

/**
 * A tiny event listener for {@link EventListenerChannelIT}, run by a real supervisord as
 * {@code [eventlistener:probe]}: it writes each line it hears to a file ({@code toString()} of events,
 * {@code LOST a..b}, {@code END}) and exits at the end of its input.
 *
 * <p>Arguments: the file to write; optionally a file whose appearance the first event waits for, so that
 * supervisord's buffer overflows meanwhile.
 */
public final class EventProbe {

    private EventProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path output = Path.of(args[0]);
        Path release = args.length > 1 ? Path.of(args[1]) : null;
        CountDownLatch ended = new CountDownLatch(1);
        EventListenerChannel channel = EventListenerChannel.overStandardStreams(new SupervisordEventSink() {
            private boolean first = true;

            @Override
            public void onEvent(SupervisordEvent event) {
                write(event.toString());
                if (first && release != null) {
                    // blocks on purpose, against the sink's contract, to make supervisord drop events
                    Await.until(Duration.ofSeconds(60), () -> {
                        if (!Files.exists(release)) {
                            throw new AssertionError("waiting for " + release);
                        }
                    });
                }
                first = false;
            }

            @Override
            public void onEventsLost(long firstLost, long lastLost) {
                write("LOST " + firstLost + ".." + lastLost);
            }

            @Override
            public void onEndOfInput() {
                write("END");
                ended.countDown();
            }

            private void write(String line) {
                try {
                    Files.writeString(output, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        channel.start();
        ended.await();
    }
}
