package org.supvisors.core.instance;

import java.util.Objects;
import java.util.Optional;

import org.supvisors.core.config.InstanceDeclaration;

/**
 * How a Supvisors instance is named: its identifier {@code host_id:http_port} (the canonical name used in every
 * exchange and result), its nickname, and the parts they are made of.
 *
 * @param identifier {@code host_id:http_port}
 * @param nickIdentifier the user-friendly alias, accepted wherever an identifier is
 * @param hostId the host part as written in {@code supvisors_list}
 * @param httpPort the supervisord HTTP port
 */
public record InstanceIdentity(String identifier, String nickIdentifier, String hostId, int httpPort) {

    /** Supervisor's default {@code identifier}, never taken as a nickname. */
    public static final String SUPERVISOR_DEFAULT_IDENTIFIER = "supervisor";

    public InstanceIdentity {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(nickIdentifier, "nickIdentifier");
        Objects.requireNonNull(hostId, "hostId");
    }

    /**
     * The identity that 0.19 derives from a {@code supvisors_list} item: the port is the written one or the local
     * HTTP port; the nickname is the written one unless absent or {@code supervisor}, else the identifier when a
     * port was written, else the host.
     */
    public static InstanceIdentity of(InstanceDeclaration declaration, int localHttpPort) {
        int port = declaration.httpPort().orElse(localHttpPort);
        String identifier = declaration.host() + ":" + port;
        Optional<String> nick = declaration.nick().filter(n -> !n.equals(SUPERVISOR_DEFAULT_IDENTIFIER));
        String nickIdentifier = nick.orElse(declaration.httpPort().isPresent() ? identifier : declaration.host());
        return new InstanceIdentity(identifier, nickIdentifier, declaration.host(), port);
    }

    /**
     * The identity of an instance that declares itself because {@code supvisors_list} is empty:
     * {@code <supervisord identifier>hostname:http_port}.
     */
    public static InstanceIdentity ofSelf(String supervisordIdentifier, String hostName, int httpPort) {
        String nick = supervisordIdentifier == null || supervisordIdentifier.isEmpty() ? null : supervisordIdentifier;
        InstanceDeclaration declaration = new InstanceDeclaration(
                (nick == null ? "" : "<" + nick + ">") + hostName + ":" + httpPort,
                Optional.ofNullable(nick), hostName, Optional.of(httpPort));
        return of(declaration, httpPort);
    }

    @Override
    public String toString() {
        return nickIdentifier.equals(identifier) ? identifier : "<" + nickIdentifier + ">" + identifier;
    }
}
