package org.supvisors.core.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * LESS_LOADED, MOST_LOADED, LESS_LOADED_NODE, MOST_LOADED_NODE: the valid candidates sorted by load (stable, so
 * that ties keep the order of the rules), the first for LESS_*, the last for MOST_*.
 */
final class LoadPlacement implements Placement {

    private final Comparator<Candidate> order;
    private final boolean last;

    LoadPlacement(Comparator<Candidate> order, boolean last) {
        this.order = order;
        this.last = last;
    }

    @Override
    public Optional<String> choose(List<Candidate> candidates, int load, String localIdentifier) {
        List<Candidate> sorted = new ArrayList<>(Placement.valid(candidates, load));
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        sorted.sort(order);
        return Optional.of(sorted.get(last ? sorted.size() - 1 : 0).identifier());
    }
}
