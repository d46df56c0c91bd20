package org.supvisors.core.effect;

/**
 * Read every process of the local supervisord ({@code getAllProcessInfo}, {@code getAllConfigInfo}, the
 * configuration files) and deliver them with {@code Supvisors.onLocalProcesses}; retry until supervisord answers.
 *
 * @param reason why (start, events lost), for the logs
 */
public record LoadLocalProcesses(String reason) implements Effect {
}
