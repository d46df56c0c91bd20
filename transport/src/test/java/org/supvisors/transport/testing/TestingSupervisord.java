package org.supvisors.transport.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.supvisors.core.testing.Await;

/**
 * A real supervisord (Debian's package) for tests: its own directory under {@code target/it-supervisord}, a
 * configuration written from the builder, an {@code [inet_http_server]} on a free loopback port, started in the
 * foreground and stopped, killed or restarted at will. The directory is kept for post-mortem reading.
 *
 * <p>Ports: {@link #httpPort()} and the next two are free when it is created (event port = +1, agent port = +2).
 */
public final class TestingSupervisord implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path directory;
    private final Path configuration;
    private final int httpPort;
    private final String username;
    private final String password;
    private Process process;
    private final List<ProcessHandle> knownDescendants = new ArrayList<>();

    private TestingSupervisord(Builder builder) throws IOException {
        this.httpPort = builder.httpPort > 0 ? builder.httpPort : FreePorts.block(3);
        this.username = builder.username;
        this.password = builder.password;
        this.directory = builder.directory != null ? builder.directory
                : Paths.get("target", "it-supervisord",
                        builder.name + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet())
                        .toAbsolutePath();
        Files.createDirectories(directory);
        this.configuration = directory.resolve("supervisord.conf");
        StringBuilder text = new StringBuilder();
        text.append("[supervisord]\n")
                .append("nodaemon = true\n")
                .append("logfile = ").append(directory.resolve("supervisord.log")).append('\n')
                .append("pidfile = ").append(directory.resolve("supervisord.pid")).append('\n')
                .append("childlogdir = ").append(directory).append('\n')
                .append("loglevel = ").append(builder.logLevel).append('\n');
        if (builder.identifier != null) {
            text.append("identifier = ").append(builder.identifier).append('\n');
        }
        text.append("\n[inet_http_server]\n")
                .append("port = ").append(builder.listenHost).append(':').append(httpPort).append('\n');
        if (username != null) {
            text.append("username = ").append(username).append('\n')
                    .append("password = ").append(password).append('\n');
        }
        text.append("\n[rpcinterface:supervisor]\n")
                .append("supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n")
                .append("\n[supervisorctl]\n")
                .append("serverurl = http://127.0.0.1:").append(httpPort).append('\n')
                .append('\n')
                .append(builder.extra.toString().replace("%(test_dir)s", directory.toString())
                        .replace("%(http_port)s", Integer.toString(httpPort)));
        Files.writeString(configuration, text.toString());
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Starts supervisord and waits until its XML-RPC says RUNNING. */
    public TestingSupervisord start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("supervisord already started in " + directory);
        }
        try {
            ProcessBuilder pb = new ProcessBuilder("supervisord", "-n", "-c", configuration.toString())
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("supervisord.out").toFile()));
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start supervisord (is Debian's 'supervisor' package installed?)", e);
        }
        Await.until(START_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("supervisord exited with " + process.exitValue() + "; see "
                        + directory.resolve("supervisord.out") + " and supervisord.log");
            }
            String answer = call("supervisor.getState");
            if (!answer.contains("RUNNING")) {
                throw new AssertionError("supervisord not RUNNING yet: " + answer);
            }
        });
        return this;
    }

    /** Stops supervisord gracefully (SIGTERM), as a user would, and waits for it and its children to end. */
    public void stop() {
        if (process == null) {
            return;
        }
        rememberDescendants();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        killLeftovers();
        process = null;
    }

    /**
     * Kills supervisord with SIGKILL, as a crash would: its children are orphaned; they are remembered and
     * killed at {@link #close()} (the agent, whose standard input closes, exits by itself).
     */
    public void kill9() {
        if (process == null) {
            return;
        }
        rememberDescendants();
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The pid of supervisord. */
    public long pid() {
        return process.pid();
    }

    public int httpPort() {
        return httpPort;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public Path directory() {
        return directory;
    }

    public Path configuration() {
        return configuration;
    }

    /**
     * Calls a supervisord XML-RPC method without parameters with a bare HTTP client, and returns the raw XML
     * answer (a helper for fixtures; tests use a real XML-RPC client).
     */
    public String call(String method) throws IOException {
        byte[] body = ("<?xml version=\"1.0\"?><methodCall><methodName>" + method
                + "</methodName><params></params></methodCall>").getBytes(StandardCharsets.UTF_8);
        HttpURLConnection connection = (HttpURLConnection) new URL(url() + "/RPC2").openConnection();
        connection.setConnectTimeout(2000);
        connection.setReadTimeout(5000);
        connection.setDoOutput(true);
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "text/xml");
        if (username != null) {
            String token = Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            connection.setRequestProperty("Authorization", "Basic " + token);
        }
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    /** The text of a file of the directory (a log, say), empty if it does not exist. */
    public String read(String fileName) {
        Path file = directory.resolve(fileName);
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        killLeftovers();
    }

    private void rememberDescendants() {
        if (process != null) {
            process.descendants().forEach(knownDescendants::add);
        }
    }

    private void killLeftovers() {
        for (ProcessHandle handle : knownDescendants) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        knownDescendants.clear();
    }

    /** What the configuration holds besides the fixed sections. */
    public static final class Builder {
        private final String name;
        private final StringBuilder extra = new StringBuilder();
        private String username;
        private String password;
        private String identifier;
        private String logLevel = "info";
        private String listenHost = "127.0.0.1";
        private int httpPort;
        private Path directory;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Appends configuration text (sections); {@code %(test_dir)s} and {@code %(http_port)s} are replaced by the
         * instance directory and HTTP port.
         */
        public Builder section(String text) {
            extra.append(text).append(text.endsWith("\n") ? "\n" : "\n\n");
            return this;
        }

        /** A {@code [program:name]} running {@code command} with {@code autostart=false} unless given otherwise. */
        public Builder program(String name, String command, String... options) {
            StringBuilder text = new StringBuilder("[program:" + name + "]\ncommand = " + command + "\n");
            boolean autostart = false;
            for (String option : options) {
                text.append(option).append('\n');
                autostart |= option.replace(" ", "").startsWith("autostart=");
            }
            if (!autostart) {
                text.append("autostart = false\n");
            }
            return section(text.toString());
        }

        public Builder credentials(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        /** supervisord's {@code identifier} option. */
        public Builder identifier(String identifier) {
            this.identifier = identifier;
            return this;
        }

        public Builder logLevel(String level) {
            this.logLevel = level;
            return this;
        }

        /** A fixed HTTP port instead of a free one (e.g. to restart on the same port). */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        /**
         * The host part of {@code [inet_http_server] port}: {@code 127.0.0.1} unless given, {@code *} for every
         * interface (the server stays reachable on 127.0.0.1).
         */
        public Builder listenHost(String host) {
            this.listenHost = host;
            return this;
        }

        /** A fixed directory instead of a new one under target/it-supervisord. */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        public TestingSupervisord build() {
            try {
                return new TestingSupervisord(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
