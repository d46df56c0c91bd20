package org.supvisors.core.effect;

/**
 * Keep the local supervisord's main loop turning (or stop doing so). supervisord checks {@code startsecs} and
 * dispatches events to its listeners only when its loop runs, which without I/O happens once a second: while local
 * processes are STARTING, BACKOFF or STOPPING, a cheap XML-RPC call every few tens of milliseconds makes RUNNING
 * and its event come when they are due, not up to two seconds later.
 *
 * @param active true while local processes are in transition
 */
public record PokeSupervisord(boolean active) implements Effect {
}
