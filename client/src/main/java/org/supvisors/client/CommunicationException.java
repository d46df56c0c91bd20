package org.supvisors.client;

import java.net.URI;

/**
 * No valid answer came back from the server: it could not be reached, refused the credentials, did not answer in
 * time, or answered something that is not an XML-RPC response. {@link #reason()} says which; the message says it
 * in a sentence that names the URL.
 */
public final class CommunicationException extends SupvisorsClientException {

    private static final long serialVersionUID = 1L;

    /** Why the call got no answer. */
    public enum Reason {
        /** Nothing listens on the port (connection refused). */
        CONNECTION_REFUSED,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** No connection within the connect timeout. */
        CONNECT_TIMEOUT,
        /** No complete answer within the timeout of the call. */
        READ_TIMEOUT,
        /** HTTP 401: missing or wrong user name or password. */
        UNAUTHORIZED,
        /** Another HTTP status than 200 (see {@link #httpStatus()}). */
        HTTP_STATUS,
        /** The answer is not a valid XML-RPC response, or not of the type the method returns. */
        UNEXPECTED_RESPONSE,
        /** The connection failed before the answer was complete (reset, closed, unreachable network...). */
        CONNECTION_LOST,
        /** The calling thread was interrupted while waiting (its interrupt status is set again). */
        INTERRUPTED,
        /** The client was closed before or during the call. */
        CLOSED
    }

    /** Why the call got no answer. */
    private final Reason reason;
    /** The HTTP status received, 0 when none was. */
    private final int httpStatus;

    CommunicationException(URI url, String method, Reason reason, int httpStatus, String message, Throwable cause) {
        super(url, method, message, cause);
        this.reason = reason;
        this.httpStatus = httpStatus;
    }

    CommunicationException(URI url, String method, Reason reason, String message, Throwable cause) {
        this(url, method, reason, 0, message, cause);
    }

    /** Why the call got no answer. */
    public Reason reason() {
        return reason;
    }

    /** The HTTP status received, 0 when none was. */
    public int httpStatus() {
        return httpStatus;
    }
}
