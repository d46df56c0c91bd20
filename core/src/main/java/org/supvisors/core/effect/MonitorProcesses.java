package org.supvisors.core.effect;

import java.util.Map;

/**
 * The local processes whose statistics are collected, by namespec, with their pids: those running on the local
 * instance. Emitted whenever the set changes (also while process statistics are off, so that a collector started
 * later knows it); each message replaces the previous one.
 *
 * @param pids namespec to pid (never 0)
 */
public record MonitorProcesses(Map<String, Integer> pids) implements Effect {

    public MonitorProcesses {
        pids = Map.copyOf(pids);
    }
}
