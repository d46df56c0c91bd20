package org.supvisors.transport.xmlrpc;

import io.netty.channel.Channel;

/**
 * Another protocol served on the agent's HTTP port (port unification): a connection whose first bytes are this
 * protocol's {@link #magic()} is handed to it, any other connection gets the HTTP pipeline, unchanged.
 *
 * @see XmlRpcServer#protocol(PortProtocol)
 */
public interface PortProtocol {

    /**
     * The bytes a client of this protocol sends first: at least 4, and not the start of any HTTP request (an HTTP
     * method is upper-case letters followed by a space).
     */
    byte[] magic();

    /**
     * Builds the pipeline of a connection that sent the magic, on its event loop. The magic is consumed; the bytes
     * after it reach the handlers added here (with {@code addLast}).
     */
    void initChannel(Channel channel);
}
