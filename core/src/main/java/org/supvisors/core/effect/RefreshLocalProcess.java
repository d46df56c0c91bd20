package org.supvisors.core.effect;

/**
 * Read one process of the local supervisord ({@code getProcessInfo}, for the spawn error that events do not carry)
 * and deliver it with {@code Supvisors.onLocalProcessRefreshed}.
 *
 * @param namespec the process
 */
public record RefreshLocalProcess(String namespec) implements Effect {
}
