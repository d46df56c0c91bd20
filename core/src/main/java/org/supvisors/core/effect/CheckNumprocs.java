package org.supvisors.core.effect;

import java.util.Objects;

/**
 * Read again what the configuration files say of a program (its section kind, its {@code process_name}) and
 * whether supervisord reads the override file of {@code update_numprocs} after every other file, and deliver it
 * with {@code Supvisors.onNumprocsChecked}.
 *
 * @param request the number of the {@code update_numprocs} request
 * @param program the program name
 */
public record CheckNumprocs(long request, String program) implements Effect {

    public CheckNumprocs {
        Objects.requireNonNull(program, "program");
    }
}
