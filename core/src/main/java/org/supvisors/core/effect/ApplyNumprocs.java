package org.supvisors.core.effect;

import java.util.List;
import java.util.Objects;

/**
 * Change the {@code numprocs} of a program in the local supervisord, which cannot do it at run time: write
 * {@code numprocs} in the agent's override file, {@code supervisor.reloadConfig()}, then for each group of
 * {@code groups} that reloadConfig reports changed (never another one): stop its processes, remember which were
 * running, {@code removeProcessGroup}, {@code addProcessGroup}. Deliver what came of it with
 * {@code Supvisors.onNumprocsApplied}; the core then starts again the processes that were running.
 *
 * @param request the number of the {@code update_numprocs} request
 * @param section the section to override, of the program's own kind, e.g. {@code program:x}
 * @param program the program name
 * @param numprocs the new {@code numprocs}, &gt; 0
 * @param groups the groups of the local supervisord that hold the program
 * @param stopTimeout how long, in seconds, stopping the processes of these groups may take at most
 */
public record ApplyNumprocs(long request, String section, String program, int numprocs, List<String> groups,
                            double stopTimeout) implements Effect {

    public ApplyNumprocs {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(program, "program");
        groups = List.copyOf(groups);
    }
}
