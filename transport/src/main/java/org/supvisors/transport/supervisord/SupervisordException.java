package org.supvisors.transport.supervisord;

/**
 * A call to supervisord's XML-RPC that did not succeed: either supervisord answered with a fault
 * ({@link SupervisordFaultException}) or no answer came ({@link SupervisordTransportException}).
 */
public abstract sealed class SupervisordException extends Exception
        permits SupervisordFaultException, SupervisordTransportException {

    private final String url;
    private final String method;

    SupervisordException(String url, String method, String message, Throwable cause) {
        super(message, cause);
        this.url = url;
        this.method = method;
    }

    /** The XML-RPC endpoint called, e.g. {@code http://127.0.0.1:9001/RPC2}. */
    public String url() {
        return url;
    }

    /** The XML-RPC method called, e.g. {@code supervisor.startProcess}. */
    public String method() {
        return method;
    }
}
