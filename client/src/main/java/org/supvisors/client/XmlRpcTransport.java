package org.supvisors.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.supvisors.client.CommunicationException.Reason;

/**
 * XML-RPC over the JDK's HTTP client: one {@code POST} per call on persistent HTTP/1.1 connections (the JDK pools
 * them per host and port: a connection is reused by the next call once its answer is read, and a new one is opened
 * when all are busy), basic credentials sent with every request (no challenge round trip), the answer bounded in
 * size and in time.
 *
 * <p>Contract: {@link #call} is thread-safe and blocks until the answer, the timeout of the call, an interrupt or
 * {@link #close()}; it never returns {@code null} for a failure: it throws. {@link #close()} abandons the calls in
 * progress (they throw {@code CLOSED}) and stops the client's threads.
 */
final class XmlRpcTransport implements AutoCloseable {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final URI url;
    private final String authorization;
    private final Duration connectTimeout;
    private final long maxResponseBytes;
    private final ExecutorService executor;
    private final HttpClient http;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    XmlRpcTransport(URI url, String authorization, Duration connectTimeout, long maxResponseBytes) {
        this.url = url;
        this.authorization = authorization;
        this.connectTimeout = connectTimeout;
        this.maxResponseBytes = maxResponseBytes;
        String prefix = "supvisors-client-" + CLIENTS.incrementAndGet() + "-";
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    URI url() {
        return url;
    }

    /**
     * Calls {@code method} and returns the value of the answer.
     *
     * @param timeout the longest wait for the complete answer, from now (connection included); {@code null}: none
     * @throws XmlRpcFault when the server answers with a fault
     * @throws CommunicationException when no valid answer comes back
     */
    Object call(String method, List<?> params, Duration timeout) throws XmlRpcFault, CommunicationException {
        byte[] body = XmlRpcRequestWriter.methodCall(method, params);
        if (closed) {
            throw new CommunicationException(url, method, Reason.CLOSED, url + ": client closed, " + method
                    + " not sent", null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "text/xml")
                .header("User-Agent", "supvisors-client");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            exchange = http.sendAsync(request.build(), LimitedBody.handler(maxResponseBytes));
        } catch (RejectedExecutionException e) {
            throw new CommunicationException(url, method, Reason.CLOSED, url + ": client closed, " + method
                    + " not sent", e);
        }
        inFlight.add(exchange);
        try {
            if (closed) {
                exchange.cancel(true);
            }
            HttpResponse<byte[]> response = timeout == null ? exchange.get()
                    : exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return decode(method, response);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new CommunicationException(url, method, Reason.READ_TIMEOUT, url + ": no answer to " + method
                    + " within " + Durations.text(timeout) + " (timeout of the call)", e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new CommunicationException(url, method, Reason.INTERRUPTED, url + ": interrupted while waiting"
                    + " for the answer to " + method, e);
        } catch (CancellationException e) {
            throw new CommunicationException(url, method, Reason.CLOSED, url + ": client closed while waiting for"
                    + " the answer to " + method, e);
        } catch (ExecutionException e) {
            throw failure(method, e.getCause() == null ? e : e.getCause());
        } finally {
            inFlight.remove(exchange);
        }
    }

    private Object decode(String method, HttpResponse<byte[]> response) throws XmlRpcFault, CommunicationException {
        int status = response.statusCode();
        if (status == 401) {
            throw new CommunicationException(url, method, Reason.UNAUTHORIZED, status, url + ": HTTP 401"
                    + " Unauthorized: " + (authorization == null ? "the server requires a user name and password"
                    : "wrong user name or password"), null);
        }
        if (status != 200) {
            throw new CommunicationException(url, method, Reason.HTTP_STATUS, status, url + ": HTTP " + status
                    + " answering " + method + excerpt(response.body()), null);
        }
        try {
            return XmlRpcResponseReader.read(response.body());
        } catch (XmlRpcResponseReader.RemoteFault fault) {
            throw new XmlRpcFault(url, method, fault.code, fault.faultString);
        } catch (XmlRpcResponseReader.MalformedResponse e) {
            throw unexpected(method, e.getMessage(), e);
        }
    }

    /** The answer is not what {@code method} returns. */
    CommunicationException unexpected(String method, String detail, Throwable cause) {
        return new CommunicationException(url, method, Reason.UNEXPECTED_RESPONSE, url + ": unexpected answer to "
                + method + ": " + detail, cause);
    }

    private CommunicationException failure(String method, Throwable error) {
        if (error instanceof HttpConnectTimeoutException) {
            return new CommunicationException(url, method, Reason.CONNECT_TIMEOUT, url + ": no connection within "
                    + Durations.text(connectTimeout) + " (connect timeout)", error);
        }
        if (error instanceof HttpTimeoutException) {
            return new CommunicationException(url, method, Reason.READ_TIMEOUT, url + ": no answer to " + method
                    + " in time (" + error.getMessage() + ")", error);
        }
        if (error instanceof LimitedBody.TooLarge) {
            return unexpected(method, error.getMessage(), error);
        }
        if (error instanceof CancellationException || closed) {
            return new CommunicationException(url, method, Reason.CLOSED, url + ": client closed while waiting for"
                    + " the answer to " + method, error);
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return new CommunicationException(url, method, Reason.UNKNOWN_HOST, url + ": unknown host "
                        + url.getHost(), error);
            }
        }
        String detail = innermostMessage(error);
        if (error instanceof ConnectException) {
            // JDK 17 reports a refused connection as a ConnectException without message (its cause: a closed
            // channel); other connect failures (no route, unreachable network) carry the system's message
            if (detail == null || detail.toLowerCase(java.util.Locale.ROOT).contains("refused")) {
                return new CommunicationException(url, method, Reason.CONNECTION_REFUSED, url
                        + " refused connection", error);
            }
            return new CommunicationException(url, method, Reason.CONNECTION_LOST, url + ": cannot connect: "
                    + detail, error);
        }
        if (error instanceof IOException) {
            return new CommunicationException(url, method, Reason.CONNECTION_LOST, url + ": connection lost before"
                    + " the answer to " + method + ": " + (detail == null ? error : detail), error);
        }
        return new CommunicationException(url, method, Reason.CONNECTION_LOST, url + ": " + method + " failed: "
                + error, error);
    }

    /** The message of the innermost cause that has one, {@code null} if none has. */
    private static String innermostMessage(Throwable error) {
        String message = null;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message;
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() <= 120 ? text : text.substring(0, 117) + "...");
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<?> exchange : inFlight) {
            exchange.cancel(true);
        }
        executor.shutdownNow();
        if (http instanceof AutoCloseable closeable) {
            // Java 21 and later: HttpClient closes its selector thread and connections at once
            try {
                closeable.close();
            } catch (Exception e) {
                System.getLogger(XmlRpcTransport.class.getName()).log(System.Logger.Level.DEBUG,
                        "closing the HTTP client of {0}: {1}", url, e);
            }
        }
    }
}
