package org.supvisors.core.strategy;

import java.util.List;
import java.util.Optional;

/** CONFIG: the first valid candidate in the order of the rules. */
final class ConfigPlacement implements Placement {

    @Override
    public Optional<String> choose(List<Candidate> candidates, int load, String localIdentifier) {
        return Placement.valid(candidates, load).stream().findFirst().map(Candidate::identifier);
    }
}
