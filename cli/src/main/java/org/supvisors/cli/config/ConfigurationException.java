package org.supvisors.cli.config;

/** A configuration that cannot be used: supervisorctl then prints {@code Error: <message>} and exits with 2. */
public final class ConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
