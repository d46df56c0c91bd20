package org.supvisors.core.effect;

import java.util.Objects;

/**
 * Start a process of the local supervisord ({@code supervisor.startProcess(namespec, False)}, after recording its
 * extra arguments for the launcher). A refusal comes back through {@code Supvisors.onLocalStartRefused}.
 *
 * @param namespec the process
 * @param extraArgs its extra arguments, empty for none
 */
public record StartLocalProcess(String namespec, String extraArgs) implements Effect {

    public StartLocalProcess {
        Objects.requireNonNull(namespec, "namespec");
        Objects.requireNonNull(extraArgs, "extraArgs");
    }
}
