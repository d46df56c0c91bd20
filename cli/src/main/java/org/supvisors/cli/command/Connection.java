package org.supvisors.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.supvisors.client.SupvisorsClient;

/**
 * The agent this session talks to: its URL as the user gave it (messages name it so), the credentials, and a client
 * made at the first call. Plain sockets are used for {@code http://} (a one-shot command then starts faster).
 */
public final class Connection implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private String serverUrl;
    private String username;
    private String password;
    private final int agentPortOffset;
    private SupvisorsClient client;

    public Connection(String serverUrl, String username, String password, int agentPortOffset) {
        this.serverUrl = serverUrl;
        this.username = username;
        this.password = password;
        this.agentPortOffset = agentPortOffset;
    }

    /** The URL of the agent, as given. */
    public String serverUrl() {
        return serverUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The agent port of an instance is its supervisord HTTP port plus this offset. */
    public int agentPortOffset() {
        return agentPortOffset;
    }

    /** The client of the agent, made at the first call. */
    public SupvisorsClient client() {
        if (client == null) {
            client = clientFor(serverUrl);
        }
        return client;
    }

    /** A new client of another agent with the same credentials; the caller closes it. */
    public SupvisorsClient clientFor(String url) {
        if (url.startsWith("unix://")) {
            String path = url.substring("unix://".length());
            if (!Files.exists(Path.of(path))) {
                throw new Abort("ERROR: " + url + " no such file", ExitStatus.NOT_RUNNING);
            }
            throw new Abort("ERROR: " + url + ": the agent serves XML-RPC over TCP only (expected: http://host:port,"
                    + " the supervisord HTTP port + " + agentPortOffset + ")", ExitStatus.GENERIC);
        }
        try {
            SupvisorsClient.Builder builder = SupvisorsClient.builder(url).credentials(username, password)
                    .connectTimeout(CONNECT_TIMEOUT).readTimeout(READ_TIMEOUT);
            if (url.regionMatches(true, 0, "http:", 0, 5)) {
                builder.plainSockets();
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new Abort("ERROR: " + e.getMessage(), ExitStatus.INVALID_ARGS);
        }
    }

    /** New credentials (after a 401 in interactive mode): the next call uses them. */
    public void credentials(String username, String password) {
        this.username = username;
        this.password = password;
        close();
    }

    /** Another agent ({@code open}). */
    public void open(String url) {
        this.serverUrl = url;
        close();
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
