package org.supvisors.bench.command;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmark commands share on their command line and before they start. */
public final class Arguments {

    private Arguments() {
    }

    /** The value after {@code option}, at {@code i}. */
    public static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " requires a value");
        }
        return args[i];
    }

    public static int positive(String option, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": " + text + " (expected: a positive integer)");
    }

    /** Checks what every benchmark of the workload needs: supervisord, the distribution, the workload. */
    public static void checkPrerequisites(Path distribution, Path workload) {
        if (Machine.command("supervisord", "--version").equals("unavailable")) {
            throw new BenchException("supervisord: not found on the PATH (expected: Debian's package, apt-get"
                    + " install -y supervisor)");
        }
        Path agent = distribution.resolve("bin/supvisorsd");
        if (!Files.isExecutable(agent)) {
            throw new BenchException(agent + ": missing (expected: the distribution, built by mvn -q -DskipTests"
                    + " package at the root of the repository)");
        }
        Path programs = workload.resolve("programs.ini");
        if (!Files.isReadable(programs)) {
            throw new BenchException(programs + ": missing (expected: the reference workload, --workload DIR)");
        }
    }
}
