package org.supvisors.transport.supervisord;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;

import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcLiteHttpTransport;
import org.apache.xmlrpc.client.XmlRpcTransport;
import org.apache.xmlrpc.client.XmlRpcTransportFactoryImpl;

/**
 * The library's Lite HTTP transport: one fresh HTTP/1.0 connection per call. A call on a reused keep-alive
 * connection to supervisord takes about 44 ms (the JDK's {@code HttpURLConnection} keeps connections alive, as
 * Python's client and {@code java.net.http} do), a fresh connection per call about 1 ms. Four changes:
 *
 * <ul>
 * <li>The request is not followed by a half-close: the library shuts the socket's output down once the request is
 * sent, and supervisord (medusa) then drops the connection of a call it answers later, such as
 * {@code startProcess(name, true)} of a program with {@code startsecs} &gt; 0: the caller read an empty answer.
 * The connection is closed after the answer instead (supervisord closes HTTP/1.0 connections itself).</li>
 * <li>The connection timeout is honoured (the library's {@code new Socket(host, port)} has none).</li>
 * <li>A refused connection fails at once: the library retries it three times, 100 ms apart, in the caller's
 * thread; the agent has its own policy for an absent supervisord.</li>
 * <li>{@code TCP_NODELAY}, so that no request waits on Nagle's algorithm.</li>
 * </ul>
 * A new transport is created per call, so the factory is thread-safe.
 */
final class LiteTransportFactory extends XmlRpcTransportFactoryImpl {

    private final int connectTimeoutMillis;

    LiteTransportFactory(XmlRpcClient client, int connectTimeoutMillis) {
        super(client);
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public XmlRpcTransport getTransport() {
        return new XmlRpcLiteHttpTransport(getClient()) {
            @Override
            protected Socket newSocket(boolean ssl, String host, int port) throws IOException {
                if (ssl) {
                    throw new IOException("https: not supported (expected: http, as supervisord serves)");
                }
                Socket socket = new Socket() {
                    @Override
                    public void shutdownOutput() {
                        // no half-close: see the class comment
                    }
                };
                try {
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
                    return socket;
                } catch (ConnectException refused) {
                    socket.close();
                    // not a ConnectException, which the transport would retry
                    SocketException failFast = new SocketException(refused.getMessage());
                    failFast.initCause(refused);
                    throw failFast;
                } catch (IOException | RuntimeException e) {
                    socket.close();
                    throw e;
                }
            }
        };
    }
}
