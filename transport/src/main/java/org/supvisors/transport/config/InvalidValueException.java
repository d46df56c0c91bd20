package org.supvisors.transport.config;

/** A value that cannot be converted; the message is the reason, without the place (the caller adds it). */
final class InvalidValueException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidValueException(String reason) {
        super(reason, null, false, false);
    }
}
