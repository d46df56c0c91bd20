package org.supvisors.client;

import java.net.URI;

/**
 * A call that did not return a value: either the server answered with a fault ({@link XmlRpcFault}), or no valid
 * answer came back ({@link CommunicationException}). Every method of the client declares both: catch them apart, or
 * this one for both.
 */
public abstract sealed class SupvisorsClientException extends Exception
        permits XmlRpcFault, CommunicationException {

    private static final long serialVersionUID = 1L;

    /** The endpoint called. */
    private final URI url;
    /** The method called. */
    private final String method;

    SupvisorsClientException(URI url, String method, String message, Throwable cause) {
        super(message, cause);
        this.url = url;
        this.method = method;
    }

    /** The URL of the XML-RPC endpoint called. */
    public URI url() {
        return url;
    }

    /** The XML-RPC method called ({@code supvisors.start_application}, ...). */
    public String method() {
        return method;
    }
}
