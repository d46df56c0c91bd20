package org.supvisors.transport.xmlrpc;

import java.util.Objects;

import org.supvisors.transport.config.HttpServerSettings;

/**
 * The configuration of the agent's HTTP/XML-RPC server.
 *
 * @param listen where to listen (host empty or {@code *} = every interface; port 0 = any free port) and the
 *        credentials callers must give, if any (a password may be {@code {SHA}<hex>}, as in supervisord)
 * @param supervisord the supervisord to forward {@code supervisor.*} and {@code system.*} to, with the credentials
 *        the agent uses there (host empty or {@code *} = 127.0.0.1)
 * @param maxBodyBytes the largest request body accepted; larger ones are answered 413 without being read
 * @param ioThreads the event loop threads, which accept connections, serve them and forward to supervisord
 */
public record XmlRpcServerConfig(HttpServerSettings listen, HttpServerSettings supervisord, int maxBodyBytes,
        int ioThreads) {

    /** 10 MiB: far above any XML-RPC request of Supervisor or Supvisors. */
    public static final int DEFAULT_MAX_BODY_BYTES = 10 << 20;
    /** Two threads: one to accept and serve, one more to serve while a large answer is encoded. */
    public static final int DEFAULT_IO_THREADS = 2;

    public XmlRpcServerConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(supervisord, "supervisord");
        if (listen.port() < 0 || listen.port() > 65535) {
            throw new IllegalArgumentException("listen port: " + listen.port() + " (expected: 0-65535)");
        }
        if (supervisord.port() <= 0 || supervisord.port() > 65535) {
            throw new IllegalArgumentException("supervisord port: " + supervisord.port() + " (expected: 1-65535)");
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes: " + maxBodyBytes + " (expected: > 0)");
        }
        if (ioThreads < 1 || ioThreads > 16) {
            throw new IllegalArgumentException("ioThreads: " + ioThreads + " (expected: 1-16)");
        }
    }

    /** The configuration with the default body limit and thread count. */
    public static XmlRpcServerConfig of(HttpServerSettings listen, HttpServerSettings supervisord) {
        return new XmlRpcServerConfig(listen, supervisord, DEFAULT_MAX_BODY_BYTES, DEFAULT_IO_THREADS);
    }

    public XmlRpcServerConfig withMaxBodyBytes(int maxBodyBytes) {
        return new XmlRpcServerConfig(listen, supervisord, maxBodyBytes, ioThreads);
    }

    public XmlRpcServerConfig withIoThreads(int ioThreads) {
        return new XmlRpcServerConfig(listen, supervisord, maxBodyBytes, ioThreads);
    }
}
