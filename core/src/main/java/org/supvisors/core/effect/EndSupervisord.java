package org.supvisors.core.effect;

/**
 * Ask the local supervisord to restart ({@code supervisor.restart}) or to shut down ({@code supervisor.shutdown}):
 * Supvisors reached FINAL.
 *
 * @param restart true to restart, false to shut down
 */
public record EndSupervisord(boolean restart) implements Effect {
}
