package org.supvisors.bench.command;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The life of a benchmark command: its arguments are parsed (usage on {@code -h}, {@code --help} or a bad one), it
 * runs, a failure is reported as one line on standard error, and whatever it started is stopped on the way out,
 * also on SIGTERM or Ctrl-C (shutdown hook).
 */
public final class BenchMain {

    /** A benchmark command, made from its parsed arguments. */
    public interface Command {
        void run() throws IOException, InterruptedException;

        /** Stops what {@link #run()} started and still runs; called at the end and by the shutdown hook. */
        void stop();
    }

    private BenchMain() {
    }

    /**
     * Parses {@code args} into a command and runs it, then exits with 0, with 1 after a failure, or with 2 after a
     * bad argument ({@code parse} throws {@link IllegalArgumentException}).
     */
    public static <O> void main(String[] args, String usage, Function<String[], O> parse,
                                Function<O, Command> command) {
        if (Arrays.asList(args).contains("-h") || Arrays.asList(args).contains("--help")) {
            System.err.println(usage);
            return;
        }
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println("supvisors-bench: " + e.getMessage() + "\n" + usage);
            System.exit(2);
            return;
        }
        Command bench = command.apply(options);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stop, "supvisors-bench-stop"));
        int status;
        try {
            bench.run();
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
        bench.stop();
        System.exit(status);
    }

    /** A line on standard error, prefixed with the command's name. */
    public static void progress(String message) {
        System.err.println("supvisors-bench: " + message);
    }
}
