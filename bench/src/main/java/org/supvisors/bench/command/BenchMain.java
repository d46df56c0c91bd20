package org.supvisors.bench.command;

import java.io.IOException;

/**
 * The life of a benchmark command: its body runs, a failure is reported as one line on standard error, and
 * whatever it started is stopped on the way out, also on SIGTERM or Ctrl-C (shutdown hook).
 */
public final class BenchMain {

    /** What the command does. */
    public interface Body {
        void run() throws IOException, InterruptedException;
    }

    private BenchMain() {
    }

    /** Runs {@code body}, then {@code cleanup}, then exits with 0, or 1 after a failure. */
    public static void runAndExit(Body body, Runnable cleanup) {
        Runtime.getRuntime().addShutdownHook(new Thread(cleanup, "supvisors-bench-stop"));
        int status;
        try {
            body.run();
            status = 0;
        } catch (BenchException e) {
            progress(e.getMessage());
            status = 1;
        } catch (IOException e) {
            progress(e.toString());
            status = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 1;
        }
        cleanup.run();
        System.exit(status);
    }

    /** A line on standard error, prefixed with the command's name. */
    public static void progress(String message) {
        System.err.println("supvisors-bench: " + message);
    }
}
