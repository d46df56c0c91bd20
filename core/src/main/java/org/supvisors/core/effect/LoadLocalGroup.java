package org.supvisors.core.effect;

/**
 * Read the processes of one group of the local supervisord (re-reading the configuration files, since the group
 * was just added) and deliver them with {@code Supvisors.onLocalGroup}.
 *
 * @param group the group name
 */
public record LoadLocalGroup(String group) implements Effect {
}
