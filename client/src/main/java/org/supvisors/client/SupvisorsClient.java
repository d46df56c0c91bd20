package org.supvisors.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A client of one Supvisors agent: the {@code supvisors.*}, {@code supervisor.*} and {@code system.*} namespaces of
 * its XML-RPC endpoint ({@code http://host:<agent port>/RPC2}), typed.
 *
 * <pre>{@code
 * try (SupvisorsClient client = SupvisorsClient.builder("http://localhost:60002")
 *         .credentials("user", "secret")
 *         .build()) {
 *     for (ProcessInfo process : client.supvisors().getAllProcessInfo()) {
 *         System.out.println(process.namespec() + " " + process.state());
 *     }
 *     client.supvisors().startApplication(StartingStrategy.LESS_LOADED, "web");   // waits until RUNNING
 * }
 * }</pre>
 *
 * <p><b>Connections.</b> Calls go over persistent HTTP/1.1 connections (keep-alive): the first call opens one, the
 * next calls reuse it; concurrent calls open more, which are kept for later calls. Nothing connects before the first
 * call. Credentials, when given, are sent with every request (HTTP basic). A call is never retried (a start must not
 * be sent twice): a connection lost during a call is reported, and the next call opens a new one.
 *
 * <p><b>Timeouts.</b> {@linkplain Builder#connectTimeout Connect timeout}: the longest wait for a TCP connection
 * (default 10 s). {@linkplain Builder#readTimeout Read timeout}: the longest wait for the complete answer to a call
 * that answers at once, counted from the call (default 30 s). {@linkplain Builder#waitTimeout Wait timeout}: the
 * same for the calls made with {@code wait = true}, which return only once processes have started or stopped
 * (default: none, they wait as long as the work takes), and for {@code system.multicall}.
 *
 * <p><b>Errors.</b> Every call throws an {@link XmlRpcFault} when the agent answers with a fault (code and name of
 * 0.19), a {@link CommunicationException} when no valid answer comes back (refused connection, wrong credentials,
 * timeout, malformed answer...), with a message that names the URL; both are checked
 * {@link SupvisorsClientException}s.
 *
 * <p><b>Threads.</b> A client is thread-safe: share one between threads. {@link #close()} abandons the calls in
 * progress (they throw a {@code CLOSED} {@link CommunicationException}), releases the connections and the client's
 * threads (daemon threads, so a client never keeps a JVM alive); calls after it are refused the same way.
 */
public final class SupvisorsClient implements AutoCloseable {

    private final XmlRpcTransport transport;
    private final Invoker invoker;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration waitTimeout;
    private final SupvisorsApi supvisors;
    private final SupervisorApi supervisor;
    private final SystemApi system;

    private SupvisorsClient(Builder builder) {
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.waitTimeout = builder.waitTimeout;
        String authorization = builder.username == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (builder.username + ":" + builder.password).getBytes(StandardCharsets.UTF_8));
        this.transport = new XmlRpcTransport(builder.url, authorization, connectTimeout, builder.maxResponseBytes);
        this.invoker = new Invoker(transport, readTimeout, waitTimeout);
        this.supvisors = new SupvisorsCalls(invoker);
        this.supervisor = new SupervisorCalls(invoker);
        this.system = new SystemCalls(invoker);
    }

    /**
     * A builder of a client of the agent at {@code url}: {@code http://host:port} (the path {@code /RPC2} is added
     * when none is given) or {@code https://...}; a user name and password written in the URL
     * ({@code http://user:secret@host:port}) are used as credentials unless {@link Builder#credentials} is called.
     *
     * @throws IllegalArgumentException when the URL is not an http(s) URL with a host
     */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** The URL called, without credentials. */
    public URI url() {
        return transport.url();
    }

    /** The {@code supvisors.*} methods. */
    public SupvisorsApi supvisors() {
        return supvisors;
    }

    /** The {@code supervisor.*} methods of the supervisord behind the agent. */
    public SupervisorApi supervisor() {
        return supervisor;
    }

    /** The {@code system.*} methods. */
    public SystemApi system() {
        return system;
    }

    /**
     * Calls any method with the read timeout and returns its value untyped: {@code String}, {@code Integer},
     * {@code Long} ({@code i8}), {@code Boolean}, {@code Double}, {@code byte[]}, {@code LocalDateTime}, a read-only
     * {@code Map<String, Object>} for a struct, a read-only {@code List<Object>} for an array, {@code null} for nil.
     * Parameters take the same Java types ({@code Map} with {@code String} keys, any {@code Collection} or array),
     * plus {@code Short}, {@code Byte}, {@code Float}.
     *
     * @throws IllegalArgumentException when a parameter has another type or a character XML cannot carry
     */
    public Object call(String method, Object... params) throws XmlRpcFault, CommunicationException {
        return invoker.call(readTimeout, method, Arrays.asList(params));
    }

    /**
     * As {@link #call}, with {@code timeout} instead of the read timeout.
     *
     * @param timeout the longest wait for the complete answer; {@code null} waits as long as it takes
     */
    public Object callWithTimeout(Duration timeout, String method, Object... params)
            throws XmlRpcFault, CommunicationException {
        return invoker.call(timeout, method, Arrays.asList(params));
    }

    /** The connect timeout. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The read timeout, {@code null} for none. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** The wait timeout, {@code null} for none. */
    public Duration waitTimeout() {
        return waitTimeout;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return transport.isClosed();
    }

    /** Abandons the calls in progress and releases connections and threads. Idempotent. */
    @Override
    public void close() {
        transport.close();
    }

    /** The settings of a {@link SupvisorsClient}. */
    public static final class Builder {
        private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
        private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
        private static final long DEFAULT_MAX_RESPONSE_BYTES = 64L << 20;

        private final URI url;
        private String username;
        private String password;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration waitTimeout;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder(String url) {
            Objects.requireNonNull(url, "url");
            URI uri;
            try {
                uri = new URI(url.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("url: " + url + " (expected: http://host:port; " + e.getReason()
                        + ")", e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("url: " + redact(url) + " (expected: http://host:port or"
                        + " https://host:port; the agent serves XML-RPC over TCP only)");
            }
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                username = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/")
                    ? "/RPC2" : uri.getRawPath();
            this.url = URI.create(scheme + "://" + hostPort(uri) + path);
        }

        private static String hostPort(URI uri) {
            String host = uri.getHost();
            return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
        }

        private static String redact(String url) {
            return url.replaceAll("//[^/@]*@", "//***@");
        }

        /** HTTP basic credentials, as in supervisord's {@code [inet_http_server]}; {@code null} user: none. */
        public Builder credentials(String username, String password) {
            this.username = username;
            this.password = username == null ? null : Objects.requireNonNullElse(password, "");
            return this;
        }

        /** The longest wait for a TCP connection (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", Objects.requireNonNull(timeout, "connectTimeout"));
            return this;
        }

        /**
         * The longest wait for the complete answer of a call that answers at once, counted from the call, connection
         * included (default 30 s); {@code null}: none.
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout == null ? null : positive("readTimeout", timeout);
            return this;
        }

        /**
         * The longest wait for the answer of a call made with {@code wait = true} (and of {@code system.multicall}),
         * counted from the call; {@code null} (the default): none, such a call lasts as long as the work it waits
         * for.
         */
        public Builder waitTimeout(Duration timeout) {
            this.waitTimeout = timeout == null ? null : positive("waitTimeout", timeout);
            return this;
        }

        /** The largest answer accepted, in bytes (default 64 MiB); a larger one is an unexpected response. */
        public Builder maxResponseBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxResponseBytes: " + bytes + " (expected: > 0)");
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /** The client; nothing is connected before its first call. */
        public SupvisorsClient build() {
            return new SupvisorsClient(this);
        }

        private static Duration positive(String name, Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(name + ": " + timeout + " (expected: > 0)");
            }
            return timeout;
        }
    }
}
