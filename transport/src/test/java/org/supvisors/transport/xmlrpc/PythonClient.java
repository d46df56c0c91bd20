package org.supvisors.transport.xmlrpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Python's standard {@code xmlrpc.client} (test resource {@code xmlrpc/client.py}) against a URL: one line
 * per call in, one line per answer out ({@code OK <repr>}, {@code FAULT <code> <string>}, {@code PROTOCOL <code>
 * <message>}, {@code ERROR ...}), all calls on one keep-alive connection.
 */
final class PythonClient {

    /** The answers, one per call, and the duration of each call in milliseconds. */
    record Run(List<String> answers, double[] millis) {
    }

    private PythonClient() {
    }

    /** Runs the calls, each a Python literal {@code ("method", [params])}. */
    static Run run(String url, String... calls) throws IOException, InterruptedException {
        Path script = Files.createTempFile("xmlrpc-client", ".py");
        try (InputStream in = PythonClient.class.getResourceAsStream("/xmlrpc/client.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process process = new ProcessBuilder("python3", script.toString(), url).redirectErrorStream(true).start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((String.join("\n", calls) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("python3 client failed:\n" + output);
        }
        Files.deleteIfExists(script);
        List<String> answers = new ArrayList<>(output.lines().toList());
        String last = answers.isEmpty() ? "" : answers.remove(answers.size() - 1);
        if (!last.startsWith("TIMES")) {
            throw new AssertionError("python3 client output without TIMES line:\n" + output);
        }
        double[] millis = Arrays.stream(last.substring(5).trim().split(" ")).filter(s -> !s.isEmpty())
                .mapToDouble(Double::parseDouble).toArray();
        if (answers.size() != calls.length) {
            throw new AssertionError("python3 client: " + answers.size() + " answers for " + calls.length
                    + " calls:\n" + output);
        }
        return new Run(answers, millis);
    }
}
