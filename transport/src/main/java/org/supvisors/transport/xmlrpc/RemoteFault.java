package org.supvisors.transport.xmlrpc;

/**
 * A fault as answered by supervisord (or any XML-RPC server): its code may be one that neither Supervisor nor
 * Supvisors defines, so it is kept as a number.
 */
final class RemoteFault extends RuntimeException {

    private final int code;

    RemoteFault(int code, String faultString) {
        super(faultString, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }

    String faultString() {
        return getMessage();
    }
}
