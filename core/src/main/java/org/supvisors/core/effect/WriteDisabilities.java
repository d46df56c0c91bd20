package org.supvisors.core.effect;

import java.util.Map;

/**
 * Rewrite the {@code disabilities_file} (if configured) with the disabled status of every local program.
 *
 * @param disabilities program name → disabled
 */
public record WriteDisabilities(Map<String, Boolean> disabilities) implements Effect {

    public WriteDisabilities {
        disabilities = Map.copyOf(disabilities);
    }
}
