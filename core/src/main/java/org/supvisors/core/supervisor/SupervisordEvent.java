package org.supvisors.core.supervisor;

/**
 * An event of the local supervisord, as received by the agent's event listener and already parsed.
 * Every implementation is a record of this file's package.
 */
public sealed interface SupervisordEvent
        permits ProcessStateEvent, ProcessGroupEvent, SupervisorStateEvent, Tick5Event {
}
