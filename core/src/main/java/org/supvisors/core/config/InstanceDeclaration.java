package org.supvisors.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One item of {@code supvisors_list}, as written: {@code [<nick>]host[:http_port]}.
 *
 * @param item the item text as written (for messages)
 * @param nick the nickname between angle brackets, if any
 * @param host the host part (name, FQDN, alias or IPv4 literal)
 * @param httpPort the written port, if any
 */
public record InstanceDeclaration(String item, Optional<String> nick, String host, Optional<Integer> httpPort) {

    public InstanceDeclaration {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(httpPort, "httpPort");
    }
}
