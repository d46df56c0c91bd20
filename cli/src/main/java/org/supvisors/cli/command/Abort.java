package org.supvisors.cli.command;

/**
 * Ends the command being run with a message and an exit status: the controller prints the message (unless empty)
 * and sets the status. Used where the original returns early after an output and a status.
 */
public final class Abort extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public Abort(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
