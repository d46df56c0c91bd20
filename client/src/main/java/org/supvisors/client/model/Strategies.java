package org.supvisors.client.model;

import java.util.Map;

/**
 * The default strategies of Supvisors ({@code get_strategies}), compared between instances in the handshake.
 *
 * @param autoFencing the {@code auto-fencing} key: whether lost instances are isolated
 * @param starting the default starting strategy
 * @param conciliation the conciliation strategy applied automatically
 * @param supvisorsFailure the strategy when core instances are lost
 * @param raw the whole struct as received, unknown keys included
 */
public record Strategies(boolean autoFencing, StartingStrategy starting, ConciliationStrategy conciliation,
                         SupvisorsFailureStrategy supvisorsFailure, Map<String, Object> raw) {

    /** Copies {@code raw} into a read-only map. */
    public Strategies {
        raw = Struct.freeze(raw);
    }

    /**
     * Decodes the struct as the agent sends it.
     *
     * @throws IllegalArgumentException when a key is missing or holds another type
     */
    public static Strategies fromMap(Map<String, ?> map) {
        Struct s = Struct.of("Strategies", map);
        return new Strategies(s.bool("auto-fencing"), s.name("starting", StartingStrategy::fromName),
                s.name("conciliation", ConciliationStrategy::fromName),
                s.name("supvisors_failure", SupvisorsFailureStrategy::fromName), s.raw());
    }
}
