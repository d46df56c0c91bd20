package org.supvisors.core.peer;

/** A peer message whose content does not fit its kind: the message is dropped, the link and the model are kept. */
public final class MalformedMessageException extends Exception {

    public MalformedMessageException(String message) {
        super(message, null, false, false);
    }
}
