package org.supvisors.transport.config;

import java.util.Optional;

/**
 * The {@code [inet_http_server]} section of supervisord.
 *
 * @param host the host part of {@code port}; empty or {@code *} means every interface
 * @param port the HTTP port
 * @param username the user name, if authentication is configured
 * @param password the password in clear, if authentication is configured
 */
public record HttpServerSettings(String host, int port, Optional<String> username, Optional<String> password) {

    /** True when supervisord demands credentials. */
    public boolean hasCredentials() {
        return username.isPresent();
    }
}
