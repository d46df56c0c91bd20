package org.supvisors.bench.xmlrpc;

/** A failure of the benchmark that is reported as one line, without a stack trace. */
final class BenchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BenchException(String message) {
        super(message);
    }

    BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
