package org.supvisors.client.event;

import java.net.URI;

/**
 * What a {@link SupvisorsEventSubscriber} receives, one call at a time, on its thread, in the order the publisher
 * sent the messages. Every method does nothing by default: override those you need. {@link #onEvent} sees every
 * message first and dispatches it to the typed methods; override it to handle all topics in one place.
 * An exception thrown here is logged and the subscriber goes on.
 */
public interface SupvisorsEventListener {

    /** Every message; by default, calls the method of its type. */
    default void onEvent(SupvisorsEvent event) {
        if (event instanceof SupvisorsStatus) {
            onSupvisorsStatus((SupvisorsStatus) event);
        } else if (event instanceof InstanceStatus) {
            onInstanceStatus((InstanceStatus) event);
        } else if (event instanceof ApplicationStatus) {
            onApplicationStatus((ApplicationStatus) event);
        } else if (event instanceof ProcessEvent) {
            onProcessEvent((ProcessEvent) event);
        } else if (event instanceof ProcessStatus) {
            onProcessStatus((ProcessStatus) event);
        } else if (event instanceof HostStatistics) {
            onHostStatistics((HostStatistics) event);
        } else if (event instanceof ProcessStatistics) {
            onProcessStatistics((ProcessStatistics) event);
        } else {
            throw new IllegalArgumentException("event: " + event.getClass().getName()
                    + " (expected: a permitted SupvisorsEvent)");
        }
    }

    default void onSupvisorsStatus(SupvisorsStatus status) {
    }

    default void onInstanceStatus(InstanceStatus status) {
    }

    default void onApplicationStatus(ApplicationStatus status) {
    }

    default void onProcessEvent(ProcessEvent event) {
    }

    default void onProcessStatus(ProcessStatus status) {
    }

    default void onHostStatistics(HostStatistics statistics) {
    }

    default void onProcessStatistics(ProcessStatistics statistics) {
    }

    /** Connected (again) to the publisher: messages flow from now on; those published meanwhile are lost. */
    default void onConnected(URI endpoint) {
    }

    /** The connection was lost or closed; the subscriber reconnects unless it was closed. */
    default void onDisconnected(URI endpoint, String reason) {
    }
}
