package org.supvisors.transport.supervisord;

/** A header or payload received from supervisord that does not read as expected; the message says why. */
final class MalformedEventException extends Exception {

    MalformedEventException(String message) {
        super(message);
    }
}
