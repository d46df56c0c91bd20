package org.supvisors.transport.config;

/**
 * A configuration that the agent cannot run with. The message is one line meant for the user, in the form
 * {@code file:line: option=value: reason} whenever a value is at fault.
 */
public final class ConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
