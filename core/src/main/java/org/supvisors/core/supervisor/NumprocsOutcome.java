package org.supvisors.core.supervisor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.supvisors.core.api.SupvisorsFault;

/**
 * What came of an {@code ApplyNumprocs} effect.
 *
 * @param processes the names of the program's processes, by group removed and added again with the new
 *     {@code numprocs}
 * @param restart the processes that were running before being stopped for the change ({@code group:name}), to be
 *     started again if they still exist
 * @param fault what stopped the change, if anything (the groups already changed stay changed)
 */
public record NumprocsOutcome(Map<String, List<String>> processes, List<String> restart,
                              Optional<SupvisorsFault> fault) {

    public NumprocsOutcome {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        processes.forEach((group, names) -> copy.put(group, List.copyOf(names)));
        processes = java.util.Collections.unmodifiableMap(copy);
        restart = List.copyOf(restart);
        Objects.requireNonNull(fault, "fault");
    }

    /** A change that could not start, nothing stopped. */
    public static NumprocsOutcome failed(SupvisorsFault fault) {
        return new NumprocsOutcome(Map.of(), List.of(), Optional.of(fault));
    }
}
