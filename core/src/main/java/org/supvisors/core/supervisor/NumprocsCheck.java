package org.supvisors.core.supervisor;

import java.util.Objects;
import java.util.Optional;

/**
 * What the configuration files say of a program for {@code update_numprocs}, read when it is called.
 *
 * @param sectionKind {@code program}, {@code fcgi-program} or {@code eventlistener}; empty when the files do not
 *     define the program (any more)
 * @param processName its {@code process_name} as written, before expansion
 * @param includeProblem why supervisord would not read the override file after every other file (what to add to
 *     which file), empty when it would
 */
public record NumprocsCheck(Optional<String> sectionKind, String processName, Optional<String> includeProblem) {

    public NumprocsCheck {
        Objects.requireNonNull(sectionKind, "sectionKind");
        Objects.requireNonNull(processName, "processName");
        Objects.requireNonNull(includeProblem, "includeProblem");
    }
}
