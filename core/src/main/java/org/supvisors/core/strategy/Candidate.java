package org.supvisors.core.strategy;

/**
 * An instance that may take a process, with its loads counted as a starting strategy sees them: the load of the
 * instance and of its node, pending starts included.
 *
 * @param identifier the instance
 * @param instanceLoad the expected loading of what runs there, plus the pending starts targeting it
 * @param nodeLoad the same summed over the instances of its node
 */
public record Candidate(String identifier, int instanceLoad, int nodeLoad) {

    /** The node can take {@code load} more without exceeding 100 %. */
    public boolean canTake(int load) {
        return nodeLoad + load <= 100;
    }
}
