package org.supvisors.client.model;

import java.util.Map;

/**
 * The names of a Supvisors instance: what {@code get_master_identifier} answers when a Master is known.
 *
 * @param identifier the identifier, {@code host:http_port}
 * @param nickIdentifier the nickname
 * @param raw the whole struct as received, unknown keys included
 */
public record InstanceIdentity(String identifier, String nickIdentifier, Map<String, Object> raw) {

    /** Copies {@code raw} into a read-only map. */
    public InstanceIdentity {
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as the agent sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static InstanceIdentity fromMap(Map<String, ?> map) {
        Struct s = Struct.of("InstanceIdentity", map);
        return new InstanceIdentity(s.string("identifier"), s.string("nick_identifier"), s.raw());
    }
}
