package org.supvisors.bench.command;

/** A failure of a benchmark that is reported as one line, without a stack trace. */
public final class BenchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
