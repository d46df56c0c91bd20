package org.supvisors.core.effect;

import java.util.Objects;

/**
 * Stop a process of the local supervisord ({@code supervisor.stopProcess(namespec, False)}).
 *
 * @param namespec the process
 */
public record StopLocalProcess(String namespec) implements Effect {

    public StopLocalProcess {
        Objects.requireNonNull(namespec, "namespec");
    }
}
