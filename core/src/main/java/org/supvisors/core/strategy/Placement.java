package org.supvisors.core.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the instance that takes a process (state-machines.md §7.1): among the candidates (RUNNING, in rule
 * order), those whose node can take the load are valid; each strategy picks one of them.
 */
public interface Placement {

    /**
     * @param candidates the RUNNING candidates, in the order of the rules
     * @param load the expected loading of what is started
     * @param localIdentifier the local instance (for LOCAL)
     * @return the chosen instance, empty when none can take the load
     */
    Optional<String> choose(List<Candidate> candidates, int load, String localIdentifier);

    /** The placement of a strategy. */
    static Placement of(StartingStrategy strategy) {
        switch (strategy) {
            case CONFIG:
                return new ConfigPlacement();
            case LESS_LOADED:
                return new LoadPlacement(Comparator.comparingInt(Candidate::instanceLoad)
                        .thenComparingInt(Candidate::nodeLoad), false);
            case MOST_LOADED:
                return new LoadPlacement(Comparator.comparingInt(Candidate::instanceLoad)
                        .thenComparingInt(Candidate::nodeLoad), true);
            case LESS_LOADED_NODE:
                return new LoadPlacement(Comparator.comparingInt(Candidate::nodeLoad)
                        .thenComparingInt(Candidate::instanceLoad), false);
            case MOST_LOADED_NODE:
                return new LoadPlacement(Comparator.comparingInt(Candidate::nodeLoad)
                        .thenComparingInt(Candidate::instanceLoad), true);
            case LOCAL:
                return new LocalPlacement();
            default:
                throw new IllegalArgumentException("starting strategy not placed: " + strategy);
        }
    }

    /** The valid candidates, in order. */
    static List<Candidate> valid(List<Candidate> candidates, int load) {
        List<Candidate> valid = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.canTake(load)) {
                valid.add(candidate);
            }
        }
        return valid;
    }
}
