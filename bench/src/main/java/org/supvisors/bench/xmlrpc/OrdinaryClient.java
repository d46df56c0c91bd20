package org.supvisors.bench.xmlrpc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.supvisors.bench.command.BenchException;

/**
 * The "ordinary client" column: Python's {@code xmlrpc.client.ServerProxy} (resource {@code ordinary_client.py})
 * run by {@code python3}, one proxy, hence the connections and writes http.client makes, which it reports.
 */
final class OrdinaryClient {

    /** One series: the latencies and what the client did on the wire. */
    record Run(Latencies latencies, int connections, double writesPerCall, boolean noDelay, String result) {
    }

    private OrdinaryClient() {
    }

    static boolean available() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import xmlrpc.client").redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Run run(int port, String method, int warmup, int calls) throws IOException, InterruptedException {
        Path script = Files.createTempFile("supvisors-bench-client", ".py");
        try {
            try (InputStream in = OrdinaryClient.class.getResourceAsStream("ordinary_client.py")) {
                Files.write(script, in.readAllBytes());
            }
            Process process = new ProcessBuilder("python3", script.toString(), "http://127.0.0.1:" + port + "/RPC2",
                    method, Integer.toString(warmup), Integer.toString(calls)).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new BenchException("python3 ordinary client, " + method + ": failed:\n" + output);
            }
            Map<String, String> lines = new HashMap<>();
            output.lines().forEach(line -> {
                int space = line.indexOf(' ');
                if (space > 0) {
                    lines.put(line.substring(0, space), line.substring(space + 1).trim());
                }
            });
            if (!lines.containsKey("TIMES") || !lines.containsKey("WALL")) {
                throw new BenchException("python3 ordinary client, " + method + ": no TIMES line in:\n" + output);
            }
            long[] nanos = Arrays.stream(lines.get("TIMES").split(" ")).mapToLong(t -> Math.round(Double
                    .parseDouble(t) * 1e6)).toArray();
            long wall = Math.round(Double.parseDouble(lines.get("WALL")) * 1e9);
            return new Run(new Latencies(nanos, wall), Integer.parseInt(lines.get("CONNECTIONS")),
                    Double.parseDouble(lines.get("WRITES_PER_CALL")), "1".equals(lines.get("NODELAY")),
                    lines.get("RESULT"));
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
