package org.supvisors.stats;

import java.util.OptionalInt;

/**
 * The processes of the {@code supervisord} sample: the agent itself and, when it runs as supervisord's event
 * listener, supervisord (0.19: supervisord and its collector process).
 *
 * @param agent the agent's pid
 * @param supervisord supervisord's pid, when known
 */
public record SelfProcesses(int agent, OptionalInt supervisord) {

    /** The current process, child of supervisord when {@code underSupervisord}. */
    public static SelfProcesses current(boolean underSupervisord) {
        ProcessHandle self = ProcessHandle.current();
        OptionalInt parent = underSupervisord
                ? self.parent().map(p -> OptionalInt.of((int) p.pid())).orElse(OptionalInt.empty())
                : OptionalInt.empty();
        return new SelfProcesses((int) self.pid(), parent);
    }
}
