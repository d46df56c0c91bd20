package org.supvisors.transport.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code [inet_http_server]}, which the agent needs to call supervisord: {@code port} as supervisord reads it
 * ({@code host:port}, {@code :port}, {@code *:port} or {@code port}; the host is lower-cased, {@code *} and nothing
 * mean every interface), and the credentials, which must be in clear text since the agent sends them.
 */
final class HttpServerReader {

    static final String SECTION = "inet_http_server";
    private static final String MUST = "Supervisor MUST be configured using inet_http_server";

    private HttpServerReader() {
    }

    /**
     * The HTTP server settings.
     *
     * @param file the main configuration file, named when the section is missing
     * @throws ConfigurationException when the section, its port or half of the credentials is missing, when the port
     *     is not valid, or when the password is a {@code {SHA}} hash
     */
    static HttpServerSettings read(IniDocument document, Expansions expansions, Path file)
            throws ConfigurationException {
        IniSection section = document.section(SECTION).orElseThrow(() -> new ConfigurationException(file + ": "
                + MUST + " (no [inet_http_server] section in this file or the files it includes)"));
        IniValue port = document.value(SECTION, "port").orElseThrow(() -> new ConfigurationException(
                section.location() + ": " + MUST + " (section [inet_http_server] has no port value)"));
        String host = "";
        int number;
        String text = expand(port, "port", expansions, port.shown());
        int colon = text.lastIndexOf(':');
        String portText = text;
        if (colon >= 0) {
            host = text.substring(0, colon).toLowerCase(Locale.ROOT);
            portText = text.substring(colon + 1);
        }
        try {
            long value = SupervisorDatatypes.integer(portText);
            if (value < 1 || value > 65535) {
                throw new NumberFormatException("out of range");
            }
            number = (int) value;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(port.location() + ": port=" + port.shown()
                    + ": not a valid port number (expected: [host:]port with a port in 1..65535)");
        }
        if (host.equals("*")) {
            host = "";
        }
        Optional<IniValue> username = document.value(SECTION, "username");
        Optional<IniValue> password = document.value(SECTION, "password");
        if (username.isPresent() != password.isPresent()) {
            throw new ConfigurationException(section.location() + ": section [inet_http_server] contains incomplete"
                    + " authentication (expected: both username and password, or neither)");
        }
        Optional<String> user = Optional.empty();
        Optional<String> secret = Optional.empty();
        if (username.isPresent()) {
            user = Optional.of(expand(username.get(), "username", expansions, username.get().shown()));
            String clear = expand(password.get(), "password", expansions, "***");
            if (clear.startsWith("{SHA}")) {
                throw new ConfigurationException(password.get().location() + ": password={SHA}...: the agent calls"
                        + " supervisord's XML-RPC with this password, so it needs it in clear text, not as a SHA-1"
                        + " hash (expected: the clear password, in a file readable only by its owner)");
            }
            secret = Optional.of(clear);
        }
        return new HttpServerSettings(host, number, user, secret);
    }

    private static String expand(IniValue value, String key, Expansions expansions, String shown)
            throws ConfigurationException {
        try {
            return expansions.expand(value);
        } catch (InvalidValueException e) {
            throw new ConfigurationException(value.location() + ": " + key + "=" + shown + ": " + e.getMessage());
        }
    }
}
