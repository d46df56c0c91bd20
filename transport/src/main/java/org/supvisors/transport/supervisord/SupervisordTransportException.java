package org.supvisors.transport.supervisord;

/**
 * No usable answer came from supervisord: connection refused or timed out, HTTP error (401 for wrong
 * credentials), unreadable or unexpected answer. The message names the URL and the method.
 */
public final class SupervisordTransportException extends SupervisordException {

    SupervisordTransportException(String url, String method, String reason, Throwable cause) {
        super(url, method, method + " at " + url + ": " + reason, cause);
    }
}
