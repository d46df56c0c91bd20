package org.supvisors.dist.log;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A {@link LogControl} on a frozen clock whose standard error is captured in memory. */
final class Captured {

    /** 07:08:09.012987 UTC, that is 09:08:09 in Paris: lines show local time, milliseconds truncated. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:08:09.012987Z"), ZoneId.of("Europe/Paris"));
    static final String ASCTIME = "2024-05-06 09:08:09,012";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stderr = new PrintStream(bytes, true, UTF_8);
    final LogControl control = new LogControl(() -> stderr, CLOCK);

    System.Logger logger(String name) {
        return new SupvisorsLogger(name, control);
    }

    /** Everything written to standard error so far. */
    String stderr() {
        return bytes.toString(UTF_8);
    }

    List<String> stderrLines() {
        return stderr().lines().toList();
    }
}
