package org.supvisors.dist.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command of the system ({@code ip}, {@code kill}...) to its end and gives its exit status and output. */
final class SystemCommand {

    private static final long TIMEOUT_SECONDS = 20;

    private SystemCommand() {
    }

    /** What a command did. */
    record Result(List<String> command, int exitStatus, String output) {
        boolean ok() {
            return exitStatus == 0;
        }
    }

    /** Runs {@code command}; a command that cannot start ends with status 127 and the reason as output. */
    static Result attempt(String... command) {
        List<String> argv = List.of(command);
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(argv, 127, e.getMessage());
        }
        try {
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(argv, 124, "timed out after " + TIMEOUT_SECONDS + " s");
            }
            return new Result(argv, process.exitValue(), new String(output, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            process.destroyForcibly();
            return new Result(argv, 126, e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(argv, 130, "interrupted");
        }
    }

    /** Runs {@code command} and returns its output; throws when it fails. */
    static String run(String... command) {
        Result result = attempt(command);
        if (!result.ok()) {
            throw new IllegalStateException(String.join(" ", result.command()) + ": exit status "
                    + result.exitStatus() + (result.output().isEmpty() ? "" : ": " + result.output()));
        }
        return result.output();
    }
}
