package org.supvisors.bench.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The description of the machine a table was measured on. */
public final class Machine {

    private Machine() {
    }

    /** Date, machine (with the load average now), JDK, supervisord and, when asked, Python's version. */
    public static String describe(boolean python) {
        return String.join("\n",
                "* date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT))
                        .replaceAll("\\.\\d+", ""),
                "* machine: " + Runtime.getRuntime().availableProcessors() + " cores (nproc), " + cpuModel() + ", "
                        + memory() + " RAM; load average at start " + loadAverage(),
                "* JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + "; supervisord " + command("supervisord", "--version")
                        + (python ? "; " + command("python3", "--version") : ""));
    }

    private static String cpuModel() {
        return firstLineValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
    }

    private static String memory() {
        return firstLineValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(value -> String.format(Locale.ROOT, "%.1f GiB",
                        Long.parseLong(value.split("\\s+")[0]) / 1024.0 / 1024.0))
                .orElse("unknown");
    }

    /** The three load averages of /proc/loadavg. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static java.util.Optional<String> firstLineValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** The output of a short command, or "unavailable". */
    public static String command(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "unavailable";
        } catch (IOException e) {
            return "unavailable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unavailable";
        }
    }
}
