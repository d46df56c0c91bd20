package org.supvisors.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How a call reaches the agent: one XML-RPC {@code methodCall} posted to {@link #url()}, its answer decoded.
 *
 * <p>Contract: {@link #call} is thread-safe and blocks until the answer, the timeout of the call or {@link #close()};
 * it never returns {@code null} for a failure: it throws. {@link #close()} abandons the calls in progress (they throw
 * {@code CLOSED}) and releases connections and threads. A call is never retried.
 */
interface Transport extends AutoCloseable {

    /** The URL called. */
    URI url();

    /**
     * Calls {@code method} and returns the value of the answer.
     *
     * @param timeout the longest wait for the complete answer, from now (connection included); {@code null}: none
     * @throws XmlRpcFault when the server answers with a fault
     * @throws CommunicationException when no valid answer comes back
     */
    Object call(String method, List<?> params, Duration timeout) throws XmlRpcFault, CommunicationException;

    /** The answer is not what {@code method} returns. */
    CommunicationException unexpected(String method, String detail, Throwable cause);

    boolean isClosed();

    @Override
    void close();
}
