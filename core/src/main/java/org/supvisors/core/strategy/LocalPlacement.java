package org.supvisors.core.strategy;

import java.util.List;
import java.util.Optional;

/** LOCAL: the local instance if it is a valid candidate, otherwise none. */
final class LocalPlacement implements Placement {

    @Override
    public Optional<String> choose(List<Candidate> candidates, int load, String localIdentifier) {
        return Placement.valid(candidates, load).stream().map(Candidate::identifier)
                .filter(localIdentifier::equals).findFirst();
    }
}
