package org.supvisors.core.peer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.supvisors.core.config.SupvisorsOptions;
import org.supvisors.core.strategy.ConciliationStrategy;
import org.supvisors.core.strategy.StartingStrategy;
import org.supvisors.core.strategy.SupvisorsFailureStrategy;

/**
 * The options that must be identical on every instance and that the handshake compares (the result of
 * {@code get_strategies}); any difference isolates both instances from each other.
 */
public record Strategies(boolean autoFence, StartingStrategy starting, ConciliationStrategy conciliation,
                        SupvisorsFailureStrategy supvisorsFailure) {

    public static Strategies of(SupvisorsOptions options) {
        return new Strategies(options.autoFence(), options.startingStrategy(), options.conciliationStrategy(),
                options.supvisorsFailureStrategy());
    }

    /** The structure of {@code get_strategies}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("auto-fencing", autoFence);
        map.put("starting", starting.name());
        map.put("conciliation", conciliation.name());
        map.put("supvisors_failure", supvisorsFailure.name());
        return map;
    }
}
